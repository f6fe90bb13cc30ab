/** The entry point for a file the operator picked: CSV or xlsx by its name, checked against its content. */
import { extname } from 'node:path';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { Table } from './table';
import { TableProblem } from './table-problem';

/** Excel's "Unicode Text" export is a .txt; .tsv is the usual name for tab-separated files. */
const CSV_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);
/** A macro-enabled workbook stores its cells like an xlsx; its macros are never run, only cells are read. */
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

export async function readTable(file: { name: string; bytes: Buffer }, opts: { sheet?: string; maxRows: number; maxBytes: number }): Promise<Table> {
  const limits = { maxRows: opts.maxRows, maxBytes: opts.maxBytes };
  const extension = extname(file.name).toLowerCase();
  // Both readers check the content against the name: a workbook renamed to .csv is 'binary', a CSV renamed to
  // .xlsx is 'unreadableXlsx', each with what the content looks like.
  if (CSV_EXTENSIONS.has(extension)) return readCsv(file.bytes, limits);
  if (XLSX_EXTENSIONS.has(extension)) return readXlsx(file.bytes, { sheet: opts.sheet, limits });
  throw new TableProblem('unknownFormat', { extension });
}
