// @vitest-environment node
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dateCell } from '../../../main/spreadsheets/calendar-date';
import { readCsv } from '../../../main/spreadsheets/read-csv';
import { readXlsx } from '../../../main/spreadsheets/read-xlsx';
import type { Cell } from '../../../main/spreadsheets/table';
import { writeTable, type ResultTable } from '../../../main/spreadsheets/write-table';
import { LIMITS } from './fixtures';

const birthday = dateCell({ y: 1980, m: 1, d: 31 });
const verifiedAt = new Date(Date.UTC(2024, 11, 31, 23, 5, 9));

const result: ResultTable = {
  headers: ['Zeile', 'E-Mail', 'Name', 'Geburtsdatum', 'Betrag', 'Gesperrt', 'Geprüft', 'Meldung'],
  rows: [
    [2, 'joerg@example.de', 'Jörg Müller-Weiß', birthday, 12.5, true, verifiedAt, 'Gespeichert; bestätigt'],
    [3, 'anna@example.de', 'Anna "Anni" Groß', null, -3, false, null, 'Zeile eins\nZeile zwei'],
  ],
};

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

describe('writeTable: CSV', () => {
  it('writes German Excel\'s "CSV UTF-8": BOM, ";", CRLF, decimal comma, WAHR/FALSCH, dd.mm.yyyy, quotes where needed', async () => {
    const bytes = await writeTable(result, { format: 'csv', encoding: 'utf8-bom', separator: ';' }, 'de');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Zeile;E-Mail;Name;Geburtsdatum;Betrag;Gesperrt;Geprüft;Meldung\r\n' +
        '2;joerg@example.de;Jörg Müller-Weiß;31.01.1980;12,5;WAHR;31.12.2024 23:05:09;"Gespeichert; bestätigt"\r\n' +
        '3;anna@example.de;"Anna ""Anni"" Groß";;-3;FALSCH;;"Zeile eins\nZeile zwei"\r\n',
    );
  });

  it('writes English conventions: ",", decimal point, TRUE/FALSE, ISO dates', async () => {
    const bytes = await writeTable(result, { format: 'csv', encoding: 'utf8', separator: ',' }, 'en');
    expect(bytes.toString('utf8').split('\r\n').slice(1, 2)).toEqual(['2,joerg@example.de,Jörg Müller-Weiß,1980-01-31,12.5,TRUE,2024-12-31 23:05:09,Gespeichert; bestätigt']);
    // Plain UTF-8 as asked: no BOM in front of the first header.
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('Zeile');
  });

  it('round-trips: what it writes reads back as the same cells, on the same lines', async () => {
    const bytes = await writeTable(result, { format: 'csv', encoding: 'utf8-bom', separator: ';' }, 'de');
    const table = readCsv(bytes, LIMITS);
    expect(table.csv).toEqual({ encoding: 'utf8-bom', separator: ';' });
    expect(table.headers).toEqual(result.headers);
    expect(table.rows).toEqual([
      { line: 2, cells: ['2', 'joerg@example.de', 'Jörg Müller-Weiß', '31.01.1980', '12,5', 'WAHR', '31.12.2024 23:05:09', 'Gespeichert; bestätigt'] },
      { line: 3, cells: ['3', 'anna@example.de', 'Anna "Anni" Groß', '', '-3', 'FALSCH', '', 'Zeile eins\nZeile zwei'] },
    ]);
  });

  it('puts an apostrophe before text Excel would run as a formula, but not before numbers', async () => {
    const cells: Cell[] = ['=HYPERLINK("http://x","klick")', '+49 30 1234', '-5', '@SUM(A1)', '\tTab', '\rCR', 'a=b', -5];
    const bytes = await writeTable({ headers: ['=Kopf', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], rows: [cells] }, { format: 'csv', encoding: 'utf8', separator: ';' }, 'de');
    expect(bytes.toString('utf8')).toBe(`'=Kopf;b;c;d;e;f;g;h\r\n"'=HYPERLINK(""http://x"",""klick"")";'+49 30 1234;'-5;'@SUM(A1);'\tTab;"'\rCR";a=b;-5\r\n`);
  });

  it('writes Windows-1252 when every character fits', async () => {
    const table = { headers: ['Name', 'Betrag'], rows: [['Jörg Weiß „Chef“', '100 €']] };
    const bytes = await writeTable(table, { format: 'csv', encoding: 'windows-1252', separator: ';' }, 'de');
    expect(bytes.equals(iconv.encode('Name;Betrag\r\nJörg Weiß „Chef“;100 €\r\n', 'win1252'))).toBe(true);
    expect(readCsv(bytes, LIMITS)).toMatchObject({ csv: { encoding: 'windows-1252' }, rows: [{ cells: ['Jörg Weiß „Chef“', '100 €'] }] });
  });

  it('falls back to UTF-8 with BOM when a character does not fit Windows-1252, never writing "?" for it', async () => {
    const table = { headers: ['Name'], rows: [['Łukasz Żółć'], ['Jörg']] };
    const bytes = await writeTable(table, { format: 'csv', encoding: 'windows-1252', separator: ';' }, 'de');
    expect(bytes.toString('utf8')).toBe('\uFEFFName\r\nŁukasz Żółć\r\nJörg\r\n');
    expect(bytes.includes('?')).toBe(false);
    expect(readCsv(bytes, LIMITS)).toMatchObject({ csv: { encoding: 'utf8-bom' }, rows: [{ cells: ['Łukasz Żółć'] }, { cells: ['Jörg'] }] });
  });

  it('writes UTF-16 LE with BOM for a "Unicode Text" input', async () => {
    const bytes = await writeTable({ headers: ['id', 'Name'], rows: [['1', 'Jörg']] }, { format: 'csv', encoding: 'utf16le', separator: '\t' }, 'de');
    expect(bytes.equals(Buffer.from('\uFEFFid\tName\r\n1\tJörg\r\n', 'utf16le'))).toBe(true);
  });
});

describe('writeTable: xlsx', () => {
  it('round-trips typed cells, date cells as the same days', async () => {
    const bytes = await writeTable(result, { format: 'xlsx', sheetName: 'Ergebnis' }, 'de');
    const table = await readXlsx(bytes, { limits: LIMITS });
    expect(table).toMatchObject({ sheet: 'Ergebnis', sheets: ['Ergebnis'], headers: result.headers });
    expect(table.rows).toEqual([
      { line: 2, cells: result.rows[0] },
      { line: 3, cells: result.rows[1] },
    ]);
    expect(table.rows[0]!.cells[3]).toBeInstanceOf(Date);
  });

  it('has a bold, frozen header row, date formats of the locale and columns as wide as their content', async () => {
    const sheet = await loadWorkbook(await writeTable(result, { format: 'xlsx', sheetName: 'Ergebnis' }, 'de'));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('D2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('G2').numFmt).toBe('dd.mm.yyyy hh:mm:ss');
    // "Jörg Müller-Weiß" is 16 characters, "Zeile" and "-3" are short, the message's longest line is 22.
    expect([1, 3, 8].map((c) => sheet.getColumn(c).width)).toEqual([8, 18, 24]);
    const english = await loadWorkbook(await writeTable(result, { format: 'xlsx', sheetName: 'Result' }, 'en'));
    expect(english.getCell('D2').numFmt).toBe('yyyy-mm-dd');
  });

  it('writes formula-like text as text cells, with nothing for Excel to run', async () => {
    const sheet = await loadWorkbook(await writeTable({ headers: ['a'], rows: [['=1+1'], ['@SUM(A1)']] }, { format: 'xlsx', sheetName: 'x' }, 'de'));
    for (const address of ['A2', 'A3']) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(address).formula).toBeUndefined();
    }
    expect(sheet.getCell('A2').value).toBe('=1+1');
  });

  it('makes any sheet name one Excel accepts', async () => {
    const named = async (name: string, locale: 'de' | 'en') => (await loadWorkbook(await writeTable({ headers: ['a'], rows: [['1']] }, { format: 'xlsx', sheetName: name }, locale))).name;
    expect(await named('Ergebnis: März/April [2024]', 'de')).toBe('Ergebnis März April 2024');
    expect(await named('Ein sehr langer Name für ein Ergebnisblatt', 'de')).toBe('Ein sehr langer Name für ein Er');
    expect(await named('???', 'de')).toBe('Tabelle1');
    expect(await named('', 'en')).toBe('Sheet1');
  });
});
