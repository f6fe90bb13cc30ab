/**
 * An xlsx sheet as a Table, with exceljs.
 *
 * Why `workbook.xlsx.load(buffer)` and not the streaming WorkbookReader: the streaming reader emits sheets in
 * zip order (not tab order, and without names when workbook.xml comes later), parks sheets in temp files when
 * the shared strings come after them, and gives formula results as bare numbers (a date formula becomes a
 * serial number, TRUE becomes 1, #N/A becomes NaN). load() has none of that and was no slower: 100,000 rows of
 * 10 columns (5.4 MB) took 2.7–4 s with load(), 3.4–3.6 s streaming with cached styles and strings. The whole
 * workbook is in memory, which maxBytes (checked before opening) bounds; the row limit is then checked while
 * the rows are walked once.
 */
import ExcelJS from 'exceljs';
import { calendarDate } from './calendar-date';
import { containerOf } from './file-signature';
import { isEmptyRow, lastFilled, toHeaders } from './rows';
import type { Cell, Table, TableLimits, TableRow } from './table';
import { TableProblem } from './table-problem';
import { toCell } from './xlsx-cell';

export async function readXlsx(bytes: Buffer, opts: { sheet?: string; limits: TableLimits }): Promise<Table> {
  const { maxBytes, maxRows } = opts.limits;
  if (bytes.length > maxBytes) throw new TableProblem('tooLarge', { bytes: bytes.length, maxBytes });
  const container = containerOf(bytes);
  if (container !== 'zip') throw new TableProblem('unreadableXlsx', { reason: container === 'ole' ? 'encrypted' : 'notZip' });

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer declaration (an ArrayBuffer); at runtime it hands it to JSZip,
    // which takes a Node Buffer as it is.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new TableProblem('unreadableXlsx', { reason: 'corrupt' });
  }
  // Hidden sheets are lookup lists and leftovers, not what the operator means by "the first sheet"; one can
  // still be read by naming it.
  const sheets = workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
  const name = opts.sheet ?? sheets[0];
  if (name === undefined) throw new TableProblem('unreadableXlsx', { reason: 'noSheets' });
  const worksheet = workbook.worksheets.find((ws) => ws.name === name);
  if (!worksheet) throw new TableProblem('noSuchSheet', { sheet: name, sheets });

  const rows: TableRow[] = [];
  let headers: string[] | undefined;
  let headerLine = 0;
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged area holds its value in its first cell only; exceljs would repeat it in every covered cell.
      if (cell.type !== ExcelJS.ValueType.Merge) cells[column - 1] = toCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    if (isEmptyRow(cells)) return;
    if (headers === undefined) {
      headers = toHeaders(cells.map(headerText), line);
      headerLine = line;
      width = headers.length;
      return;
    }
    if (rows.length === maxRows) throw new TableProblem('tooManyRows', { maxRows }, line);
    width = Math.max(width, lastFilled(cells) + 1);
    rows.push({ line, cells });
  });
  if (headers === undefined) throw new TableProblem('empty', {});
  if (rows.length === 0) throw new TableProblem('headerOnly', {}, headerLine);
  // Unlike a CSV row, an xlsx row cannot shift: a value right of the last heading is a column without a
  // heading (notes, a check mark), kept under '' like an unnamed column between headings.
  while (headers.length < width) headers.push('');
  for (const row of rows) {
    row.cells.length = Math.min(row.cells.length, width);
    while (row.cells.length < width) row.cells.push(null);
  }
  return { format: 'xlsx', headers, rows, sheets, sheet: name };
}

/** A heading as text; a date heading (a monthly column, say) as the ISO date of the day it shows. */
function headerText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const { y, m, d } = calendarDate(cell);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return String(cell);
}
