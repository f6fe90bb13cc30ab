/** A cell as Excel in the operator's language writes it into a CSV, and reads it back typed. */
import type { Locale } from '../model/connection';
import { calendarDate, hasTimeOfDay } from './calendar-date';
import type { Cell } from './table';

/** German Excel writes and reads WAHR/FALSCH; TRUE in a German CSV would stay text. */
const BOOLEANS: Record<Locale, readonly [string, string]> = { de: ['FALSCH', 'WAHR'], en: ['FALSE', 'TRUE'] };

export function cellText(cell: Cell, locale: Locale): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  // German Excel reads "1.5" as the 1st of May: the decimal mark must be a comma there.
  if (typeof cell === 'number') return locale === 'de' ? String(cell).replace('.', ',') : String(cell);
  if (typeof cell === 'boolean') return BOOLEANS[locale][cell ? 1 : 0];
  return dateText(cell, locale);
}

/** 31.12.2024 or 2024-12-31, with the time of day if the cell has one; from the UTC parts (calendar-date.ts). */
function dateText(cell: Date, locale: Locale): string {
  const { y, m, d } = calendarDate(cell);
  const date = locale === 'de' ? `${two(d)}.${two(m)}.${String(y).padStart(4, '0')}` : `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
  if (!hasTimeOfDay(cell)) return date;
  return `${date} ${two(cell.getUTCHours())}:${two(cell.getUTCMinutes())}:${two(cell.getUTCSeconds())}`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}
