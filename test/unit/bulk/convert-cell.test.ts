// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cellToText, makeCellConverter } from '../../../main/bulk/convert-cell';
import type { RowWarningKind } from '../../../main/model/bulk';
import type { FieldDef } from '../../../main/model/profile';
import { dateCell } from '../../../main/spreadsheets/calendar-date';
import type { Cell } from '../../../main/spreadsheets/table';
import { field } from './fields';

const convert = (path: string, cell: Cell, clearWhenEmpty = false) => makeCellConverter(field(path), { clearWhenEmpty })(cell);
const value = (v: string | number | boolean | null, warnings: RowWarningKind[] = []) => ({ kind: 'value', value: v, warnings });
const problem = (cause: string, detail: string) => ({ kind: 'problem', cause, detail });
const LEAVE = { kind: 'leave' };

describe('empty cells', () => {
  it.each(['firstName', 'email', 'birthDate', 'gender', 'blackListEmail', 'cusVisits', 'cusDiscount', 'timeZone'])(
    '%s: an empty cell leaves the field as it is',
    (path) => {
      for (const cell of [null, '', '   ', '\t']) expect(convert(path, cell)).toEqual(LEAVE);
    },
  );

  it.each<[string, string | number | boolean | null]>([
    ['firstName', ''], ['email', ''], ['birthDate', null], ['cusVisits', null], ['cusDiscount', null],
    ['blackListEmail', false], ['preferredLanguage', 'none'], ['timeZone', 'none'],
  ])('%s: cleared when the operator chose so → %j', (path, cleared) => {
    expect(convert(path, null, true)).toEqual(value(cleared));
    expect(convert(path, '  ', true)).toEqual(value(cleared));
  });

  it('cannot clear an enum that has no "none"', () => {
    expect(convert('gender', '', true)).toEqual(problem('invalidValue', 'cannotClear'));
  });
});

describe('text', () => {
  it('is trimmed', () => {
    expect(convert('lastName', '  Müller ')).toEqual(value('Müller'));
  });

  it('is too long by characters as a person counts them', () => {
    expect(convert('firstName', 'A'.repeat(31))).toEqual(problem('tooLong', '30'));
    expect(convert('firstName', ` ${'A'.repeat(30)} `)).toEqual(value('A'.repeat(30)));
    // 30 emoji are 60 UTF-16 units but 30 characters.
    expect(convert('firstName', '😀'.repeat(30))).toEqual(value('😀'.repeat(30)));
    expect(convert('firstName', '😀'.repeat(31))).toEqual(problem('tooLong', '30'));
  });

  it('checks an email address', () => {
    expect(convert('email', ' Anna.Mueller@example.de ')).toEqual(value('Anna.Mueller@example.de'));
    expect(convert('email', 'anna.mueller@example')).toEqual(problem('invalidValue', 'email'));
    expect(convert('email', 'anna mueller@example.de')).toEqual(problem('invalidValue', 'email'));
    expect(convert('email', `${'a'.repeat(120)}@example.de`)).toEqual(problem('tooLong', '128'));
  });

  it('writes typed xlsx cells as plain text', () => {
    // Excel shows 4,91701E+11 in a General cell, but the cell holds every digit.
    expect(convert('phone', 491701234560)).toEqual(value('491701234560'));
    expect(convert('externalId', 1e20)).toEqual(value('100000000000000000000'));
    expect(convert('cusCustomerNumber', 3.5)).toEqual(value('3.5'));
    expect(convert('cusCustomerNumber', 0.1 + 0.2)).toEqual(value('0.3'));
    expect(convert('cusCustomerNumber', 0)).toEqual(value('0'));
    expect(convert('cusCustomerNumber', true)).toEqual(value('true'));
    expect(convert('cusCustomerNumber', dateCell({ y: 2024, m: 12, d: 31 }))).toEqual(value('2024-12-31'));
    expect(convert('cusCustomerNumber', new Date(Date.UTC(2024, 11, 31, 8, 5, 9)))).toEqual(value('2024-12-31 08:05:09'));
  });

  it('cellToText gives 1e21 and more without E-notation', () => {
    expect(cellToText(1e21)).toBe('1000000000000000000000');
    expect(cellToText(-42)).toBe('-42');
    expect(cellToText(null)).toBe('');
    expect(cellToText(false)).toBe('false');
  });
});

describe('warnings: converted as written, never changed silently', () => {
  it('leadingZeroLost: a postcode with 4 digits, as text or as an xlsx number', () => {
    expect(convert('location.zipCode', '1067')).toEqual(value('1067', ['leadingZeroLost']));
    expect(convert('location.zipCode', 1067)).toEqual(value('1067', ['leadingZeroLost']));
    expect(convert('location.zipCode', '01067')).toEqual(value('01067'));
    expect(convert('location.zipCode', '10115')).toEqual(value('10115'));
    expect(convert('location.zipCode', 'D-1067')).toEqual(value('D-1067'));
    // Only the postcode: four digits elsewhere are just four digits.
    expect(convert('location.address1', '1067')).toEqual(value('1067'));
  });

  it('eNotation: a long number as Excel shows it, German or English', () => {
    expect(convert('phone', '4,91701E+11')).toEqual(value('4,91701E+11', ['eNotation']));
    expect(convert('mobilePhone', '1.23E+5')).toEqual(value('1.23E+5', ['eNotation']));
    expect(convert('cusCustomerNumber', '5e-3')).toEqual(value('5e-3', ['eNotation']));
    expect(convert('phone', '+49 170 1234560')).toEqual(value('+49 170 1234560'));
    expect(convert('location.address1', 'E-Werk 1')).toEqual(value('E-Werk 1'));
  });

  it('replacedCharacter: "_" between two letters, where Windows-1252 Excel could not write a character', () => {
    expect(convert('lastName', 'M_ller')).toEqual(value('M_ller', ['replacedCharacter']));
    expect(convert('location.address1', 'Hauptstra_e 5')).toEqual(value('Hauptstra_e 5', ['replacedCharacter']));
    expect(convert('location.city', 'K_ln')).toEqual(value('K_ln', ['replacedCharacter']));
    expect(convert('lastName', 'Müller')).toEqual(value('Müller'));
    expect(convert('cusCustomerNumber', 'KD_4711')).toEqual(value('KD_4711'));
    expect(convert('cusCustomerNumber', 'AB_CD')).toEqual(value('AB_CD', ['replacedCharacter']));
    // Underscores belong in addresses and other systems' ids.
    expect(convert('externalId', 'crm_kunde')).toEqual(value('crm_kunde'));
    expect(convert('email', 'anna_mueller@example.de')).toEqual(value('anna_mueller@example.de'));
  });

  it('reports every warning a value has', () => {
    const zip: FieldDef = { path: 'location.zipCode', type: 'string', group: 'address', label: 'Zip code', readOnly: false };
    expect(makeCellConverter(zip, { clearWhenEmpty: false })('1234')).toEqual(value('1234', ['leadingZeroLost']));
    expect(convert('cusCustomerNumber', 'K_ln 1E5')).toEqual(value('K_ln 1E5', ['replacedCharacter']));
  });
});

describe('dates', () => {
  it.each([
    ['31.12.2024', '2024-12-31'], ['1.2.2024', '2024-02-01'], ['01.02.2024', '2024-02-01'], [' 5.3.2024 ', '2024-03-05'],
    ['29.02.2024', '2024-02-29'], ['2024-12-31', '2024-12-31'], ['1899-12-31', '1899-12-31'],
  ])('%j → %s', (text, iso) => {
    expect(convert('birthDate', text)).toEqual(value(iso));
  });

  it.each(['31.02.2024', '29.02.2023', '31.04.2024', '0.1.2024', '1.13.2024', '2023-02-29', '2024-00-10'])('%j is no real date', (text) => {
    expect(convert('birthDate', text)).toEqual(problem('invalidValue', 'dateInvalid'));
  });

  it.each<Cell>(['31.12.24', '1.2.24', '12/31/2024', '2024-1-5', '31.12.2024 10:00', '31-12-2024', 'morgen', 'tomorrow', '2024', 45292, true])(
    '%j is not a date format the app reads (never guesses a century or an order)',
    (cell) => {
      expect(convert('birthDate', cell)).toEqual(problem('invalidValue', 'dateFormat'));
    },
  );

  it('takes an xlsx date cell by its calendar day, also with a time of day', () => {
    expect(convert('birthDate', dateCell({ y: 1985, m: 7, d: 4 }))).toEqual(value('1985-07-04'));
    expect(convert('birthDate', new Date(Date.UTC(2024, 2, 31, 23, 30)))).toEqual(value('2024-03-31'));
    expect(convert('birthDate', new Date(Number.NaN))).toEqual(problem('invalidValue', 'dateInvalid'));
  });
});

describe('booleans', () => {
  it.each([
    ['ja', true], ['Ja', true], ['JA', true], ['nein', false], ['Nein', false], ['x', true], [' X ', true], ['1', true], ['0', false],
    ['WAHR', true], ['wahr', true], ['FALSCH', false], ['true', true], ['TRUE', true], ['False', false], ['yes', true], ['Yes', true], ['NO', false],
  ])('%j → %s', (text, yes) => {
    expect(convert('blackListEmail', text)).toEqual(value(yes));
  });

  it('takes xlsx booleans and the numbers 1 and 0', () => {
    expect(convert('blackListEmail', true)).toEqual(value(true));
    expect(convert('blackListEmail', false)).toEqual(value(false));
    expect(convert('blackListEmail', 1)).toEqual(value(true));
    expect(convert('blackListEmail', 0)).toEqual(value(false));
  });

  it.each<Cell>(['vielleicht', 'maybe', 'j', 'n', '2', 2, -1, 'ja nein', dateCell({ y: 2024, m: 1, d: 1 })])('%j is no yes or no', (cell) => {
    expect(convert('blackListEmail', cell)).toEqual(problem('invalidValue', 'boolean'));
  });
});

describe('enums (always the name Campaign takes)', () => {
  it.each([
    ['gender', 'male', 'male'], ['gender', 'FEMALE', 'female'], ['gender', 'Männlich', 'male'], ['gender', 'weiblich', 'female'],
    ['gender', 'Keine Angabe', 'unknown'], ['gender', 'Not specified', 'unknown'], ['gender', ' Male ', 'male'],
    ['emailFormat', 'HTML (formatiert)', 'html'], ['emailFormat', 'html  (FORMATIERT)', 'html'], ['emailFormat', 'Nur Text', 'text'],
    ['emailFormat', 'Plain text', 'text'], ['emailFormat', 'Unknown', 'unknown'], ['emailFormat', 'HTML (formatted)', 'html'],
    ['cusLoyaltyTier', 'Silber', 'silver'], ['cusLoyaltyTier', 'GOLD', 'gold'], ['cusLoyaltyTier', 'None', 'none'],
  ])('%s: %j → %s', (path, text, name) => {
    expect(convert(path, text)).toEqual(value(name));
  });

  it.each([
    ['de_de', 'de_de'], ['DE_DE', 'de_de'], ['de-DE', 'de_de'], ['Deutsch (Deutschland)', 'de_de'], ['German (Germany)', 'de_de'],
    ['Deutsch (Österreich)', 'de_at'], ['Österreichisches Deutsch', 'de_at'], ['Austrian German', 'de_at'], ['German (Austria)', 'de_at'],
    ['Schweizer Hochdeutsch', 'de_ch'], ['German (Switzerland)', 'de_ch'], ['Deutsch (Schweiz)', 'de_ch'],
    ['British English', 'en_gb'], ['Englisch (Vereinigtes Königreich)', 'en_gb'], ['Englisch (Vereinigte Staaten)', 'en_us'],
    ['Französisch (Schweiz)', 'fr_ch'], ['Swiss French', 'fr_ch'], ['Nicht festgelegt', 'none'], ['Not set', 'none'], ['None', 'none'],
  ])('preferredLanguage: %j → %s', (text, name) => {
    expect(convert('preferredLanguage', text)).toEqual(value(name));
  });

  it('reports an unknown value with the value', () => {
    expect(convert('gender', ' divers ')).toEqual(problem('unknownEnum', 'divers'));
    expect(convert('preferredLanguage', 'Deutsch')).toEqual(problem('unknownEnum', 'Deutsch'));
    expect(convert('preferredLanguage', 'Klingonisch')).toEqual(problem('unknownEnum', 'Klingonisch'));
    expect(convert('cusLoyaltyTier', 1)).toEqual(problem('unknownEnum', '1'));
  });

  it('takes any text for an enum Campaign listed no values for', () => {
    expect(convert('timeZone', ' Europe/Berlin ')).toEqual(value('Europe/Berlin'));
    expect(convert('timeZone', 'irgendwas')).toEqual(value('irgendwas'));
  });

  it('matches a name before a label that spells another name', () => {
    const def: FieldDef = { path: 'cusMix', type: 'enum', group: 'custom', label: 'Mix', readOnly: false, values: ['a', 'b'], valueLabels: { a: 'B', b: 'A' } };
    const mix = makeCellConverter(def, { clearWhenEmpty: false });
    expect(mix('b')).toEqual(value('b'));
    expect(mix('A')).toEqual(value('a'));
  });
});

describe('numbers', () => {
  it.each<[Cell, number]>([['42', 42], ['+3', 3], ['-7', -7], [' 12 ', 12], ['0', 0], [42, 42], [-5, -5]])('integer: %j → %d', (cell, n) => {
    expect(convert('cusVisits', cell)).toEqual(value(n));
  });

  it.each<Cell>(['3,5', '3.5', 3.5, '1.000', '1 000', '9007199254740993', 2 ** 53, 'zwölf', '4,91701E+11', true, dateCell({ y: 2024, m: 1, d: 1 })])(
    'integer: %j is not a whole number',
    (cell) => {
      expect(convert('cusVisits', cell)).toEqual(problem('invalidValue', 'integer'));
    },
  );

  it.each<[Cell, number]>([['3,5', 3.5], ['3.5', 3.5], ['-0,25', -0.25], ['+2', 2], ['10', 10], [2.75, 2.75], [7, 7]])('number: %j → %d', (cell, n) => {
    expect(convert('cusDiscount', cell)).toEqual(value(n));
  });

  it.each<Cell>(['1.000,50', '1,000.50', '1e3', ',5', '3,', 'drei', false, Number.NaN, Number.POSITIVE_INFINITY])('number: %j is not a number', (cell) => {
    expect(convert('cusDiscount', cell)).toEqual(problem('invalidValue', 'number'));
  });
});

describe('locked fields', () => {
  it.each(['age', 'created', 'PKey', 'title'])('%s cannot get a converter', (path) => {
    expect(() => makeCellConverter(field(path), { clearWhenEmpty: false })).toThrow(`${path} is set by Campaign`);
  });
});
