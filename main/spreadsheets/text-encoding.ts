/**
 * The encoding of a CSV file, found without asking the operator (the Data Loader's "UTF-8" tick box is how
 * umlauts get lost): a BOM says it; otherwise text that is valid UTF-8 is UTF-8 (Windows-1252 German text
 * practically never is: "ä" is one byte E4 followed by a letter, invalid in UTF-8); anything else is
 * Windows-1252, which German Excel's "CSV (Trennzeichen-getrennt)" writes.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { LineCounter } from './line-counter';
import type { CsvEncoding } from './table';
import { TableProblem } from './table-problem';

export interface DecodedText {
  /** The text as UTF-8 without a BOM: csv-parse reads it without copying when the file was UTF-8 already. */
  utf8: Buffer;
  encoding: CsvEncoding;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);
const UTF32LE_BOM = Buffer.from([0xff, 0xfe, 0x00, 0x00]);
const UTF32BE_BOM = Buffer.from([0x00, 0x00, 0xfe, 0xff]);

export function decodeText(bytes: Buffer): DecodedText {
  // UTF-32 before UTF-16: the UTF-32 LE BOM begins with the UTF-16 LE one.
  if (startsWith(bytes, UTF32LE_BOM) || startsWith(bytes, UTF32BE_BOM)) throw new TableProblem('unsupportedEncoding', { encoding: 'utf-32' });
  if (startsWith(bytes, UTF16BE_BOM)) throw new TableProblem('unsupportedEncoding', { encoding: 'utf-16be' });
  // Excel's "Unicode Text" (.txt, tab-separated) is UTF-16 LE with a BOM.
  if (startsWith(bytes, UTF16LE_BOM)) {
    const text = bytes.toString('utf16le', UTF16LE_BOM.length);
    if (text.includes('\0')) throw new TableProblem('binary', { looksLike: 'other' });
    return { utf8: Buffer.from(text, 'utf8'), encoding: 'utf16le' };
  }
  // No text file has NUL bytes; almost every binary format has plenty.
  if (bytes.includes(0)) throw new TableProblem('binary', { looksLike: 'other' });
  if (startsWith(bytes, UTF8_BOM)) {
    const body = bytes.subarray(UTF8_BOM.length);
    if (!isUtf8(body)) throw mixedEncoding(bytes, UTF8_BOM.length);
    return { utf8: body, encoding: 'utf8-bom' };
  }
  if (isUtf8(bytes)) return { utf8: bytes, encoding: 'utf8' };
  // Decoding a file that mixes UTF-8 and Windows-1252 lines as Windows-1252 would turn every UTF-8 "ü" into
  // "Ã¼" and send that to Campaign. "Ã" followed by a byte from 80–BF is UTF-8 for À–ÿ (all umlauts, ß, é);
  // in real Windows-1252 text it would read "Ã¤", "Ã¶", which nobody writes.
  if (findUtf8Latin1(bytes) !== -1) throw mixedEncoding(bytes, 0);
  return { utf8: Buffer.from(iconv.decode(bytes, 'win1252'), 'utf8'), encoding: 'windows-1252' };
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.subarray(0, prefix.length).equals(prefix);
}

function findUtf8Latin1(bytes: Buffer): number {
  for (let at = bytes.indexOf(0xc3); at !== -1; at = bytes.indexOf(0xc3, at + 1)) {
    const next = bytes[at + 1];
    if (next !== undefined && next >= 0x80 && next <= 0xbf) return at;
  }
  return -1;
}

/** Names the first line that is not UTF-8 and, for a file without a BOM, the first one that is. */
function mixedEncoding(bytes: Buffer, from: number): TableProblem<'mixedEncoding'> {
  // Error path: a fresh counter per offset, so the order in which they are asked does not matter.
  const lineOf = (offset: number) => (offset === -1 ? undefined : new LineCounter(bytes).lineAt(offset));
  const utf8Line = from === 0 ? lineOf(findUtf8Latin1(bytes)) : undefined;
  return new TableProblem('mixedEncoding', utf8Line === undefined ? {} : { utf8Line }, lineOf(firstInvalidUtf8(bytes, from)));
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (error path only, so a plain loop).
 * Only called after isUtf8 said no; the subtler cases it does not check (overlong three-byte forms, surrogates)
 * give -1 and the problem goes without a line.
 */
function firstInvalidUtf8(bytes: Buffer, from: number): number {
  for (let at = from; at < bytes.length; ) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    for (let k = 1; k < length; k++) {
      const next = bytes[at + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return at;
    }
    at += length;
  }
  return -1;
}
