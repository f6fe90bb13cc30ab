/**
 * Client-side checks of one field value against its definition, so the operator sees a problem
 * next to the field before anything is sent. Pure: returns the message key or null when the value is fine.
 */
import type { FieldDef, FieldValue } from '../../main/ipc/contract';
import type { MessageKey } from './i18n/en';

// Deliberately simple: one @, something before it, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INTEGER = /^[+-]?\d+$/;

/** Length as a person counts it (an emoji is one character, not two UTF-16 units). */
export function charCount(text: string): number {
  return [...text].length;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isEmpty(value: FieldValue): boolean {
  return value === null || value === '';
}

export function validateField(def: FieldDef, value: FieldValue): MessageKey | null {
  // Locked fields are never sent, so there is nothing for the operator to fix.
  if (def.readOnly || def.type === 'datetime') return null;

  switch (def.type) {
    case 'string':
    case 'email': {
      if (isEmpty(value)) return null;
      if (typeof value !== 'string') return 'validation.wrongType';
      const text = def.type === 'email' ? value.trim() : value;
      if (def.maxLength !== undefined && charCount(text) > def.maxLength) return 'validation.tooLong';
      if (def.type === 'email' && text !== '' && !EMAIL.test(text)) return 'validation.email';
      return null;
    }
    case 'date': {
      if (isEmpty(value)) return null;
      if (typeof value !== 'string') return 'validation.wrongType';
      const m = DATE.exec(value);
      if (!m) return 'validation.dateFormat';
      return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'validation.dateInvalid';
    }
    case 'enum': {
      if (value === null) return null;
      if (typeof value !== 'string') return 'validation.wrongType';
      if (def.values && !def.values.includes(value)) return 'validation.enum';
      return null;
    }
    case 'boolean':
      return value === null || typeof value === 'boolean' ? null : 'validation.wrongType';
    case 'integer': {
      if (isEmpty(value)) return null;
      if (typeof value === 'number') return Number.isSafeInteger(value) ? null : 'validation.integer';
      if (typeof value === 'string') return INTEGER.test(value.trim()) && Number.isSafeInteger(Number(value)) ? null : 'validation.integer';
      return 'validation.wrongType';
    }
  }
}
