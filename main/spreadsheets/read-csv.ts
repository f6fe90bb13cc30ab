/**
 * A CSV file as a Table: encoding and separator found by looking, exact line numbers, and a clear problem
 * instead of a guess whenever rows could end up attributed to the wrong line.
 */
import { CsvError, parse, type InfoRecord } from 'csv-parse/sync';
import { findQuoteProblem, otherSeparator, SEPARATORS, sniffSeparator } from './csv-scan';
import { containerOf } from './file-signature';
import { LineCounter } from './line-counter';
import { isBlankCell, isEmptyRow, lastFilled, toHeaders } from './rows';
import type { CsvSeparator, Table, TableLimits, TableRow } from './table';
import { TableProblem } from './table-problem';
import { decodeText } from './text-encoding';

/**
 * Longest record csv-parse accepts (its default). Excel caps a cell at 32,767 characters, so a longer record
 * is a quote that never closes or a file that is not a table, and the parser stops there instead of
 * swallowing the rest of the file.
 */
const MAX_RECORD_BYTES = 128_000;

const LOOKS_LIKE = { zip: 'xlsx', ole: 'xlsOrEncrypted', pdf: 'pdf' } as const;

export function readCsv(bytes: Buffer, limits: TableLimits): Table {
  if (bytes.length > limits.maxBytes) throw new TableProblem('tooLarge', { bytes: bytes.length, maxBytes: limits.maxBytes });
  const container = containerOf(bytes);
  if (container) throw new TableProblem('binary', { looksLike: LOOKS_LIKE[container] });
  const { utf8, encoding } = decodeText(bytes);
  const separator = sniffSeparator(utf8);
  const { headers, rows } = parseRows(utf8, separator, limits.maxRows);
  return { format: 'csv', headers, rows, csv: { encoding, separator } };
}

function parseRows(text: Buffer, separator: CsvSeparator, maxRows: number): { headers: string[]; rows: TableRow[] } {
  const lines = new LineCounter(text);
  const rows: TableRow[] = [];
  let headers: string[] | undefined;
  let headerLine = 0;
  /** Byte offset where the record being parsed starts: the end of the previous one. */
  let recordStart = 0;

  // Called by csv-parse for each record; returning null keeps csv-parse from collecting records of its own,
  // and a TableProblem thrown here stops the parse on the spot (csv-parse rethrows it unchanged).
  const onRecord = (cells: string[], context: InfoRecord): null => {
    const start = recordStart;
    recordStart = context.bytes;
    if (isEmptyRow(cells)) return null;
    const line = lines.lineAt(start);
    if (headers === undefined) {
      headers = toHeaders(cells, line);
      headerLine = line;
      return null;
    }
    if (rows.length === maxRows) throw new TableProblem('tooManyRows', { maxRows }, line);
    rows.push({ line, cells: fitToHeaders(cells, headers.length, separator, line) });
    return null;
  };

  try {
    parse(text, {
      delimiter: separator,
      // All three, not csv-parse's guess from the first line: a CRLF file with one LF line (two files pasted
      // together) would otherwise merge that line into the cell above it.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      on_record: onRecord,
    });
  } catch (error) {
    if (error instanceof CsvError) throw locate(error, text, recordStart, separator, lines, headers !== undefined && headers.length > 1);
    throw error;
  }
  if (headers === undefined) throw new TableProblem('empty', {});
  if (rows.length === 0) throw new TableProblem('headerOnly', {}, headerLine);
  return { headers, rows };
}

/**
 * One cell per header. A short row is padded: other tools, and Excel itself in some rows, leave out the
 * separators of trailing empty cells. Values beyond the last heading are refused: in a CSV they almost always
 * mean that a separator inside an unquoted value ("Müller; Hans") shifted the row, and every value after it
 * sits under the wrong heading.
 */
function fitToHeaders(cells: string[], width: number, separator: CsvSeparator, line: number): string[] {
  if (cells.length < width) {
    // A row without a single separator where the header has them, split by another one instead.
    const found = cells.length === 1 ? otherSeparatorIn(cells[0]!, separator) : undefined;
    if (found !== undefined) throw new TableProblem('mixedSeparators', { expected: separator, found }, line);
    while (cells.length < width) cells.push('');
  } else if (cells.length > width) {
    const last = lastFilled(cells);
    if (last >= width) throw new TableProblem('raggedRow', { headers: width, cells: last + 1 }, line);
    cells.length = width;
  }
  return cells;
}

function otherSeparatorIn(cell: string, expected: CsvSeparator): CsvSeparator | undefined {
  if (isBlankCell(cell)) return undefined;
  return SEPARATORS.find((s) => s !== expected && cell.includes(s));
}

/** Turns a csv-parse error into a problem on the line where the operator has to look. */
function locate(error: CsvError, text: Buffer, start: number, separator: CsvSeparator, lines: LineCounter, headerHasSeparators: boolean): Error {
  const line = lines.lineAt(start);
  // A pasted row in another locale's format trips over its quotes before it can be seen as such.
  const found = headerHasSeparators ? otherSeparator(text, start, separator) : undefined;
  if (found !== undefined) return new TableProblem('mixedSeparators', { expected: separator, found }, line);
  const quote = findQuoteProblem(text, start, separator);
  if (quote) return new TableProblem(quote.code, {}, lines.lineAt(quote.offset));
  if (error.code === 'CSV_MAX_RECORD_SIZE') return new TableProblem('lineTooLong', { maxBytes: MAX_RECORD_BYTES }, line);
  return error;
}
