/** Turns audit lines into the history the operator sees: one row per save, newest first. Pure. */
import type { AuditEntry, AttemptEntry, OutcomeEntry } from './audit-entry';
import type { HistoryOutcome, HistoryRow } from '../model/history';

export const NO_OUTCOME_NOTE = 'no outcome recorded — the app may have stopped during the save';

export function summarize(entries: AuditEntry[]): HistoryRow[] {
  const saves = new Map<string, { attempt?: AttemptEntry; outcome?: OutcomeEntry; order: number }>();
  entries.forEach((entry, order) => {
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
