/** What will be sent: only the fields whose value really differs, normalised the way Campaign receives them. */
import type { FieldDef, FieldValue, LoadedProfile } from './profile';
import type { EditBase, Values } from './save';
import { sameValue } from './values';

/** Fields the operator can never change: read-only ones and server timestamps. */
export function isLocked(def: FieldDef): boolean {
  return def.readOnly || def.type === 'datetime';
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d+([.,]\d+)?$/;

/** The value as it would be sent: emails without stray spaces, numbers as numbers (a German "3,5" too). */
export function normalise(def: FieldDef, value: FieldValue | undefined): FieldValue {
  if (value === undefined) return null;
  if (typeof value !== 'string') return value;
  if (def.type === 'email') return value.trim();
  if (def.type === 'integer' || def.type === 'number') {
    const text = value.trim();
    if (text === '') return null;
    if (def.type === 'integer') return INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : value;
    return DECIMAL.test(text) ? Number(text.replace(',', '.')) : value;
  }
  return value;
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

/** What an edit of these fields starts from: their loaded values and the profile's lastModified. */
export function editBase(profile: Pick<LoadedProfile, 'values'>, changes: Values): EditBase {
  const values: Values = {};
  for (const path of Object.keys(changes)) values[path] = profile.values[path] ?? null;
  const lastModified = profile.values['lastModified'];
  return typeof lastModified === 'string' && lastModified !== '' ? { values, lastModified } : { values };
}
