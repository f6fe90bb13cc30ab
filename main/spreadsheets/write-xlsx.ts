/** A result table as an xlsx workbook: one sheet, a bold frozen header row, typed cells, fitting columns. */
import ExcelJS from 'exceljs';
import type { Locale } from '../model/connection';
import { hasTimeOfDay } from './calendar-date';
import { cellText } from './cell-text';
import type { Cell } from './table';

const DATE_FORMATS: Record<Locale, { date: string; dateTime: string }> = {
  de: { date: 'dd.mm.yyyy', dateTime: 'dd.mm.yyyy hh:mm:ss' },
  en: { date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm:ss' },
};
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export async function writeXlsx(table: { headers: string[]; rows: Cell[][] }, sheetName: string, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName, locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const cells of table.rows) {
    // A text starting with "=" stays a text cell: exceljs writes a formula only for a {formula} value, and
    // Excel never evaluates a text cell, so no apostrophe is needed here (unlike in a CSV).
    const row = sheet.addRow(cells);
    cells.forEach((cell, i) => {
      if (cell instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMATS[locale][hasTimeOfDay(cell) ? 'dateTime' : 'date'];
    });
  }
  columnWidths(table, locale).forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Characters of the longest text in each column (its longest line), plus a margin, within bounds. */
function columnWidths(table: { headers: string[]; rows: Cell[][] }, locale: Locale): number[] {
  const longest = table.headers.map((header) => header.length);
  for (const cells of table.rows) {
    cells.forEach((cell, i) => {
      longest[i] = Math.max(longest[i] ?? 0, longestLine(cellText(cell, locale)));
    });
  }
  return longest.map((chars) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2)));
}

function longestLine(text: string): number {
  if (!text.includes('\n')) return text.length;
  return text.split('\n').reduce((max, line) => Math.max(max, line.length), 0);
}

/** Excel refuses a sheet name with any of \ / ? * : [ ], around apostrophes, empty, or over 31 characters. */
function safeSheetName(name: string, locale: Locale): string {
  const safe = name.replace(/[\\/?*:[\]\s]+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim();
  return safe === '' ? (locale === 'de' ? 'Tabelle1' : 'Sheet1') : safe;
}
