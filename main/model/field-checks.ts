/**
 * Checks of one value against its field's definition, the same for the form (next to the field, before
 * anything is sent) and for main (a bulk row, a save). Pure: the problem, or null when the value is fine.
 */
import type { FieldDef, FieldValue } from './profile';

export const fieldProblems = ['wrongType', 'tooLong', 'email', 'dateFormat', 'dateInvalid', 'enum', 'integer', 'number'] as const;
export type FieldProblem = (typeof fieldProblems)[number];

// Deliberately simple: one @, something before it, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d+([.,]\d+)?$/;

/** Length as a person counts it (an emoji is one character, not two UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isEmpty = (value: FieldValue): boolean => value === null || value === '';

function textProblem(def: FieldDef, value: string): FieldProblem | null {
  const text = def.type === 'email' ? value.trim() : value;
  if (def.maxLength !== undefined && charCount(text) > def.maxLength) return 'tooLong';
  if (def.type === 'email' && text !== '' && !EMAIL.test(text)) return 'email';
  return null;
}

function numberProblem(def: FieldDef, value: number | string): FieldProblem | null {
  const problem = def.type === 'integer' ? 'integer' : 'number';
  if (typeof value === 'number') return def.type === 'integer' && !Number.isSafeInteger(value) ? problem : null;
  const text = value.trim();
  if (def.type === 'integer') return INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? null : problem;
  return DECIMAL.test(text) ? null : problem;
}

export function checkField(def: FieldDef, value: FieldValue): FieldProblem | null {
  // Locked fields are never sent, so there is nothing for the operator to fix.
  if (def.readOnly || def.type === 'datetime') return null;
  if (isEmpty(value) && def.type !== 'boolean' && def.type !== 'enum') return null;
  switch (def.type) {
    case 'string':
    case 'email':
      return typeof value === 'string' ? textProblem(def, value) : 'wrongType';
    case 'date': {
      if (typeof value !== 'string') return 'wrongType';
      const m = DATE.exec(value);
      if (!m) return 'dateFormat';
      return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'dateInvalid';
    }
    case 'enum':
      if (value === null) return null;
      if (typeof value !== 'string') return 'wrongType';
      // No readable value list: Campaign is the judge of what it accepts.
      return def.values && def.values.length > 0 && !def.values.includes(value) ? 'enum' : null;
    case 'boolean':
      return value === null || typeof value === 'boolean' ? null : 'wrongType';
    case 'integer':
    case 'number':
      return typeof value === 'number' || typeof value === 'string' ? numberProblem(def, value) : 'wrongType';
  }
}
