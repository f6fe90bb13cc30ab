/**
 * Byte-level looks at CSV text (UTF-8, so every byte below 0x80 is the ASCII character): which separator the
 * header uses, and where a quoting mistake starts. Quotes are the RFC 4180 ones Excel writes: a cell that
 * starts with `"` runs to the next `"` that is not doubled.
 */
import type { CsvSeparator } from './table';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** In order of preference when counts tie: German Excel first. */
export const SEPARATORS: readonly CsvSeparator[] = [';', '\t', ','];
const CODES: Record<CsvSeparator, number> = { ';': 0x3b, '\t': TAB, ',': 0x2c };

type Counts = Record<CsvSeparator, number>;

/**
 * The header row's separator: the candidate it holds most often outside quotes. A header without any (a file
 * of one column) gets ';', the German Excel convention, which then also shapes the result file.
 */
export function sniffSeparator(text: Buffer): CsvSeparator {
  const counts = separatorCounts(text, firstContentLine(text));
  return SEPARATORS.reduce((best, s) => (counts[s] > counts[best] ? s : best));
}

/**
 * The separator a row uses instead of the expected one, if it holds none of the expected and some of another
 * (a block of rows pasted from a file of another locale).
 */
export function otherSeparator(text: Buffer, start: number, expected: CsvSeparator): CsvSeparator | undefined {
  const counts = separatorCounts(text, start);
  if (counts[expected] > 0) return undefined;
  return SEPARATORS.filter((s) => counts[s] > 0).sort((a, b) => counts[b] - counts[a])[0];
}

/** Offset of the first line with anything but blanks (leading empty lines are no header). */
function firstContentLine(text: Buffer): number {
  let lineStart = 0;
  for (let at = 0; at < text.length; at++) {
    const byte = text[at];
    if (byte === LF || byte === CR) lineStart = at + 1;
    else if (byte !== SPACE && byte !== TAB) return lineStart;
  }
  return 0;
}

/** Separators on the record starting at `start`, outside quotes, up to its first unquoted line break. */
function separatorCounts(text: Buffer, start: number): Counts {
  const counts: Counts = { ';': 0, '\t': 0, ',': 0 };
  let quoting = false;
  for (let at = start; at < text.length; at++) {
    const byte = text[at];
    if (byte === QUOTE) quoting = !quoting;
    else if (quoting) continue;
    else if (byte === LF || byte === CR) break;
    else if (byte === CODES[';']) counts[';']++;
    else if (byte === CODES[',']) counts[',']++;
    else if (byte === TAB) counts['\t']++;
  }
  return counts;
}

export interface QuoteProblem {
  code: 'unbalancedQuotes' | 'strayQuote';
  /** The opening quote of the cell that does not close properly, or the stray quote. */
  offset: number;
}

/**
 * The quoting mistake in the record starting at `start`, found again after csv-parse stopped on it, because
 * csv-parse reports where it noticed (often the end of the file), not where the operator must look.
 */
export function findQuoteProblem(text: Buffer, start: number, separator: CsvSeparator): QuoteProblem | undefined {
  const sep = CODES[separator];
  let cellStart = true;
  for (let at = start; at < text.length; at++) {
    const byte = text[at];
    if (byte === QUOTE && cellStart) {
      const open = at;
      for (;;) {
        const close = text.indexOf(QUOTE, at + 1);
        if (close === -1) return { code: 'unbalancedQuotes', offset: open };
        const next = text[close + 1];
        if (next === QUOTE) {
          at = close + 1;
          continue;
        }
        if (next !== undefined && next !== sep && next !== LF && next !== CR) return { code: 'unbalancedQuotes', offset: open };
        at = close;
        break;
      }
      cellStart = false;
    } else if (byte === QUOTE) {
      return { code: 'strayQuote', offset: at };
    } else if (byte === LF || byte === CR) {
      return undefined;
    } else {
      cellStart = byte === sep;
    }
  }
  return undefined;
}
