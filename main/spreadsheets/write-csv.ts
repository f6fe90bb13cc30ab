/** A result table as CSV in the input's conventions: separator, encoding, CRLF, Excel's cell formats. */
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { Locale } from '../model/connection';
import { cellText } from './cell-text';
import { neutralise } from './formula-guard';
import type { Cell, CsvEncoding, CsvSeparator } from './table';

export function writeCsv(table: { headers: string[]; rows: Cell[][] }, as: { encoding: CsvEncoding; separator: CsvSeparator }, locale: Locale): Buffer {
  const records = [table.headers.map(neutralise), ...table.rows.map((cells) => cells.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cellText(cell, locale))))];
  const text = stringify(records, {
    delimiter: as.separator,
    record_delimiter: 'windows',
    // csv-stringify quotes a line break only when it is the record delimiter itself; a bare LF in a cell would
    // otherwise split the row in two.
    quoted_match: /[\r\n]/,
  });
  return encode(text, as.encoding);
}

function encode(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'windows-1252': {
      // iconv-lite writes "?" for what Windows-1252 lacks (Excel writes "_"); a name like "Łukasz" must not
      // come back as "?ukasz", so such a file is written in UTF-8 with a BOM, which Excel reads as well.
      const bytes = iconv.encode(text, 'win1252');
      return iconv.decode(bytes, 'win1252') === text ? bytes : encode(text, 'utf8-bom');
    }
  }
}
