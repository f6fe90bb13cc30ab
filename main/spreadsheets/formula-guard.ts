/**
 * OWASP's CSV-injection advice: Excel runs a cell that starts with = + - @ TAB or CR as a formula, so the
 * app's files give such text a leading apostrophe. When one of those files comes back (the failed rows of a
 * run, fixed in Excel and loaded again), the apostrophe is taken off again, so "'+49 30 …" is "+49 30 …".
 */
import type { Cell } from './table';

const STARTS_FORMULA = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return STARTS_FORMULA.test(text) ? `'${text}` : text;
}

export function unneutralise(cell: Cell): Cell {
  return typeof cell === 'string' && cell.startsWith("'") && STARTS_FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}
