import { type ApiName, type FieldDef, fieldsFor } from './fields';

function describe(apiName: string, def: FieldDef): Record<string, unknown> {
  const { enumName: _enumName, custom: _custom, content, ...shown } = def;
  return content ? { apiName, ...shown, content: describeAll(Object.entries(content)) } : { apiName, ...shown };
}

const describeAll = (fields: Array<[string, FieldDef]>): Record<string, unknown> =>
  Object.fromEntries(fields.map(([name, def]) => [name, describe(name, def)]));

/** GET …/<api>/resourceType/profile: the description an edit form is built from. */
export function profileMetadata(api: ApiName, baseUrl: string): Record<string, unknown> {
  return {
    name: 'profile',
    label: 'Profiles',
    schema: 'nms:recipient',
    content: describeAll(fieldsFor(api)),
    filters: { href: `${baseUrl}/${api}/profile/filters/` }, // listed like Campaign does; not served
  };
}
