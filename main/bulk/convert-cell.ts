/**
 * One spreadsheet cell as the value Campaign takes for a field. A bulk change converts every mapped cell of
 * up to hundreds of thousands of rows, so makeCellConverter builds what a column needs once (lookup maps,
 * the shared answers) and the converter it returns only trims, tests and looks up.
 *
 * Values are converted as written, never repaired: what looks like Excel damage (a lost leading zero,
 * E-notation, a replaced character) converts unchanged and carries a warning the operator sees in the dry run.
 */
import type { RowWarningKind } from '../model/bulk';
import { isLocked } from '../model/changes';
import { charCount, checkField, isRealDate } from '../model/field-checks';
import { enumLabels } from '../model/field-labels';
import type { FieldDef, FieldValue } from '../model/profile';
import { calendarDate, hasTimeOfDay } from '../spreadsheets/calendar-date';
import type { Cell } from '../spreadsheets/table';

export type ConversionCause = 'invalidValue' | 'tooLong' | 'unknownEnum';

/**
 * leave: the field stays as it is. problem detail: invalidValue → the failed check ('email', 'dateFormat',
 * 'dateInvalid', 'boolean', 'integer', 'number', 'cannotClear'); tooLong → the maximum length; unknownEnum →
 * the value. Answers may be shared between cells: read them, never change them.
 */
export type Conversion =
  | { kind: 'leave' }
  | { kind: 'value'; value: FieldValue; warnings: readonly RowWarningKind[] }
  | { kind: 'problem'; cause: ConversionCause; detail: string };

export type CellConverter = (cell: Cell) => Conversion;

const LEAVE: Conversion = { kind: 'leave' };
const NO_WARNINGS: readonly RowWarningKind[] = Object.freeze([]);

const value = (v: FieldValue): Conversion => ({ kind: 'value', value: v, warnings: NO_WARNINGS });
const problem = (cause: ConversionCause, detail: string): Conversion => ({ kind: 'problem', cause, detail });

/**
 * A cell as text, for text fields, enums, the row's key and messages. Typed xlsx cells have no one display
 * (German and English Excel show the same cell differently), so each becomes its plain, language-neutral form:
 * whole numbers with every digit (Excel's "4,91701E+11" is only how it shows 491701234560), booleans as
 * true/false, dates as YYYY-MM-DD from their UTC parts (the form Campaign uses, read alike in both languages).
 */
export function cellToText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return dateTimeText(cell);
}

function numberText(n: number): string {
  // String() switches to E-notation from 1e21; BigInt writes every digit of a whole number.
  if (Number.isInteger(n)) return BigInt(n).toString();
  // Excel keeps 15 significant digits: this drops the binary noise of 0.1 + 0.2 the way Excel's display does.
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

function dateTimeText(cell: Date): string {
  const { y, m, d } = calendarDate(cell);
  const date = isoDate(y, m, d);
  if (!hasTimeOfDay(cell)) return date;
  return `${date} ${two(cell.getUTCHours())}:${two(cell.getUTCMinutes())}:${two(cell.getUTCSeconds())}`;
}

const two = (n: number): string => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;

/** The converter for one mapped column; a locked field cannot be written, so asking for one is a bug. */
export function makeCellConverter(def: FieldDef, opts: { clearWhenEmpty: boolean }): CellConverter {
  if (isLocked(def)) throw new Error(`${def.path} is set by Campaign and cannot be written from a spreadsheet`);
  const clear = opts.clearWhenEmpty;
  switch (def.type) {
    case 'date':
      return dateConverter(clear);
    case 'boolean':
      return booleanConverter(clear);
    case 'enum':
      return enumConverter(def, clear);
    case 'integer':
    case 'number':
      return numberConverter(def.type, clear);
    default:
      // string and email ('datetime' is locked, refused above).
      return textConverter(def, clear);
  }
}

// ---------- text ----------

const FOUR_DIGITS = /^\d{4}$/;
const E_NOTATION = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
// Excel's "CSV (Trennzeichen-getrennt)" writes Windows-1252 and puts "_" for what it cannot encode ("M_ller").
const REPLACED = /\p{L}_\p{L}/u;

function textConverter(def: FieldDef, clear: boolean): CellConverter {
  const max = def.maxLength;
  const email = def.type === 'email';
  const zipCode = def.path === 'location.zipCode';
  // Underscores are normal in email addresses and in other systems' ids.
  const watchReplaced = !email && def.path !== 'externalId';
  const empty = clear ? value('') : LEAVE;
  return (cell) => {
    const text = cellToText(cell).trim();
    if (text === '') return empty;
    // charCount is only needed when the UTF-16 length is over: it is never below the character count.
    if (max !== undefined && text.length > max && charCount(text) > max) return problem('tooLong', String(max));
    if (email) return checkField(def, text) === 'email' ? problem('invalidValue', 'email') : value(text);
    let warnings: RowWarningKind[] | undefined;
    // A German postcode has 5 digits; Excel drops the leading zero of 01067 when it reads it as a number.
    if (zipCode && FOUR_DIGITS.test(text)) (warnings ??= []).push('leadingZeroLost');
    // Only typed text can hold Excel's display form; an xlsx number cell converts with every digit.
    if (typeof cell === 'string' && E_NOTATION.test(text)) (warnings ??= []).push('eNotation');
    if (watchReplaced && text.includes('_') && REPLACED.test(text)) (warnings ??= []).push('replacedCharacter');
    return { kind: 'value', value: text, warnings: warnings ?? NO_WARNINGS };
  };
}

// ---------- dates ----------

const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_FORMAT = problem('invalidValue', 'dateFormat');
const DATE_INVALID = problem('invalidValue', 'dateInvalid');

function dateValue(y: number, m: number, d: number): Conversion {
  return isRealDate(y, m, d) ? value(isoDate(y, m, d)) : DATE_INVALID;
}

/** 31.12.2024, 1.2.2024, 2024-12-31 or an xlsx date cell; a two-digit year is refused, never given a century. */
function dateConverter(clear: boolean): CellConverter {
  const empty = clear ? value(null) : LEAVE;
  return (cell) => {
    // xlsx date cells hold the calendar day in their UTC parts (calendar-date.ts); a time of day is dropped.
    if (cell instanceof Date) {
      const { y, m, d } = calendarDate(cell);
      return dateValue(y, m, d);
    }
    if (cell === null) return empty;
    if (typeof cell !== 'string') return DATE_FORMAT;
    const text = cell.trim();
    if (text === '') return empty;
    const dotted = DOTTED_DATE.exec(text);
    if (dotted) return dateValue(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    const iso = ISO_DATE.exec(text);
    if (iso) return dateValue(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return DATE_FORMAT;
  };
}

// ---------- booleans ----------

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['ja', true], ['nein', false], ['x', true], ['1', true], ['0', false], ['wahr', true], ['falsch', false],
  ['true', true], ['false', false], ['yes', true], ['no', false],
]);

function booleanConverter(clear: boolean): CellConverter {
  const empty = clear ? value(false) : LEAVE;
  const yes = value(true);
  const no = value(false);
  const invalid = problem('invalidValue', 'boolean');
  return (cell) => {
    if (typeof cell === 'boolean') return cell ? yes : no;
    if (typeof cell === 'number') return cell === 1 ? yes : cell === 0 ? no : invalid;
    if (cell === null) return empty;
    if (typeof cell !== 'string') return invalid;
    const text = cell.trim();
    if (text === '') return empty;
    const word = BOOLEAN_WORDS.get(text.toLowerCase());
    return word === undefined ? invalid : word ? yes : no;
  };
}

// ---------- enums ----------

/** Case and runs of spaces do not tell enum values apart. */
const enumKey = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

// Campaign writes locales as de_de; people write "Deutsch (Deutschland)", "Österreichisches Deutsch" or de-DE.
const LOCALE_NAME = /^([a-z]{2,3})(?:_([a-z]{2}))?$/i;
const LANGUAGE_NAMES = ['de', 'en'].flatMap((locale) =>
  (['dialect', 'standard'] as const).map((languageDisplay) => new Intl.DisplayNames([locale], { type: 'language', languageDisplay })),
);

function languageNames(name: string): string[] {
  const m = LOCALE_NAME.exec(name);
  if (!m || m[1] === undefined) return [];
  const tag = m[2] === undefined ? m[1] : `${m[1]}-${m[2].toUpperCase()}`;
  return [tag, ...LANGUAGE_NAMES.map((names) => names.of(tag) ?? '')];
}

/** Every way of writing a value, to its name; the first way claimed wins (name > Campaign's label > the app's). */
function enumLookup(def: FieldDef, names: readonly string[]): Map<string, string> {
  const lookup = new Map<string, string>();
  const add = (text: string | undefined, name: string) => {
    const key = text === undefined ? '' : enumKey(text.trim());
    if (key !== '' && !lookup.has(key)) lookup.set(key, name);
  };
  const field = def.path.slice(def.path.lastIndexOf('.') + 1);
  const appLabels = [enumLabels.de, enumLabels.en] as ReadonlyArray<Readonly<Record<string, string>>>;
  for (const name of names) add(name, name);
  for (const name of names) add(def.valueLabels?.[name], name);
  for (const labels of appLabels) for (const name of names) add(labels[`${field}.${name}`], name);
  if (field === 'preferredLanguage') for (const name of names) for (const text of languageNames(name)) add(text, name);
  return lookup;
}

function enumConverter(def: FieldDef, clear: boolean): CellConverter {
  const names = def.values ?? [];
  // 'none' is how Campaign says "not set"; an enum without it cannot be emptied.
  const cleared = names.length === 0 || names.includes('none') ? value('none') : problem('invalidValue', 'cannotClear');
  const empty = clear ? cleared : LEAVE;
  // No readable value list: Campaign is the judge of what it accepts (as in checkField).
  if (names.length === 0) {
    return (cell) => {
      const text = cellToText(cell).trim();
      return text === '' ? empty : value(text);
    };
  }
  const answers = new Map([...enumLookup(def, names)].map(([key, name]) => [key, value(name)]));
  return (cell) => {
    const text = cellToText(cell).trim();
    if (text === '') return empty;
    return answers.get(enumKey(text)) ?? problem('unknownEnum', text);
  };
}

// ---------- numbers ----------

const INTEGER = /^[+-]?\d+$/;
// A decimal comma or point, no thousands separators: "1.000" would be 1 for some and 1000 for others.
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

function numberConverter(type: 'integer' | 'number', clear: boolean): CellConverter {
  const empty = clear ? value(null) : LEAVE;
  const invalid = problem('invalidValue', type);
  const whole = type === 'integer';
  return (cell) => {
    if (typeof cell === 'number') return (whole ? Number.isSafeInteger(cell) : Number.isFinite(cell)) ? value(cell) : invalid;
    if (cell === null) return empty;
    if (typeof cell !== 'string') return invalid;
    const text = cell.trim();
    if (text === '') return empty;
    if (whole) {
      const n = Number(text);
      return INTEGER.test(text) && Number.isSafeInteger(n) ? value(n) : invalid;
    }
    return DECIMAL.test(text) ? value(Number(text.replace(',', '.'))) : invalid;
  };
}
