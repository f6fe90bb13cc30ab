// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../main/spreadsheets/read-table';
import { isTableProblem } from '../../../main/spreadsheets/table-problem';
import { asyncProblemOf, crlf, customerWorkbook, described, utf16le, utf8, windows1252 } from './fixtures';

const opts = { maxRows: 1000, maxBytes: 1_000_000 };

describe('readTable', () => {
  it('reads .csv, .txt and .tsv as CSV, whatever the case of the extension', async () => {
    const german = windows1252(crlf('id;Name', '1;Jörg'));
    expect(await readTable({ name: 'Kunden März.CSV', bytes: german }, opts)).toMatchObject({ format: 'csv', csv: { encoding: 'windows-1252', separator: ';' }, rows: [{ line: 2, cells: ['1', 'Jörg'] }] });
    expect((await readTable({ name: 'export.txt', bytes: utf16le(crlf('id\tName', '1\tJörg')) }, opts)).csv).toEqual({ encoding: 'utf16le', separator: '\t' });
    expect((await readTable({ name: 'export.tsv', bytes: utf8(crlf('id\tName', '1\tx')) }, opts)).headers).toEqual(['id', 'Name']);
  });

  it('reads .xlsx and .xlsm as workbooks, passing the sheet on', async () => {
    const bytes = await customerWorkbook();
    expect(await readTable({ name: 'kunden.XLSX', bytes }, opts)).toMatchObject({ format: 'xlsx', sheet: 'Kunden' });
    expect(await readTable({ name: 'kunden.xlsm', bytes }, { ...opts, sheet: 'Zweites' })).toMatchObject({ format: 'xlsx', sheet: 'Zweites', headers: ['E-Mail'] });
  });

  it('refuses other extensions, naming the extension', async () => {
    const bytes = utf8(crlf('id', '1'));
    for (const [name, extension] of [['alt.xls', '.xls'], ['calc.ods', '.ods'], ['daten', ''], ['liste.csv.bak', '.bak']]) {
      expect(described(await asyncProblemOf(() => readTable({ name: name!, bytes }, opts)))).toEqual({ code: 'unknownFormat', line: undefined, params: { extension } });
    }
  });

  it('checks the content against the name: a workbook named .csv, a CSV named .xlsx', async () => {
    const workbook = await customerWorkbook();
    expect(described(await asyncProblemOf(() => readTable({ name: 'kunden.csv', bytes: workbook }, opts)))).toEqual({ code: 'binary', line: undefined, params: { looksLike: 'xlsx' } });
    expect(described(await asyncProblemOf(() => readTable({ name: 'kunden.xlsx', bytes: utf8(crlf('id', '1')) }, opts)))).toEqual({ code: 'unreadableXlsx', line: undefined, params: { reason: 'notZip' } });
  });

  it('applies both limits to either format', async () => {
    const workbook = await customerWorkbook();
    expect((await asyncProblemOf(() => readTable({ name: 'k.xlsx', bytes: workbook }, { maxRows: 1, maxBytes: 1_000_000 }))).code).toBe('tooManyRows');
    expect((await asyncProblemOf(() => readTable({ name: 'k.csv', bytes: utf8(crlf('id', '1', '2')) }, { maxRows: 1, maxBytes: 1000 }))).code).toBe('tooManyRows');
    expect((await asyncProblemOf(() => readTable({ name: 'k.xlsx', bytes: workbook }, { maxRows: 10, maxBytes: 100 }))).code).toBe('tooLarge');
  });

  it('throws TableProblems a caller can narrow by code, with an English summary for the log', async () => {
    const error: unknown = await readTable({ name: 'x.csv', bytes: utf8(crlf('E-Mail;e-mail', '1;2')) }, opts).catch((e: unknown) => e);
    expect(isTableProblem(error)).toBe(true);
    expect(isTableProblem(error, 'empty')).toBe(false);
    if (!isTableProblem(error, 'duplicateHeaders')) throw new Error('expected duplicateHeaders');
    expect(error.params.names).toEqual(['E-Mail']);
    expect(error.name).toBe('TableProblem');
    expect(error.message).toBe('duplicateHeaders at line 1 {"names":["E-Mail"]}');
  });
});
