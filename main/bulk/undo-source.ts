/**
 * Undoing a whole run: a new preview built from the run's recorded old values. Only rows Campaign confirmed
 * (or saved differently) are undone, and a field someone changed after the run is shown as a conflict, never
 * overwritten. The undo goes through its own dry run and confirmation like any other bulk change.
 */
import type { FieldValue } from '../model/profile';
import type { HistoryRow } from '../model/history';
import type { Table } from '../spreadsheets/table';
import { plannedSource, type PreviewSource, type SourceRow } from './preview-job';

export function undoSource(runId: string, fileName: string, rows: readonly HistoryRow[]): PreviewSource {
  const applied = rows.filter((r) => r.runId === runId && (r.outcome === 'confirmed' || r.outcome === 'different') && r.line !== undefined);
  const paths = [...new Set(applied.flatMap((r) => r.changes.map((c) => c.path)))];
  const sourceRows: SourceRow[] = applied.map((row) => {
    const server = new Map((row.verification?.fields ?? []).map((f) => [f.path, f.server]));
    const expected: Record<string, FieldValue> = {};
    for (const c of row.changes) expected[c.path] = server.get(c.path) ?? c.new;
    return {
      line: row.line!,
      plan: { key: row.pkey, problems: [], warnings: [], values: row.changes.map((c, i) => ({ path: c.path, column: i + 1, value: c.old })) },
      expected,
    };
  });
  // The run's old values as a table, so result files of the undo look like any other.
  const table: Table = {
    format: 'csv',
    csv: { encoding: 'utf8-bom', separator: ';' },
    headers: ['PKey', ...paths],
    rows: applied.map((row) => ({
      line: row.line!,
      cells: [row.pkey, ...paths.map((p) => text(row.changes.find((c) => c.path === p)?.old))],
    })),
  };
  return plannedSource({ file: { name: fileName, format: 'undo' }, table, identity: { by: 'pkey', column: 0 }, undoOf: runId }, sourceRows);
}

const text = (value: FieldValue | undefined): string => (value === null || value === undefined ? '' : String(value));
