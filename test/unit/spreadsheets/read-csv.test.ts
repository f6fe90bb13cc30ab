// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../main/spreadsheets/read-csv';
import type { Table } from '../../../main/spreadsheets/table';
import { workbookOf, crlf, described, LIMITS, problemOf, pseudoRandomBytes, utf16le, utf8, utf8Bom, windows1252 } from './fixtures';

const read = (bytes: Buffer, limits = LIMITS): Table => readCsv(bytes, limits);
const lines = (table: Table) => table.rows.map((r) => r.line);
const cells = (table: Table) => table.rows.map((r) => r.cells);

describe('readCsv: encodings', () => {
  const german = crlf('Kundennr;Name;Straße;Ort', '01067;Jörg Müller;Weißstraße 5;Köln', '2;Zoë Åberg;Über den Höfen 1;Düsseldorf');

  it('reads German Excel\'s Windows-1252 CSV with umlauts and ß intact', () => {
    const table = read(windows1252(german));
    expect(table.csv).toEqual({ encoding: 'windows-1252', separator: ';' });
    expect(table.headers).toEqual(['Kundennr', 'Name', 'Straße', 'Ort']);
    expect(cells(table)).toEqual([
      ['01067', 'Jörg Müller', 'Weißstraße 5', 'Köln'],
      ['2', 'Zoë Åberg', 'Über den Höfen 1', 'Düsseldorf'],
    ]);
    expect(lines(table)).toEqual([2, 3]);
  });

  it('reads "CSV UTF-8" (with BOM) without the BOM ending up in the first header', () => {
    const table = read(utf8Bom(crlf('id;Straße', '1;Weißstraße')));
    expect(table.csv).toEqual({ encoding: 'utf8-bom', separator: ';' });
    expect(table.headers).toEqual(['id', 'Straße']);
    expect(table.headers[0]).not.toContain('ï»¿');
    expect(cells(table)).toEqual([['1', 'Weißstraße']]);
  });

  it('reads UTF-8 without a BOM as UTF-8', () => {
    const table = read(utf8(crlf('id;Name', '1;Jörg Müller')));
    expect(table.csv?.encoding).toBe('utf8');
    expect(cells(table)).toEqual([['1', 'Jörg Müller']]);
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 LE, tab-separated)', () => {
    const table = read(utf16le(crlf('id\tName', '1\tJörg Müller', '2\tŁukasz Żółć')));
    expect(table.csv).toEqual({ encoding: 'utf16le', separator: '\t' });
    expect(cells(table)).toEqual([['1', 'Jörg Müller'], ['2', 'Łukasz Żółć']]);
  });

  it('refuses UTF-16 BE and UTF-32, which no spreadsheet program writes, by name', () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('id\r\n1\r\n', 'utf16le').swap16()]);
    expect(described(problemOf(() => read(be)))).toEqual({ code: 'unsupportedEncoding', line: undefined, params: { encoding: 'utf-16be' } });
    const utf32 = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x69, 0, 0, 0]);
    expect(problemOf(() => read(utf32)).params).toEqual({ encoding: 'utf-32' });
  });

  it('refuses a file that mixes UTF-8 and Windows-1252 lines instead of garbling one of them', () => {
    const pasted = Buffer.concat([utf8(crlf('id;Name', '1;Jörg Müller')), windows1252(crlf('2;Jürgen Weiß'))]);
    expect(described(problemOf(() => read(pasted)))).toEqual({ code: 'mixedEncoding', line: 3, params: { utf8Line: 2 } });
    const withBom = Buffer.concat([utf8Bom(crlf('id;Name', '1;Jörg', '2;Anna')), windows1252(crlf('3;Jürgen'))]);
    expect(described(problemOf(() => read(withBom)))).toEqual({ code: 'mixedEncoding', line: 4, params: {} });
  });
});

describe('readCsv: separators', () => {
  it('reads English Excel\'s comma-separated CSV, quoted commas included', () => {
    const table = read(utf8(crlf('email,firstName,lastName', 'a@example.com,"Smith, Jr.",Doe', 'b@example.com,Ann,"O\'Neil"')));
    expect(table.csv).toEqual({ encoding: 'utf8', separator: ',' });
    expect(cells(table)).toEqual([
      ['a@example.com', 'Smith, Jr.', 'Doe'],
      ['b@example.com', 'Ann', "O'Neil"],
    ]);
  });

  it('reads tab-separated text', () => {
    const table = read(utf8(crlf('id\tcity', '1\tKöln, Innenstadt; Nord')));
    expect(table.csv?.separator).toBe('\t');
    expect(cells(table)).toEqual([['1', 'Köln, Innenstadt; Nord']]);
  });

  it('decides by the header, counting only separators outside quotes', () => {
    expect(read(utf8(crlf('"a;b",c,d', '1,2,3'))).csv?.separator).toBe(',');
    expect(read(utf8(crlf('Name, Vorname;E-Mail;Ort', 'x;y;z'))).csv?.separator).toBe(';');
  });

  it('takes ; for a file of one column', () => {
    const table = read(utf8(crlf('email', 'a@example.com')));
    expect(table.csv?.separator).toBe(';');
    expect(cells(table)).toEqual([['a@example.com']]);
  });

  it('names the line where rows switch to another separator', () => {
    const pasted = utf8(crlf('id;name;city', '1;A;B', '2,C,D', '3;E;F'));
    expect(described(problemOf(() => read(pasted)))).toEqual({ code: 'mixedSeparators', line: 3, params: { expected: ';', found: ',' } });
  });

  it('names it too when the other locale\'s row has quotes the expected separator cannot parse', () => {
    const pasted = utf8(crlf('id;name;city', '1;A;B', '2,"Müller, Hans",Köln'));
    expect(described(problemOf(() => read(pasted)))).toEqual({ code: 'mixedSeparators', line: 3, params: { expected: ';', found: ',' } });
  });
});

describe('readCsv: line numbers', () => {
  it('puts each record on the line where it starts, across quoted line breaks (LF and CRLF) and "" escapes', () => {
    const text = [
      'id;note;city\r\n', // 1
      '1;"Zeile eins\r\nZeile zwei";Köln\r\n', // 2-3
      '2;"ein ""zitiertes"" Wort";Bonn\r\n', // 4
      '3;"x\ny\nz";Ulm\r\n', // 5-7
      '4;ok;Kiel\r\n', // 8
    ].join('');
    const table = read(utf8(text));
    expect(lines(table)).toEqual([2, 4, 5, 8]);
    expect(cells(table)).toEqual([
      ['1', 'Zeile eins\r\nZeile zwei', 'Köln'],
      ['2', 'ein "zitiertes" Wort', 'Bonn'],
      ['3', 'x\ny\nz', 'Ulm'],
      ['4', 'ok', 'Kiel'],
    ]);
  });

  it('counts Mac CR line ends and keeps a CRLF file with one LF line from merging rows', () => {
    expect(lines(read(utf8('id;n\r1;a\r2;"b\rc"\r3;d\r')))).toEqual([2, 3, 5]);
    const mixed = read(utf8('id;n\r\n1;a\n2;b\r\n3;c\r\n'));
    expect(cells(mixed)).toEqual([['1', 'a'], ['2', 'b'], ['3', 'c']]);
    expect(lines(mixed)).toEqual([2, 3, 4]);
  });

  it('skips empty and blank rows and trailing empty lines, keeping later line numbers exact', () => {
    const table = read(utf8('a;b\r\n\r\n1;2\r\n;\r\n  ; \t\r\n\u00a0;\u3000\r\n3;4\r\n\r\n\r\n'));
    expect(cells(table)).toEqual([['1', '2'], ['3', '4']]);
    expect(lines(table)).toEqual([3, 7]);
  });

  it('finds the header below leading empty rows (an empty first row in Excel)', () => {
    const table = read(utf8('\r\n;;\r\nid;name\r\n1;x\r\n'));
    expect(table.headers).toEqual(['id', 'name']);
    expect(lines(table)).toEqual([4]);
  });

  it('stays exact over many rows with line breaks in cells', () => {
    let text = 'id;note\r\n';
    const expected: number[] = [];
    let line = 2;
    for (let i = 0; i < 1000; i++) {
      expected.push(line);
      const breaks = i % 7 === 0 ? 2 : 0;
      text += `${i};"${Array.from({ length: breaks + 1 }, (_, k) => `teil ${k}`).join(i % 2 ? '\r\n' : '\n')}"\r\n`;
      line += breaks + 1;
    }
    const table = read(utf8(text));
    expect(lines(table)).toEqual(expected);
    expect(table.rows[7]?.cells).toEqual(['7', 'teil 0\r\nteil 1\r\nteil 2']);
  });
});

describe('readCsv: headers and row shapes', () => {
  it('trims headers, brings them to NFC and drops trailing empty ones; keeps an unnamed column in between as ""', () => {
    const nfdMueller = 'Mu\u0308ller';
    const table = read(utf8(crlf(` E-Mail ;;${nfdMueller};;`, 'a@b.de;x;y;;')));
    expect(table.headers).toEqual(['E-Mail', '', 'Müller']);
    expect(cells(table)).toEqual([['a@b.de', 'x', 'y']]);
  });

  it('pads short rows with "" and drops empty cells beyond the last heading', () => {
    const table = read(utf8(crlf('a;b;c', '1', '2;;', '3;x;y;;;')));
    expect(cells(table)).toEqual([['1', '', ''], ['2', '', ''], ['3', 'x', 'y']]);
  });

  it('keeps cell values as written: no trimming, no number or date parsing', () => {
    const table = read(windows1252(crlf('plz;datum;betrag', '01067; 31.12.2024 ;1.234,50')));
    expect(cells(table)).toEqual([['01067', ' 31.12.2024 ', '1.234,50']]);
  });

  it('refuses a row with values beyond the last heading, naming its line', () => {
    const shifted = utf8(crlf('id;name', '1;Anna', '2;Müller; Hans'));
    expect(described(problemOf(() => read(shifted)))).toEqual({ code: 'raggedRow', line: 3, params: { headers: 2, cells: 3 } });
  });

  it('refuses duplicate headers (trimmed, any case), naming them', () => {
    const table = utf8(crlf('E-Mail;Name;e-mail ;NAME;Ort', '1;2;3;4;5'));
    expect(described(problemOf(() => read(table)))).toEqual({ code: 'duplicateHeaders', line: 1, params: { names: ['E-Mail', 'Name'] } });
  });
});

describe('readCsv: files that are not a usable table', () => {
  it('calls an empty file, whitespace and a lone BOM "empty"', () => {
    for (const bytes of [Buffer.alloc(0), utf8('  \r\n\t\r\n \n'), utf8Bom(''), utf8(';;;\r\n;;\r\n')]) {
      expect(described(problemOf(() => read(bytes)))).toEqual({ code: 'empty', line: undefined, params: {} });
    }
  });

  it('calls a header without rows "headerOnly"', () => {
    expect(described(problemOf(() => read(utf8('id;name'))))).toEqual({ code: 'headerOnly', line: 1, params: {} });
    expect(described(problemOf(() => read(utf8('\r\nid;name\r\n;\r\n\r\n'))))).toEqual({ code: 'headerOnly', line: 2, params: {} });
  });

  it('names the line where an unclosed quote opens, and finishes fast even in a large file', { timeout: 5_000 }, () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i};Name ${i};Ort`).join('\r\n');
    const file = utf8(crlf('id;name;city', '1;"Müller;Berlin', rows));
    expect(file.length).toBeGreaterThan(4_000_000);
    const started = performance.now();
    expect(described(problemOf(() => read(file)))).toEqual({ code: 'unbalancedQuotes', line: 2, params: {} });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('names the opening line when a quote "closes" into text rows later (what would silently swallow rows)', () => {
    const file = utf8(crlf('id;name;city', '1;"Müller;Berlin', '2;Meier;Hamburg', '3;"Schmidt";Köln'));
    expect(described(problemOf(() => read(file)))).toEqual({ code: 'unbalancedQuotes', line: 2, params: {} });
  });

  it('names the line of the opening quote, not the record start, when a record spans lines before it', () => {
    const file = utf8('id;a;b\r\n1;"x\r\ny";"open\r\n2;z;w\r\n');
    expect(described(problemOf(() => read(file)))).toEqual({ code: 'unbalancedQuotes', line: 3, params: {} });
  });

  it('refuses a quote inside an unquoted cell, naming its line', () => {
    const file = utf8(crlf('id;name', '1;Anna', '2;Hans "Hansi" Müller'));
    expect(described(problemOf(() => read(file)))).toEqual({ code: 'strayQuote', line: 3, params: {} });
  });

  it('calls an Excel workbook renamed to .csv "binary", looking like xlsx', async () => {
    const xlsx = await workbookOf([['id'], [1]]);
    expect(described(problemOf(() => read(xlsx)))).toEqual({ code: 'binary', line: undefined, params: { looksLike: 'xlsx' } });
  });

  it('calls random bytes with NULs, a PDF and an old .xls "binary"', () => {
    const noise = pseudoRandomBytes(4096);
    expect(noise.includes(0)).toBe(true);
    expect(problemOf(() => read(noise)).params).toEqual({ looksLike: 'other' });
    expect(problemOf(() => read(utf8Bom('id\r\n\0\0\r\n'))).params).toEqual({ looksLike: 'other' });
    expect(problemOf(() => read(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1'))).params).toEqual({ looksLike: 'pdf' });
    expect(problemOf(() => read(Buffer.from('d0cf11e0a1b11ae100000000', 'hex'))).params).toEqual({ looksLike: 'xlsOrEncrypted' });
  });

  it('refuses a single endless line', () => {
    const file = utf8(`id\r\n${'x'.repeat(200_000)}\r\n`);
    expect(described(problemOf(() => read(file)))).toEqual({ code: 'lineTooLong', line: 2, params: { maxBytes: 128_000 } });
  });
});

describe('readCsv: limits', () => {
  const five = utf8(crlf('id', '1', '2', '3', '4', '5'));

  it('reads exactly maxRows data rows', () => {
    expect(read(five, { maxRows: 5, maxBytes: 1000 }).rows).toHaveLength(5);
  });

  it('stops at the first row over maxRows, naming it', () => {
    expect(described(problemOf(() => read(five, { maxRows: 3, maxBytes: 1000 })))).toEqual({ code: 'tooManyRows', line: 5, params: { maxRows: 3 } });
    // A quote that never closes further down is never reached: parsing stopped at the limit.
    const laterBroken = utf8(crlf('id', '1', '2', '3', '4', '"broken'));
    expect(problemOf(() => read(laterBroken, { maxRows: 3, maxBytes: 1000 })).code).toBe('tooManyRows');
  });

  it('refuses a file over maxBytes before looking into it', () => {
    expect(described(problemOf(() => read(five, { maxRows: 10, maxBytes: five.length - 1 })))).toEqual({
      code: 'tooLarge',
      line: undefined,
      params: { bytes: five.length, maxBytes: five.length - 1 },
    });
    expect(problemOf(() => read(pseudoRandomBytes(100), { maxRows: 10, maxBytes: 99 })).code).toBe('tooLarge');
    expect(read(five, { maxRows: 10, maxBytes: five.length }).rows).toHaveLength(5);
  });
});
