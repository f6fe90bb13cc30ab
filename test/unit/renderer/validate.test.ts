import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../../main/model/profile';
import { charCount, isRealDate } from '../../../main/model/field-checks';
import { validateField } from '../../../renderer/lib/validate';

const def = (over: Partial<FieldDef>): FieldDef => ({ path: 'x', type: 'string', group: 'person', label: 'X', readOnly: false, ...over });

describe('validateField', () => {
  it('accepts strings up to maxLength and rejects longer ones', () => {
    const firstName = def({ path: 'firstName', maxLength: 5 });
    expect(validateField(firstName, 'Jürgen'.slice(0, 5))).toBeNull();
    expect(validateField(firstName, 'Jürgen')).toBe('validation.tooLong');
  });

  it('counts characters the way a person does (umlauts and emoji are one each)', () => {
    expect(charCount('Zoë 👋')).toBe(5);
    expect(validateField(def({ maxLength: 5 }), 'Zoë 👋')).toBeNull();
  });

  it('allows empty optional strings, dates and emails', () => {
    expect(validateField(def({}), '')).toBeNull();
    expect(validateField(def({ type: 'date' }), '')).toBeNull();
    expect(validateField(def({ type: 'email', maxLength: 128 }), '')).toBeNull();
    expect(validateField(def({ type: 'date' }), null)).toBeNull();
  });

  it('checks the email format', () => {
    const email = def({ path: 'email', type: 'email', maxLength: 128 });
    expect(validateField(email, 'anna.schmidt@example.de')).toBeNull();
    expect(validateField(email, ' anna@example.de ')).toBeNull();
    for (const bad of ['anna', 'anna@', '@example.de', 'anna@example', 'an na@example.de', 'a@b@example.de', 'anna@example.']) {
      expect(validateField(email, bad), bad).toBe('validation.email');
    }
    expect(validateField(email, `${'a'.repeat(120)}@example.de`)).toBe('validation.tooLong');
  });

  it('accepts only real calendar dates in YYYY-MM-DD', () => {
    const birthDate = def({ path: 'birthDate', type: 'date' });
    expect(validateField(birthDate, '1985-04-23')).toBeNull();
    expect(validateField(birthDate, '2004-02-29')).toBeNull();
    expect(validateField(birthDate, '2023-02-29')).toBe('validation.dateInvalid');
    expect(validateField(birthDate, '1900-02-29')).toBe('validation.dateInvalid');
    expect(validateField(birthDate, '2024-13-01')).toBe('validation.dateInvalid');
    expect(validateField(birthDate, '2024-04-31')).toBe('validation.dateInvalid');
    expect(validateField(birthDate, '23.04.1985')).toBe('validation.dateFormat');
    expect(validateField(birthDate, '1985-4-23')).toBe('validation.dateFormat');
    expect(isRealDate(2000, 2, 29)).toBe(true);
  });

  it('checks enum membership', () => {
    const gender = def({ path: 'gender', type: 'enum', values: ['unknown', 'male', 'female'] });
    expect(validateField(gender, 'female')).toBeNull();
    expect(validateField(gender, 'Female')).toBe('validation.enum');
    expect(validateField(gender, 'divers')).toBe('validation.enum');
    expect(validateField(gender, 3)).toBe('validation.wrongType');
  });

  it('checks whole numbers', () => {
    const points = def({ path: 'cusPoints', type: 'integer', group: 'custom' });
    expect(validateField(points, 42)).toBeNull();
    expect(validateField(points, '-7')).toBeNull();
    expect(validateField(points, null)).toBeNull();
    expect(validateField(points, 4.5)).toBe('validation.integer');
    expect(validateField(points, '12a')).toBe('validation.integer');
    expect(validateField(points, '1e3')).toBe('validation.integer');
    expect(validateField(points, true)).toBe('validation.wrongType');
  });

  it('checks booleans', () => {
    const optOut = def({ path: 'blackListEmail', type: 'boolean', group: 'optOuts' });
    expect(validateField(optOut, true)).toBeNull();
    expect(validateField(optOut, false)).toBeNull();
    expect(validateField(optOut, 'yes')).toBe('validation.wrongType');
  });

  it('never complains about locked fields (they are not sent)', () => {
    expect(validateField(def({ path: 'age', type: 'integer', readOnly: true }), 'abc')).toBeNull();
    expect(validateField(def({ path: 'created', type: 'datetime', readOnly: false }), 'whatever')).toBeNull();
  });

  it('rejects a value of the wrong kind for text fields', () => {
    expect(validateField(def({}), 12)).toBe('validation.wrongType');
  });
});
