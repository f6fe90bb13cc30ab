/**
 * A spreadsheet as the bulk-change feature sees it: headers, then rows that remember the line the operator
 * finds them on in the file, so every result and every problem can point at the right row.
 */

/**
 * One cell. CSV cells are always strings (a CSV has no types; turning "01067" into a number is how Excel
 * loses leading zeros). xlsx cells keep their type; a date cell is a Date whose UTC parts are the date and
 * time Excel shows (see calendar-date.ts). null is an empty xlsx cell.
 */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /**
   * Where the operator finds the row. CSV: the 1-based physical line where the record starts (a quoted cell
   * with line breaks spans several lines; the next record's line counts them). xlsx: the sheet's row number.
   */
  line: number;
  /** Exactly one cell per header; cells missing from the file are '' (CSV) or null (xlsx). */
  cells: Cell[];
}

export type CsvEncoding = 'utf8-bom' | 'utf8' | 'windows-1252' | 'utf16le';
export type CsvSeparator = ';' | ',' | '\t';

export interface Table {
  format: 'csv' | 'xlsx';
  /**
   * Trimmed, in Unicode NFC. A column without a heading between named ones is '' (see headers.ts); headers
   * are unique, compared case-insensitively.
   */
  headers: string[];
  /** Data rows only: the header row and rows without any content are not in here. */
  rows: TableRow[];
  /** How the CSV was written, so a result file can be written the same way. */
  csv?: { encoding: CsvEncoding; separator: CsvSeparator };
  /** xlsx: the visible sheets in tab order, and the one that was read. */
  sheets?: string[];
  sheet?: string;
}

export interface TableLimits {
  /** Data rows, not counting the header and empty rows. */
  maxRows: number;
  /** Size of the file as stored (for xlsx: compressed). */
  maxBytes: number;
}
