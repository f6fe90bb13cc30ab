// @vitest-environment node
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../main/spreadsheets/read-xlsx';
import { asyncProblemOf, customerWorkbook, described, LIMITS, utf8, workbookOf } from './fixtures';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('readXlsx', () => {
  it('reads the first visible sheet with typed cells: numbers, booleans, dates, formula results, rich text, links, errors', async () => {
    const table = await readXlsx(await customerWorkbook(), { limits: LIMITS });
    expect(table.format).toBe('xlsx');
    expect(table.sheets).toEqual(['Kunden', 'Zweites']);
    expect(table.sheet).toBe('Kunden');
    expect(table.headers).toEqual(['Kundennr', 'Name', 'Geburtsdatum', 'Betrag', 'Aktiv', 'Doppelt', 'Notiz', 'Web', 'Prüfung', 'Folgetag']);
    expect(table.rows).toEqual([
      { line: 2, cells: [1067, 'Jörg Müller-Weiß', utc(1980, 1, 31), 12.5, true, 25, 'Straße fett', 'Adobe', '#N/A', utc(1980, 2, 1)] },
      // Row 3 is empty; the merged G4:H4 holds its text once.
      { line: 4, cells: [2, 'Zoë Ådalsteinsdóttir', utc(2000, 12, 31), -3, false, -6, 'zusammen', null, 'ok', null] },
    ]);
    expect(table.rows[0]!.cells[2]).toBeInstanceOf(Date);
  });

  it('reads another sheet by name, a hidden one included', async () => {
    const bytes = await customerWorkbook();
    const second = await readXlsx(bytes, { sheet: 'Zweites', limits: LIMITS });
    expect(second).toMatchObject({ sheet: 'Zweites', sheets: ['Kunden', 'Zweites'], headers: ['E-Mail'], rows: [{ line: 2, cells: ['a@example.com'] }] });
    const hidden = await readXlsx(bytes, { sheet: 'Listen', limits: LIMITS });
    expect(hidden.rows).toEqual([{ line: 2, cells: ['Frau'] }]);
  });

  it('names the sheets when asked for one that does not exist', async () => {
    const bytes = await customerWorkbook();
    const problem = await asyncProblemOf(() => readXlsx(bytes, { sheet: 'Tabelle9', limits: LIMITS }));
    expect(described(problem)).toEqual({ code: 'noSuchSheet', line: undefined, params: { sheet: 'Tabelle9', sheets: ['Kunden', 'Zweites'] } });
  });

  it('reads a header below title rows, with sheet row numbers as lines', async () => {
    const table = await readXlsx(await workbookOf([[], [], ['id', 'E-Mail'], [1, 'a@b.de'], [], [2, 'c@d.de']]), { limits: LIMITS });
    expect(table.headers).toEqual(['id', 'E-Mail']);
    expect(table.rows).toEqual([
      { line: 4, cells: [1, 'a@b.de'] },
      { line: 6, cells: [2, 'c@d.de'] },
    ]);
  });

  it('keeps a column without heading, between headings or right of them, under ""', async () => {
    const table = await readXlsx(await workbookOf([['id', null, 'Ort'], [1, 'x', 'Köln', null, 'Notiz'], [2]]), { limits: LIMITS });
    expect(table.headers).toEqual(['id', '', 'Ort', '', '']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [1, 'x', 'Köln', null, 'Notiz'],
      [2, null, null, null, null],
    ]);
  });

  it('reads dates of a 1904-based workbook (old Mac Excel) as the same days', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Mac');
    sheet.addRow(['Geburtsdatum']);
    sheet.addRow([utc(1975, 6, 15)]).getCell(1).numFmt = 'dd.mm.yyyy';
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), { limits: LIMITS });
    expect(table.rows[0]!.cells).toEqual([utc(1975, 6, 15)]);
  });

  it('keeps the time of a date-time cell in its UTC parts', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Zeiten');
    sheet.addRow(['Zeitpunkt']);
    sheet.addRow([utc(2024, 12, 31, 23, 30)]).getCell(1).numFmt = 'dd.mm.yyyy hh:mm';
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), { limits: LIMITS });
    expect(table.rows[0]!.cells).toEqual([utc(2024, 12, 31, 23, 30)]);
  });
});

describe('readXlsx: files that are not a usable sheet', () => {
  it('calls a CSV renamed to .xlsx "notZip", and a password-protected workbook (an OLE container) "encrypted"', async () => {
    expect(described(await asyncProblemOf(() => readXlsx(utf8('id;name\r\n1;x\r\n'), { limits: LIMITS })))).toEqual({
      code: 'unreadableXlsx',
      line: undefined,
      params: { reason: 'notZip' },
    });
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    expect((await asyncProblemOf(() => readXlsx(ole, { limits: LIMITS }))).params).toEqual({ reason: 'encrypted' });
  });

  it('calls a damaged workbook "corrupt"', async () => {
    const whole = await customerWorkbook();
    for (const damaged of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)])]) {
      expect((await asyncProblemOf(() => readXlsx(damaged, { limits: LIMITS }))).params).toEqual({ reason: 'corrupt' });
    }
  });

  it('calls an empty sheet "empty" and a sheet with headings only "headerOnly"', async () => {
    expect((await asyncProblemOf(async () => readXlsx(await workbookOf([]), { limits: LIMITS }))).code).toBe('empty');
    expect(described(await asyncProblemOf(async () => readXlsx(await workbookOf([[], ['id', 'name'], [null, '  ']]), { limits: LIMITS })))).toEqual({
      code: 'headerOnly',
      line: 2,
      params: {},
    });
  });

  it('refuses duplicate headings', async () => {
    const problem = await asyncProblemOf(async () => readXlsx(await workbookOf([['E-Mail', 'e-mail'], ['a', 'b']]), { limits: LIMITS }));
    expect(described(problem)).toEqual({ code: 'duplicateHeaders', line: 1, params: { names: ['E-Mail'] } });
  });

  it('stops at the first row over maxRows and refuses a file over maxBytes', async () => {
    const bytes = await workbookOf([['id'], [1], [2], [3], [4]]);
    expect(described(await asyncProblemOf(() => readXlsx(bytes, { limits: { maxRows: 3, maxBytes: LIMITS.maxBytes } })))).toEqual({
      code: 'tooManyRows',
      line: 5,
      params: { maxRows: 3 },
    });
    expect((await readXlsx(bytes, { limits: { maxRows: 4, maxBytes: bytes.length } })).rows).toHaveLength(4);
    expect(described(await asyncProblemOf(() => readXlsx(bytes, { limits: { maxRows: 10, maxBytes: bytes.length - 1 } })))).toEqual({
      code: 'tooLarge',
      line: undefined,
      params: { bytes: bytes.length, maxBytes: bytes.length - 1 },
    });
  });
});
