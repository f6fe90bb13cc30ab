/**
 * Dates without a time zone. An Excel date cell is a day number: it has no time zone, and exceljs turns it into
 * a Date at UTC midnight (and back). So the UTC parts of such a Date are the date the operator typed; local
 * getters would show the day before anywhere west of Greenwich. Read and build date cells only through these.
 */

/** A day as written in the sheet; m and d are 1-based. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

export function calendarDate(cell: Date): CalendarDate {
  return { y: cell.getUTCFullYear(), m: cell.getUTCMonth() + 1, d: cell.getUTCDate() };
}

/** The Date cell for a calendar day (UTC midnight), as exceljs writes it into a date cell. */
export function dateCell(date: CalendarDate): Date {
  return new Date(Date.UTC(date.y, date.m - 1, date.d));
}

/** Whether a date cell also holds a time of day (Excel shows the wall-clock time in the UTC parts). */
export function hasTimeOfDay(cell: Date): boolean {
  return cell.getTime() % 86_400_000 !== 0;
}
