/** Pure helpers about field values that main and the renderer must answer the same way. */
import type { FieldValue } from './profile';
import type { Values } from './save';

export const isFieldValue = (v: unknown): v is FieldValue =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** "Not set" comes as null, "" or a missing key depending on the field: all three mean the same. */
export function isBlank(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** Equal for the operator: Campaign reports an unset string as "", so null, "" and absent are one value. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return a === b;
}

/**
 * The PATCH body for changed fields: dotted paths become nested objects
 * ({"location.city": "Köln"} → {"location": {"city": "Köln"}}).
 */
export function toPatchBody(changes: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(changes)) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      body[path] = value;
      continue;
    }
    const head = path.slice(0, dot);
    const existing = body[head];
    const nested = existing !== null && typeof existing === 'object' ? (existing as Record<string, unknown>) : {};
    nested[path.slice(dot + 1)] = value;
    body[head] = nested;
  }
  return body;
}
