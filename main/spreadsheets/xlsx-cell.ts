/** An exceljs cell value as a table Cell: what Excel shows in the cell, typed where the sheet types it. */
import type { CellValue } from 'exceljs';
import type { Cell } from './table';

export function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  // A formula's cached result: what Excel showed when the file was saved (we do not calculate).
  if ('formula' in value || 'sharedFormula' in value) return toCell(value.result ?? null);
  if ('error' in value) return value.error;
  if ('richText' in value) return plainText(value);
  // A hyperlink shows its text; exceljs gives that text as rich text when it is formatted.
  if ('hyperlink' in value) return plainText(value.text);
  return null;
}

/** Rich text without its formatting. */
function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string' ? run.text : '')).join('');
  }
  return '';
}
