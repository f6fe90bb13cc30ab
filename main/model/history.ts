/** The local audit trail as the operator reads it: one row per save, newest first. */
import type { ConnectionInfo } from './connection';
import type { FieldValue } from './profile';
import type { FieldCheck } from './save';

export const historyOutcomes = ['confirmed', 'different', 'notVerified', 'failed', 'unknown'] as const;
export type HistoryOutcome = (typeof historyOutcomes)[number];

export interface HistoryChange {
  path: string;
  old: FieldValue;
  new: FieldValue;
}

export interface Verification {
  status: 'confirmed' | 'different' | 'notVerified';
  fields?: FieldCheck[];
}

export interface HistoryRow {
  saveId: string;
  /** When the save started (the attempt), or the outcome's time if the attempt line was lost. */
  time: string;
  osUser: string;
  connection: ConnectionInfo;
  pkey: string;
  profileName: string;
  changes: HistoryChange[];
  outcome: HistoryOutcome;
  /** Why a save failed or has no outcome; technical English, for IT. */
  note?: string;
  status?: number;
  errorKind?: string;
  verification?: Verification;
  undoOf?: string;
  /** A row of a bulk run, and its line in the run's file. */
  runId?: string;
  line?: number;
}

/** A bulk run as one history entry; it expands to its rows (HistoryFilter.runId). */
export interface RunHistoryEntry {
  runId: string;
  /** When it started. */
  time: string;
  finishedAt?: string;
  osUser: string;
  connection: ConnectionInfo;
  file: { name: string; format: 'csv' | 'xlsx' | 'undo' };
  /** The run this one undoes. */
  undoOf?: string;
  /** The latest run that undid this one; complete when it finished with every row confirmed. */
  undoneBy?: { runId: string; time: string; complete: boolean };
  /** Profiles it set out to change. */
  rows: number;
  /** How its rows ended so far. */
  outcomes: Partial<Record<HistoryOutcome, number>>;
  /** open: started, not (yet) finished — running now, or the app stopped during it. */
  state: 'open' | 'finished' | 'stopped';
}

export interface HistoryPage {
  /** Single saves (and, with a runId filter, the rows of that run). */
  rows: HistoryRow[];
  /** Bulk runs, one entry each (none with a runId filter). */
  runs: RunHistoryEntry[];
  /** Lines of the audit file that could not be read (a torn last line after a crash). */
  skippedLines: number;
}

/** Which rows to show; from/to are ISO times, inclusive. */
export interface HistoryFilter {
  pkey?: string;
  connectionId?: string;
  from?: string;
  to?: string;
  outcome?: HistoryOutcome;
  /** The rows of one bulk run. */
  runId?: string;
}

export const csvColumns = ['time', 'osUser', 'connection', 'environment', 'pkey', 'profileName', 'field', 'oldValue', 'newValue', 'outcome', 'bulkFile', 'fileLine'] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** Everything the operator reads in an exported file comes from these labels, in their language. */
export interface CsvLabels {
  columns: Record<CsvColumn, string>;
  environments: { production: string; stage: string };
  outcomes: Record<HistoryOutcome, string>;
}

export interface ExportHistoryRequest {
  filter: HistoryFilter;
  labels: CsvLabels;
}
