import { CampaignError, RST } from './errors';
import { type ApiName, type FieldDef, type ProfileValues, fieldsFor } from './fields';
import { isValidDate } from './dates';

// Only the read-only and enumeration messages are documented; the other wordings are inferred.
const fail = (message: string): CampaignError => new CampaignError(500, message);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a PATCH/POST body as Campaign does (failures are HTTP 500) and returns the values to store. */
export function validateWrite(body: unknown, api: ApiName): ProfileValues {
  if (!isPlainObject(body)) throw fail(`${RST} The request body must be a JSON object.`);
  return validateObject(body, Object.fromEntries(fieldsFor(api)), 'profile');
}

function validateObject(input: Record<string, unknown>, fields: Record<string, FieldDef>, resource: string): ProfileValues {
  const out: ProfileValues = {};
  for (const [name, value] of Object.entries(input)) {
    const def = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!def) throw fail(`'${name}' property is not valid for the '${resource}' resource.`);
    if (def.readOnly) throw fail(`Cannot update the '${name}' property that is read-only`);
    out[name] = validateValue(name, def, value);
  }
  return out;
}

function validateValue(name: string, def: FieldDef, value: unknown): unknown {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const wrongType = () => fail(`${RST} The value '${shown}' of the '${name}' property is not a valid ${def.type}.`);
  switch (def.type) {
    case 'string':
      if (typeof value !== 'string') throw wrongType();
      if (def.length !== undefined && value.length > def.length) {
        throw fail(`${RST} The value of the '${name}' property is too long (${value.length} characters, maximum ${def.length}).`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType();
      return value;
    case 'date':
      if (value === null) return ''; // how a date is cleared is undocumented: we accept null ("" is refused)
      if (typeof value !== 'string' || !isValidDate(value)) throw wrongType();
      return value;
    case 'enumeration':
      if (typeof value !== 'string' || !def.values?.some((v) => v.name === value)) {
        const allowed = def.values?.map((v) => v.name).join(', ');
        throw fail(`${RST} The value '${shown}' is not valid for the '${def.enumName}' enumeration (allowed: ${allowed}).`);
      }
      return value;
    case 'object':
      if (!isPlainObject(value)) throw wrongType();
      return validateObject(value, def.content ?? {}, name);
    default:
      throw fail(`Cannot update the '${name}' property that is read-only`);
  }
}
