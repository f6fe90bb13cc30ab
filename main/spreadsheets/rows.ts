/** What the CSV and the xlsx reader share about rows and headers. */
import type { Cell } from './table';
import { TableProblem } from './table-problem';

/**
 * null, '' or whitespace only. Runs for every cell until a row shows content, so a string is trimmed only when
 * its first character could be one that trim() removes (the first cell of a row usually settles it at once).
 */
export function isBlankCell(cell: Cell): boolean {
  if (cell === null || cell === '') return true;
  if (typeof cell !== 'string') return false;
  const first = cell.charCodeAt(0);
  const maybeSpace = first <= 0x20 || first === 0xa0 || (first >= 0x1680 && first <= 0x3000) || first === 0xfeff;
  return maybeSpace && cell.trim() === '';
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}

/** Index of the last cell with content, -1 for none. */
export function lastFilled(cells: readonly Cell[]): number {
  let last = cells.length - 1;
  while (last >= 0 && isBlankCell(cells[last]!)) last--;
  return last;
}

/**
 * The header row as headers: trimmed and in NFC (a Mac writes "ü" as u + combining diaeresis, which would not
 * match the same heading typed on Windows). Trailing empty cells are dropped (Excel writes `id;name;;` when a
 * column further right once held something). An empty cell BETWEEN headings is kept as '': refusing the file
 * for a spacer or notes column the operator does not want to map would send them back to Excel for nothing,
 * and keeping the position makes column n of the table column n of the sheet. Duplicates (trimmed, any case)
 * are refused: a mapping by heading could not say which one it means.
 */
export function toHeaders(cells: readonly string[], line: number): string[] {
  const headers = cells.map((cell) => cell.trim().normalize('NFC'));
  headers.length = lastFilled(headers) + 1;
  const seen = new Map<string, { name: string; count: number }>();
  for (const name of headers) {
    if (name === '') continue;
    const key = name.toLowerCase();
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { name, count: 1 });
  }
  const names = [...seen.values()].filter((e) => e.count > 1).map((e) => e.name);
  if (names.length > 0) throw new TableProblem('duplicateHeaders', { names }, line);
  return headers;
}
