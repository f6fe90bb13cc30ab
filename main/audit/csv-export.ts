/**
 * The history as a CSV file for spreadsheets, one line per changed field. Shaped for Excel in German and
 * English locales: UTF-8 with BOM (or umlauts break), ';' as separator (',' is the German decimal mark), CRLF.
 */
import { neutralise } from '../spreadsheets/formula-guard';
import { csvColumns as COLUMNS, type CsvLabels, type HistoryRow } from '../model/history';
import type { FieldValue } from '../model/profile';

/** Everything the operator reads in the file comes from the labels, in their language. */
export type { CsvLabels };

/** runFiles: the file each bulk run read, by run id, so a run's rows name their file and line. */
export function toCsv(rows: HistoryRow[], labels: CsvLabels, runFiles: ReadonlyMap<string, string> = new Map()): string {
  const lines = [COLUMNS.map((c) => labels.columns[c])];
  for (const row of rows) {
    const common = [
      localTime(row.time),
      row.osUser,
      row.connection.name,
      labels.environments[row.connection.environment],
      row.pkey,
      row.profileName,
    ];
    const outcome = labels.outcomes[row.outcome];
    const source = row.runId ? [runFiles.get(row.runId) ?? row.runId, row.line === undefined ? '' : String(row.line)] : ['', ''];
    // A save always has changes; should one have none, it still gets a line rather than vanishing.
    const changes = row.changes.length > 0 ? row.changes : [{ path: '', old: null, new: null }];
    for (const change of changes) lines.push([...common, change.path, text(change.old), text(change.new), outcome, ...source]);
  }
  return `\uFEFF${lines.map((cells) => cells.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** Every cell is guarded, "-5" and PKeys ("@…") included (formula-guard.ts); Excel shows "@…" as #NAME? anyway. */
function cell(value: string): string {
  const safe = neutralise(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function text(value: FieldValue): string {
  return value === null ? '' : String(value);
}

/** The operator's local time, as a spreadsheet reads it without guessing: YYYY-MM-DD HH:MM:SS. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
