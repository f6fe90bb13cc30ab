/** A result file in the conventions of the file the operator loaded. */
import type { Locale } from '../model/connection';
import type { Cell, CsvEncoding, CsvSeparator } from './table';
import { writeCsv } from './write-csv';
import { writeXlsx } from './write-xlsx';

export interface ResultTable {
  headers: string[];
  rows: Cell[][];
}

/**
 * How to write: for a CSV input pass its `table.csv` (German Excel: ';' and 'utf8-bom'); Windows-1252 is
 * written only when every character fits, UTF-8 with a BOM otherwise.
 */
export type WriteAs = { format: 'csv'; encoding: CsvEncoding; separator: CsvSeparator } | { format: 'xlsx'; sheetName: string };

export async function writeTable(table: ResultTable, as: WriteAs, locale: Locale): Promise<Buffer> {
  return as.format === 'csv' ? writeCsv(table, as, locale) : writeXlsx(table, as.sheetName, locale);
}
