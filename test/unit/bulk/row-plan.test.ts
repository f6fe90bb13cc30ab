// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../main/bulk/column-match';
import { diffRow, makeRowPlanner } from '../../../main/bulk/row-plan';
import type { BulkMapping } from '../../../main/model/bulk';
import type { FieldValue } from '../../../main/model/profile';
import { dateCell } from '../../../main/spreadsheets/calendar-date';
import { FIELDS } from './fields';

const HEADERS = ['E-Mail', 'PLZ', 'Geburtsdatum', 'Keine E-Mails', 'Geschlecht', 'Nachname', 'Besuche', 'Bemerkung'];
const map = (field: string | null, column: number, clearWhenEmpty = false) => ({ column, field, clearWhenEmpty });
const MAPPING: BulkMapping = {
  identity: { by: 'email', column: 0 },
  columns: [
    map(null, 0), map('location.zipCode', 1), map('birthDate', 2), map('blackListEmail', 3), map('gender', 4), map('lastName', 5),
    map('cusVisits', 6, true), map(null, 7),
  ],
};

describe('makeRowPlanner', () => {
  const plan = makeRowPlanner(MAPPING, FIELDS);

  it('converts each mapped cell and keys the row by the trimmed identity cell', () => {
    expect(plan([' anna@example.de ', '01067', '4.7.1985', 'ja', 'Weiblich', 'Schmidt', '12', 'egal'])).toEqual({
      key: 'anna@example.de',
      problems: [],
      warnings: [],
      values: [
        { path: 'location.zipCode', column: 1, value: '01067' },
        { path: 'birthDate', column: 2, value: '1985-07-04' },
        { path: 'blackListEmail', column: 3, value: true },
        { path: 'gender', column: 4, value: 'female' },
        { path: 'lastName', column: 5, value: 'Schmidt' },
        { path: 'cusVisits', column: 6, value: 12 },
      ],
    });
  });

  it('names the field, column and value of every problem and warning, and keeps the values that converted', () => {
    expect(plan(['anna@example.de', '1067', '31.02.2024', 'vielleicht', ' divers ', 'M_ller', '3,5', ''])).toEqual({
      key: 'anna@example.de',
      problems: [
        { cause: 'invalidValue', field: 'birthDate', column: 2, value: '31.02.2024', detail: 'dateInvalid' },
        { cause: 'invalidValue', field: 'blackListEmail', column: 3, value: 'vielleicht', detail: 'boolean' },
        { cause: 'unknownEnum', field: 'gender', column: 4, value: 'divers', detail: 'divers' },
        { cause: 'invalidValue', field: 'cusVisits', column: 6, value: '3,5', detail: 'integer' },
      ],
      warnings: [
        { kind: 'leadingZeroLost', field: 'location.zipCode', column: 1, value: '1067' },
        { kind: 'replacedCharacter', field: 'lastName', column: 5, value: 'M_ller' },
      ],
      values: [
        { path: 'location.zipCode', column: 1, value: '1067' },
        { path: 'lastName', column: 5, value: 'M_ller' },
      ],
    });
  });

  it('leaves fields of empty cells out, unless their column clears them', () => {
    const row = plan(['anna@example.de', '', null, '  ', '', '', '', '']);
    expect(row.values).toEqual([{ path: 'cusVisits', column: 6, value: null }]);
    expect(row.problems).toEqual([]);
  });

  it('takes typed xlsx cells and rows shorter than the headers', () => {
    const row = plan(['anna@example.de', 1067, dateCell({ y: 1985, m: 7, d: 4 }), true]);
    expect(row.values).toEqual([
      { path: 'location.zipCode', column: 1, value: '1067' },
      { path: 'birthDate', column: 2, value: '1985-07-04' },
      { path: 'blackListEmail', column: 3, value: true },
      // Missing cells are empty: cusVisits clears.
      { path: 'cusVisits', column: 6, value: null },
    ]);
    expect(row.warnings).toEqual([{ kind: 'leadingZeroLost', field: 'location.zipCode', column: 1, value: '1067' }]);
  });

  it("gives '' as the key of a row without one (the caller reports missingKey)", () => {
    expect(plan(['   ', '01067']).key).toBe('');
    expect(plan([null]).key).toBe('');
    expect(plan([]).key).toBe('');
  });

  it('plans from a suggested mapping', () => {
    const { mapping } = suggestMapping(HEADERS, FIELDS);
    const row = makeRowPlanner(mapping, FIELDS)(['b@example.de', '80331', '', 'nein', 'male', 'Huber', '', 'x']);
    expect(row.key).toBe('b@example.de');
    expect(row.values).toEqual([
      { path: 'location.zipCode', column: 1, value: '80331' },
      { path: 'blackListEmail', column: 3, value: false },
      { path: 'gender', column: 4, value: 'male' },
      { path: 'lastName', column: 5, value: 'Huber' },
    ]);
  });

  it('refuses a mapping that does not fit the fields', () => {
    expect(() => makeRowPlanner({ ...MAPPING, columns: [map('cusGone', 1)] }, FIELDS)).toThrow('cusGone, which the profile does not have');
    expect(() => makeRowPlanner({ ...MAPPING, columns: [map('lastName', 1), map('lastName', 2)] }, FIELDS)).toThrow('lastName is mapped from more than one column');
    expect(() => makeRowPlanner({ ...MAPPING, columns: [map('age', 1)] }, FIELDS)).toThrow('age is set by Campaign');
  });
});

describe('diffRow', () => {
  const current: Record<string, FieldValue> = {
    'location.zipCode': '01067', lastName: 'Müller', birthDate: '', blackListEmail: false, gender: 'female', preferredLanguage: 'none',
    cusVisits: 3, cusDiscount: 2.5, email: 'anna@example.de', 'location.city': '',
  };
  const v = (path: string, value: FieldValue) => ({ path, column: 1, value });

  it('keeps only the fields whose value really differs, old → new', () => {
    expect(
      diffRow([v('location.zipCode', '01069'), v('lastName', 'Müller'), v('cusVisits', 4), v('gender', 'female'), v('location.city', 'Dresden')], current, FIELDS),
    ).toEqual([
      { path: 'location.zipCode', old: '01067', new: '01069' },
      { path: 'cusVisits', old: 3, new: 4 },
      { path: 'location.city', old: '', new: 'Dresden' },
    ]);
  });

  it("a value that equals Campaign's is not a change", () => {
    const same = [v('location.zipCode', '01067'), v('lastName', 'Müller'), v('cusVisits', 3), v('cusDiscount', 2.5), v('email', 'anna@example.de'), v('gender', 'female')];
    expect(diffRow(same, current, FIELDS)).toEqual([]);
  });

  it('clearing what is already empty is not a change (null, "" and an unset checkbox are one value)', () => {
    expect(diffRow([v('birthDate', null), v('location.city', ''), v('blackListEmail', false), v('preferredLanguage', 'none')], current, FIELDS)).toEqual([]);
    expect(diffRow([v('blackListEmail', false)], {}, FIELDS)).toEqual([]);
  });

  it('a field the profile does not have yet changes from null', () => {
    expect(diffRow([v('location.city', 'Köln'), v('blackListEmail', true)], {}, FIELDS)).toEqual([
      { path: 'location.city', old: null, new: 'Köln' },
      { path: 'blackListEmail', old: null, new: true },
    ]);
  });

  it('an empty cell leaves the field as it is', () => {
    const plan = makeRowPlanner(MAPPING, FIELDS);
    const row = plan(['anna@example.de', '', '', '', '', '', '7', '']);
    expect(diffRow(row.values, current, FIELDS)).toEqual([{ path: 'cusVisits', old: 3, new: 7 }]);
  });

  it('agrees with the form: a different case is a change, a path the profile does not define is never sent', () => {
    expect(diffRow([v('lastName', 'MÜLLER'), v('cusGone', 'x')], current, FIELDS)).toEqual([{ path: 'lastName', old: 'Müller', new: 'MÜLLER' }]);
  });
});
