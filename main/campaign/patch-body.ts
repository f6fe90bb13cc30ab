import type { FieldDef, FieldValue } from '../ipc/contract';
import { deskError } from '../errors/desk-error';

/**
 * The PATCH body for the changed fields only: dotted paths become nested objects
 * ({"location.city": "Köln"} → {"location": {"city": "Köln"}}). Unknown or read-only fields are refused
 * here, before anything is sent, because Campaign would refuse them with a bare 500.
 */
export function buildPatchBody(changes: Record<string, FieldValue>, fields: FieldDef[]): Record<string, unknown> {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const body: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(changes)) {
    const field = byPath.get(path);
    if (!field) throw deskError('invalidRequest', `Unknown field "${path}"`);
    if (field.readOnly) throw deskError('invalidRequest', `Field "${path}" is read-only`);
    const [top, sub] = path.split('.') as [string, string | undefined];
    if (sub === undefined) body[top] = value;
    else body[top] = { ...(body[top] as Record<string, unknown> | undefined), [sub]: value };
  }
  return body;
}
