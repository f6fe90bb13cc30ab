/** Pure helpers that decide what will be sent: only the fields the operator really changed. */
import type { FieldDef, FieldValue, LoadedProfile } from '../../main/ipc/contract';

export type Values = Record<string, FieldValue>;

/** Fields the operator can never change: read-only ones and server timestamps. */
export function isLocked(def: FieldDef): boolean {
  return def.readOnly || def.type === 'datetime';
}

/** The value as it would be sent: emails without stray spaces, whole numbers as numbers. */
export function normalise(def: FieldDef, value: FieldValue | undefined): FieldValue {
  if (value === undefined) return null;
  if (def.type === 'email' && typeof value === 'string') return value.trim();
  if (def.type === 'integer' && typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : value;
  }
  return value;
}

/** "Not set" comes as null, "" or a missing key depending on the field: all three mean the same. */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const blank = (v: FieldValue | undefined) => v === undefined || v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return a === b;
}

/** Whether one field differs from the value loaded from Campaign. */
export function isChanged(def: FieldDef, original: FieldValue | undefined, edited: FieldValue | undefined): boolean {
  // An unset checkbox and an unticked one look the same to the operator.
  if (def.type === 'boolean') return (original === true) !== (edited === true);
  return !sameValue(normalise(def, original), normalise(def, edited));
}

/**
 * Only the fields whose value differs from the original, keyed by path, skipping locked fields and
 * paths the profile does not define. Values are normalised the way they will be sent.
 */
export function changedValues(original: Pick<LoadedProfile, 'fields' | 'values'>, edited: Values): Values {
  const changes: Values = {};
  for (const def of original.fields) {
    if (isLocked(def) || !Object.prototype.hasOwnProperty.call(edited, def.path)) continue;
    const next = edited[def.path];
    if (isChanged(def, original.values[def.path], next)) changes[def.path] = normalise(def, next);
  }
  return changes;
}

/**
 * The body as it goes over the wire: dotted paths become nested objects,
 * e.g. {"location.city": "Köln"} → {"location": {"city": "Köln"}}.
 */
export function toRequestBody(changes: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(changes)) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      body[path] = value;
      continue;
    }
    const head = path.slice(0, dot);
    const existing = body[head];
    const nested: Record<string, unknown> =
      existing !== null && typeof existing === 'object' ? (existing as Record<string, unknown>) : {};
    nested[path.slice(dot + 1)] = value;
    body[head] = nested;
  }
  return body;
}
