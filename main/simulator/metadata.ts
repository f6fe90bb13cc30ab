import { type ApiName, type EnumValue, type FieldDef, fieldsFor } from './fields';
import type { EnumShape } from './types';

/** How the description is worded (SimulatorOptions, defaults in config.ts); what the simulator stores and accepts does not change. */
export interface MetadataStyle {
  enumShape: EnumShape;
  sizedNumberTypes: boolean;
  timestampsAsStrings: boolean;
  enumsWithoutValues: string[];
}

function listValues(values: EnumValue[], shape: EnumShape): unknown {
  switch (shape) {
    case 'labelled':
      return values;
    case 'names':
      return values.map((v) => v.name);
    case 'keyed': // keyed by name; the number stands for Campaign's internal code (1-based here)
      return Object.fromEntries(values.map((v, i) => [v.name, { label: v.label, value: i + 1 }]));
  }
}

// age is the only 'long', created and lastModified the only 'datetime' fields.
function typeName(def: FieldDef, style: MetadataStyle): string {
  if (def.type === 'long' && style.sizedNumberTypes) return 'int64';
  if (def.type === 'datetime' && style.timestampsAsStrings) return 'string';
  return def.type;
}

function describe(apiName: string, def: FieldDef, style: MetadataStyle): Record<string, unknown> {
  const { enumName: _enumName, custom: _custom, content, values, ...shown } = def;
  const described: Record<string, unknown> = { apiName, ...shown, type: typeName(def, style) };
  if (values && !style.enumsWithoutValues.includes(apiName)) described.values = listValues(values, style.enumShape);
  if (content) described.content = describeAll(Object.entries(content), style);
  return described;
}

const describeAll = (fields: Array<[string, FieldDef]>, style: MetadataStyle): Record<string, unknown> =>
  Object.fromEntries(fields.map(([name, def]) => [name, describe(name, def, style)]));

/** GET …/<api>/resourceType/profile: the description an edit form is built from. */
export function profileMetadata(api: ApiName, baseUrl: string, style: MetadataStyle): Record<string, unknown> {
  return {
    name: 'profile',
    label: 'Profiles',
    schema: 'nms:recipient',
    content: describeAll(fieldsFor(api), style),
    filters: { href: `${baseUrl}/${api}/profile/filters/` }, // listed like Campaign does; not served
  };
}
