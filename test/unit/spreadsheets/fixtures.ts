/** Files for the spreadsheet tests, made here from text so that no binary fixture is committed. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { TableProblem } from '../../../main/spreadsheets/table-problem';

export const LIMITS = { maxRows: 100_000, maxBytes: 50_000_000 };

/** German Excel's "CSV (Trennzeichen-getrennt)": Windows-1252, CRLF. */
export const windows1252 = (text: string): Buffer => iconv.encode(text, 'win1252');
/** German Excel's "CSV UTF-8". */
export const utf8Bom = (text: string): Buffer => Buffer.from(`\uFEFF${text}`, 'utf8');
export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
/** Excel's "Unicode Text". */
export const utf16le = (text: string): Buffer => Buffer.from(`\uFEFF${text}`, 'utf16le');

/** Lines joined with CRLF and ended with one, as Excel on Windows writes them. */
export const crlf = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

/** The problem a call throws (failing the test if it throws anything else or nothing). */
export function problemOf(read: () => unknown): TableProblem {
  try {
    read();
  } catch (error) {
    if (error instanceof TableProblem) return error;
    throw error;
  }
  throw new Error('expected a TableProblem, the file was read');
}

export async function asyncProblemOf(read: () => Promise<unknown>): Promise<TableProblem> {
  try {
    await read();
  } catch (error) {
    if (error instanceof TableProblem) return error;
    throw error;
  }
  throw new Error('expected a TableProblem, the file was read');
}

/** code, line and params in one object, so one toEqual checks all three. */
export const described = (p: TableProblem) => ({ code: p.code, line: p.line, params: p.params });

/** Deterministic bytes (a linear congruential generator), so a failure can be reproduced. */
export function pseudoRandomBytes(length: number, seed = 42): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    bytes[i] = state >> 16 & 0xff;
  }
  return bytes;
}

/**
 * A workbook as operators have them: a hidden sheet first (a lookup list), then "Kunden" with every kind of
 * cell, then a second sheet.
 */
export async function customerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const hidden = workbook.addWorksheet('Listen', { state: 'hidden' });
  hidden.addRow(['Anrede']);
  hidden.addRow(['Frau']);

  const sheet = workbook.addWorksheet('Kunden');
  sheet.addRow(['Kundennr', 'Name', 'Geburtsdatum', 'Betrag', 'Aktiv', 'Doppelt', 'Notiz', 'Web', 'Prüfung', 'Folgetag']);
  sheet.addRow([
    1067,
    'Jörg Müller-Weiß',
    new Date(Date.UTC(1980, 0, 31)),
    12.5,
    true,
    { formula: 'D2*2', result: 25 },
    { richText: [{ text: 'Straße ' }, { text: 'fett', font: { bold: true } }] },
    { text: 'Adobe', hyperlink: 'https://www.adobe.com' },
    { error: '#N/A' },
    { formula: 'C2+1', result: new Date(Date.UTC(1980, 1, 1)) },
  ]);
  sheet.getCell('C2').numFmt = 'dd.mm.yyyy';
  sheet.getCell('J2').numFmt = 'dd.mm.yyyy';
  sheet.addRow([]);
  sheet.addRow([2, 'Zoë Ådalsteinsdóttir', new Date(Date.UTC(2000, 11, 31)), -3, false, { formula: 'D4*2', result: -6 }, 'zusammen', null, 'ok', null]);
  sheet.getCell('C4').numFmt = 'dd.mm.yyyy';
  sheet.mergeCells('G4:H4');

  const second = workbook.addWorksheet('Zweites');
  second.addRow(['E-Mail']);
  second.addRow(['a@example.com']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-sheet workbook of the given rows (row 1 first). */
export async function workbookOf(rows: ExcelJS.CellValue[][], sheetName = 'Tabelle1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    if (row.length > 0) sheet.getRow(i + 1).values = row;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
