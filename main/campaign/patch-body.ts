import type { FieldDef } from '../model/profile';
import type { Values } from '../model/save';
import { toPatchBody } from '../model/values';
import { deskError } from '../errors/desk-error';

/**
 * The PATCH body for the changed fields only, nested as Campaign expects (see toPatchBody). Unknown or
 * read-only fields are refused here, before anything is sent, because Campaign would refuse them with a bare 500.
 */
export function buildPatchBody(changes: Values, fields: FieldDef[]): Record<string, unknown> {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  for (const path of Object.keys(changes)) {
    const field = byPath.get(path);
    if (!field) throw deskError('invalidRequest', `Unknown field "${path}"`);
    if (field.readOnly) throw deskError('invalidRequest', `Field "${path}" is read-only`);
  }
  return toPatchBody(changes);
}
