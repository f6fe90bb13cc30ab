/**
 * Why a file cannot be read as a table. Each code has its own params and, where it applies, the line (CSV) or
 * row (xlsx) to look at, so the renderer can say in the operator's language what happened and where. The
 * message is a short technical summary in English, for logs and IT.
 */
import type { CsvSeparator } from './table';

export interface TableProblemParams {
  /** No content at all, or only whitespace and empty rows. */
  empty: Record<string, never>;
  /** A header row and nothing under it. */
  headerOnly: Record<string, never>;
  /** Headings that are the same when compared trimmed and case-insensitively, as written in the file. */
  duplicateHeaders: { names: string[] };
  /** A quoted cell that never closes, or closes and is followed by more text; line is the opening quote's. */
  unbalancedQuotes: Record<string, never>;
  /** A quote mark inside a cell that does not start with one; line is that quote's. */
  strayQuote: Record<string, never>;
  /** One record longer than any sensible row (a CSV of one endless line). */
  lineTooLong: { maxBytes: number };
  /** Not text. `xlsx`: a zip container, i.e. an Excel workbook renamed to .csv; `xlsOrEncrypted`: an old .xls or a password-protected workbook. */
  binary: { looksLike: 'xlsx' | 'xlsOrEncrypted' | 'pdf' | 'other' };
  /** A text encoding no spreadsheet program writes for CSV. */
  unsupportedEncoding: { encoding: 'utf-16be' | 'utf-32' };
  /** Parts in UTF-8 and parts in another encoding (files pasted together); line is the first non-UTF-8 line. */
  mixedEncoding: { utf8Line?: number };
  /** A row split by another separator than the header row. */
  mixedSeparators: { expected: CsvSeparator; found: CsvSeparator };
  /** A CSV row with values beyond the last heading: most likely a separator inside an unquoted value shifted it. */
  raggedRow: { headers: number; cells: number };
  tooManyRows: { maxRows: number };
  tooLarge: { bytes: number; maxBytes: number };
  /** `notZip`: not a workbook at all; `encrypted`: password-protected (or an old .xls renamed); `corrupt`: a zip exceljs cannot read as a workbook. */
  unreadableXlsx: { reason: 'notZip' | 'encrypted' | 'corrupt' | 'noSheets' };
  noSuchSheet: { sheet: string; sheets: string[] };
  /** The extension in lower case with its dot ('.xls', '.ods'), or '' for none. */
  unknownFormat: { extension: string };
}

export type TableProblemCode = keyof TableProblemParams;

export class TableProblem<C extends TableProblemCode = TableProblemCode> extends Error {
  override readonly name = 'TableProblem';

  constructor(
    readonly code: C,
    readonly params: TableProblemParams[C],
    /** 1-based CSV line or xlsx row. */
    readonly line?: number,
  ) {
    super(`${code}${line === undefined ? '' : ` at line ${line}`} ${JSON.stringify(params)}`);
  }
}

/** Narrows an unknown error to a TableProblem, of one code if given, so its params are typed. */
export function isTableProblem<C extends TableProblemCode>(error: unknown, code?: C): error is TableProblem<C> {
  return error instanceof TableProblem && (code === undefined || error.code === code);
}
