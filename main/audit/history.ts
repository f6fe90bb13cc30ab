/**
 * Turns audit lines into the history the operator sees: one row per save, newest first, and one entry per
 * bulk run (its rows are saves with the run's id). Pure.
 */
import type { AuditEntry, AttemptEntry, OutcomeEntry, RunEntry } from './audit-entry';
import type { HistoryOutcome, HistoryRow, RunHistoryEntry } from '../model/history';

export const NO_OUTCOME_NOTE = 'no outcome recorded — the app may have stopped during the save';

export function summarize(entries: AuditEntry[]): HistoryRow[] {
  const saves = new Map<string, { attempt?: AttemptEntry; outcome?: OutcomeEntry; order: number }>();
  entries.forEach((entry, order) => {
    if (entry.phase === 'run') return;
    const save = saves.get(entry.saveId) ?? { order };
    if (entry.phase === 'attempt') save.attempt ??= entry;
    else save.outcome = entry; // a later outcome (a repeated verification, say) supersedes an earlier one
    saves.set(entry.saveId, save);
  });
  return [...saves.values()]
    .map(({ attempt, outcome, order }) => ({ row: toRow(attempt, outcome), order }))
    .sort((a, b) => Date.parse(b.row.time) - Date.parse(a.row.time) || b.order - a.order)
    .map(({ row }) => row);
}

function toRow(attempt: AttemptEntry | undefined, outcome: OutcomeEntry | undefined): HistoryRow {
  const first = (attempt ?? outcome)!;
  const row: HistoryRow = {
    saveId: first.saveId,
    time: first.time,
    osUser: first.osUser,
    connection: first.connection,
    pkey: first.pkey,
    profileName: first.profileName,
    changes: first.changes,
    outcome: 'unknown',
    undoOf: first.undoOf,
    ...(first.runId ? { runId: first.runId, line: first.line } : {}),
  };
  if (!outcome) return { ...row, note: NO_OUTCOME_NOTE };
  const { patch, verification } = outcome;
  if (!patch.ok) return { ...row, outcome: 'failed', note: patch.message, status: patch.status, errorKind: patch.errorKind };
  return { ...row, outcome: verification?.status ?? 'notVerified', status: patch.status, verification };
}

export interface HistoryFilter {
  pkey?: string;
  connectionId?: string;
  /** Inclusive bounds on the row's time. */
  from?: Date;
  to?: Date;
  outcome?: HistoryOutcome;
}

/**
 * What the History screen shows for a filter: single saves and runs (a run is listed when it has a row the
 * filter keeps, or, without a row filter, when it started in the period); with a runId, that run's rows.
 */
export function historyPage(entries: AuditEntry[], filter: HistoryFilter & { runId?: string }): { rows: HistoryRow[]; runs: RunHistoryEntry[] } {
  const all = summarize(entries);
  if (filter.runId) return { rows: filterRows(all.filter((r) => r.runId === filter.runId), filter), runs: [] };
  const kept = filterRows(all, filter);
  const rowFilter = filter.pkey?.trim() || filter.outcome;
  const runsWithRows = new Set(kept.map((r) => r.runId));
  const runs = summarizeRuns(entries, all).filter((run) =>
    rowFilter ? runsWithRows.has(run.runId) : filterRows([{ ...runStub, time: run.time, connection: run.connection }], filter).length > 0,
  );
  return { rows: kept.filter((r) => !r.runId), runs };
}

/** What an export holds for a filter: every save the filter keeps, a run's rows included, and each run's file name. */
export function exportRows(entries: AuditEntry[], filter: HistoryFilter & { runId?: string }): { rows: HistoryRow[]; runFiles: Map<string, string> } {
  const all = summarize(entries);
  const rows = filterRows(filter.runId ? all.filter((r) => r.runId === filter.runId) : all, filter);
  const runFiles = new Map(summarizeRuns(entries, []).map((run) => [run.runId, run.file.name]));
  return { rows, runFiles };
}

/** A run dated and placed like a row, to reuse the row filter's time and connection bounds. */
const runStub: Omit<HistoryRow, 'time' | 'connection'> = { saveId: '', osUser: '', pkey: '', profileName: '', changes: [], outcome: 'unknown' };

export function filterRows(rows: HistoryRow[], filter: HistoryFilter): HistoryRow[] {
  const pkey = filter.pkey?.trim();
  return rows.filter((row) => {
    const time = Date.parse(row.time);
    return (
      (!pkey || row.pkey === pkey) &&
      (!filter.connectionId || row.connection.id === filter.connectionId) &&
      (!filter.from || time >= filter.from.getTime()) &&
      (!filter.to || time <= filter.to.getTime()) &&
      (!filter.outcome || row.outcome === filter.outcome)
    );
  });
}

/** One entry per bulk run: who ran which file on which connection, and how its rows ended. */
export function summarizeRuns(entries: AuditEntry[], rows: HistoryRow[]): RunHistoryEntry[] {
  const runs = new Map<string, { started?: RunEntry; ended?: RunEntry }>();
  for (const entry of entries) {
    if (entry.phase !== 'run') continue;
    const run = runs.get(entry.runId) ?? {};
    if (entry.event === 'started') run.started ??= entry;
    else run.ended = entry;
    runs.set(entry.runId, run);
  }
  const outcomes = new Map<string, Partial<Record<HistoryOutcome, number>>>();
  for (const row of rows) {
    if (!row.runId) continue;
    const counts = outcomes.get(row.runId) ?? {};
    counts[row.outcome] = (counts[row.outcome] ?? 0) + 1;
    outcomes.set(row.runId, counts);
  }
  const summaries = [...runs.entries()]
    .filter((e): e is [string, { started: RunEntry; ended?: RunEntry }] => e[1].started !== undefined)
    .map(([runId, { started, ended }]) => ({
      runId,
      time: started.time,
      osUser: started.osUser,
      connection: started.connection,
      file: started.file,
      rows: started.rows,
      outcomes: outcomes.get(runId) ?? {},
      state: ended ? (ended.event === 'stopped' ? ('stopped' as const) : ('finished' as const)) : ('open' as const),
      ...(ended ? { finishedAt: ended.time } : {}),
      ...(started.undoOf ? { undoOf: started.undoOf } : {}),
    }))
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  return summaries.map((run) => {
    const undo = summaries.find((other) => other.undoOf === run.runId); // newest first, so the latest undo
    if (!undo) return run;
    const complete = undo.state === 'finished' && (undo.outcomes.confirmed ?? 0) === undo.rows;
    return { ...run, undoneBy: { runId: undo.runId, time: undo.time, complete } };
  });
}
