/**
 * Result and problem files: the operator's own rows and columns, plus profile key, outcome, details per field
 * and the line number — one output row per input row, matched by line, never by position. Written in the
 * input's format; a CSV in its separator, as UTF-8 with BOM (every character survives, Excel reads it), dates
 * as the operator's language writes them.
 */
import type { PreviewRow, ResultsScope, RowProblem, RowWarning, RunRow } from '../model/bulk';
import { bulkWords } from '../model/bulk-words';
import type { Locale } from '../model/connection';
import { fieldLabels } from '../model/field-labels';
import type { FieldValue } from '../model/profile';
import type { Table } from '../spreadsheets/table';
import { writeTable, type WriteAs } from '../spreadsheets/write-table';

type Words = (typeof bulkWords)[Locale];

const fill = (template: string, params: Record<string, string | number | undefined>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));

function fieldName(path: string, locale: Locale): string {
  return (fieldLabels[locale] as Record<string, string>)[path] ?? path;
}

/** A value as the operator writes it in a spreadsheet. */
export function valueText(value: FieldValue | undefined, locale: Locale, words: Words): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return locale === 'de' ? (value ? 'ja' : 'nein') : value ? 'yes' : 'no';
  if (typeof value === 'number') return locale === 'de' ? String(value).replace('.', ',') : String(value);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date && locale === 'de') return `${date[3]}.${date[2]}.${date[1]}`;
  return value;
}

export function problemText(p: RowProblem, locale: Locale): string {
  const words = bulkWords[locale];
  return fill(words.problems[p.cause], {
    value: p.value,
    count: p.count,
    lines: p.lines?.join(', '),
    field: p.field ? fieldName(p.field, locale) : undefined,
    detail: p.detail,
    reason: p.detail ? (words.reasons[p.detail] ?? p.detail) : undefined,
  });
}

export function warningText(w: RowWarning, locale: Locale): string {
  return fill(bulkWords[locale].warnings[w.kind], { field: fieldName(w.field, locale), value: w.value });
}

/** What happened to a row, in words: the changes (with what Campaign holds where it differs), problems, the error. */
function details(row: RunRow | PreviewRow, locale: Locale): string {
  const words = bulkWords[locale];
  const parts = row.changes.map((c) => {
    const check = 'checks' in row ? row.checks?.find((k) => k.path === c.path) : undefined;
    const text = fill(words.change, { field: fieldName(c.path, locale), old: valueText(c.old, locale, words), new: valueText(c.new, locale, words) });
    return check && !check.match ? `${text} (Campaign: ${valueText(check.server, locale, words)})` : text;
  });
  parts.push(...row.problems.map((p) => problemText(p, locale)));
  if ('warnings' in row) parts.push(...row.warnings.map((w) => warningText(w, locale)));
  if ('error' in row && row.error) parts.push(row.error.serverMessage ?? row.error.message);
  return parts.join('; ');
}

/** The app's own columns after the file's; one that a file already has is named "… (Profile Desk)", so a result file loads again. */
function withColumns(headers: readonly string[], added: string[]): string[] {
  const taken = new Set(headers.map((h) => h.trim().toLowerCase()));
  return [...headers, ...added.map((h) => (taken.has(h.toLowerCase()) ? `${h} (Profile Desk)` : h))];
}

/** Rows the operator has to look at again; the others are done (or need nothing). */
const NEEDS_ATTENTION = new Set(['failed', 'changedSincePreview', 'notApplied', 'pending']);

export function resultTable(table: Table, rows: readonly RunRow[], scope: ResultsScope, locale: Locale) {
  const words = bulkWords[locale];
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const out = table.rows.flatMap((input) => {
    const row = byLine.get(input.line);
    if (!row || (scope === 'failed' && !NEEDS_ATTENTION.has(row.outcome))) return [];
    return [[...input.cells, row.pkey ?? '', words.outcomes[row.outcome], details(row, locale), input.line]];
  });
  return { headers: withColumns(table.headers, [words.columns.pkey, words.columns.outcome, words.columns.details, words.columns.line]), rows: out };
}

/** The rows of a dry run that have a problem, to fix in Excel and load again. */
export function problemTable(table: Table, rows: readonly PreviewRow[], locale: Locale) {
  const words = bulkWords[locale];
  const problems = new Map(rows.filter((r) => r.status === 'problem').map((r) => [r.line, r]));
  const out = table.rows.flatMap((input) => {
    const row = problems.get(input.line);
    return row ? [[...input.cells, details(row, locale), input.line]] : [];
  });
  return { headers: withColumns(table.headers, [words.columns.details, words.columns.line]), rows: out };
}

/** How to write for this input: its format; a CSV in its separator, UTF-8 with BOM. */
export function writeAsInput(table: Table): WriteAs {
  return table.format === 'csv'
    ? { format: 'csv', encoding: 'utf8-bom', separator: table.csv?.separator ?? ';' }
    : { format: 'xlsx', sheetName: table.sheet ?? 'Profile Desk' };
}

export async function fileBytes(result: { headers: string[]; rows: Array<Array<string | number | boolean | Date | null>> }, table: Table, locale: Locale): Promise<Buffer> {
  return writeTable(result, writeAsInput(table), locale);
}
