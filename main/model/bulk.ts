/**
 * Bulk changes from a spreadsheet, as both processes see them: the file, the mapping of its columns to
 * fields, the dry run (preview) and the run. Rows are always named by their line in the file, never by
 * their position in a batch, so every result belongs to the row the operator wrote.
 */
import type { ConnectionInfo } from './connection';
import type { AppError } from './errors';
import type { FieldDef, FieldValue } from './profile';

/** Limits and pace; IT may lower them by policy, the operator may change them within the maximum. */
export interface BulkSettings {
  /** Requests per second per connection; Campaign does not pace the client, so the app paces itself. */
  requestsPerSecond: number;
  maxRequestsPerSecond: number;
  maxRows: number;
  maxFileMegabytes: number;
}

export const DEFAULT_BULK_SETTINGS: BulkSettings = { requestsPerSecond: 5, maxRequestsPerSecond: 20, maxRows: 200_000, maxFileMegabytes: 50 };

export type SpreadsheetFormat = 'csv' | 'xlsx';
export type CsvEncoding = 'utf8-bom' | 'utf8' | 'windows-1252' | 'utf16le';
export type CsvSeparator = ';' | ',' | '\t';

/** A spreadsheet opened for a bulk change (main keeps its own copy; the run works from it). */
export interface BulkFile {
  fileId: string;
  name: string;
  format: SpreadsheetFormat;
  csv?: { encoding: CsvEncoding; separator: CsvSeparator };
  /** xlsx: every sheet, and the one read. */
  sheets?: string[];
  sheet?: string;
  headers: string[];
  rowCount: number;
  /** The first rows as text, to show next to the mapping. */
  sample: string[][];
}

/**
 * Why a file cannot be used (AppError.code of a badFile error; line and params say where and what). The
 * spreadsheet readers raise these; 'unreadable' is a file that could not be read from disk at all.
 */
export const fileProblems = [
  'empty',
  'headerOnly',
  'duplicateHeaders',
  'unbalancedQuotes',
  'strayQuote',
  'lineTooLong',
  'binary',
  'unsupportedEncoding',
  'mixedEncoding',
  'mixedSeparators',
  'raggedRow',
  'tooManyRows',
  'tooLarge',
  'unreadableXlsx',
  'noSuchSheet',
  'unknownFormat',
  'unreadable',
] as const;
export type FileProblem = (typeof fileProblems)[number];

/** An opened spreadsheet with a suggested mapping and the fields its columns can write. */
export interface OpenedSpreadsheet {
  file: BulkFile;
  suggestion: MappingSuggestion;
  /** Writable fields only: read-only fields are never targets. */
  fields: FieldDef[];
}

/** How each row names its profile: a column with the profile key or with the email address. */
export interface RowIdentity {
  by: 'pkey' | 'email';
  column: number;
}

export interface ColumnMapping {
  column: number;
  /** The field path this column writes; null = the column is ignored. */
  field: string | null;
  /** An empty cell leaves the field as it is, unless the operator chose that it clears the field. */
  clearWhenEmpty: boolean;
}

export interface BulkMapping {
  identity: RowIdentity;
  columns: ColumnMapping[];
}

/** How a suggested match was found, so the operator knows how sure it is. */
export type MatchSource = 'remembered' | 'apiName' | 'appLabel' | 'campaignLabel';

export interface MappingSuggestion {
  mapping: BulkMapping;
  /** By column: how the field was found (absent: no field found). */
  sources: Record<number, MatchSource>;
  /** The identity column could not be found: the operator must choose it. */
  identityFound: boolean;
}

/** Why a row cannot be applied. */
export const rowProblems = [
  'missingKey', // the identity cell is empty
  'notFound', // no profile with that key / email
  'ambiguousEmail', // several profiles share the email
  'duplicateProfile', // another row of the file names the same profile
  'invalidValue', // a value that cannot be converted for the field (reason in detail)
  'tooLong',
  'unknownEnum',
  'readFailed', // Campaign could not be asked (details in the error)
  'changedSinceRun', // undoing a run: the field was changed in Campaign after the run
] as const;
export type RowProblemCause = (typeof rowProblems)[number];

export interface RowProblem {
  cause: RowProblemCause;
  field?: string;
  column?: number;
  value?: string;
  /** invalidValue: which check failed (a FieldProblem or a conversion reason); ambiguousEmail: how many share it. */
  detail?: string;
  count?: number;
  /** duplicateProfile: the other lines naming the same profile. */
  lines?: number[];
}

/** Values that convert, but look like something went wrong in the spreadsheet: shown, never changed silently. */
export const rowWarnings = ['leadingZeroLost', 'eNotation', 'replacedCharacter'] as const;
export type RowWarningKind = (typeof rowWarnings)[number];

export interface RowWarning {
  kind: RowWarningKind;
  field: string;
  column: number;
  value: string;
}

export interface FieldChange {
  path: string;
  old: FieldValue;
  new: FieldValue;
}

export type PreviewRowStatus = 'change' | 'unchanged' | 'problem';

export interface PreviewRow {
  line: number;
  /** What the identity cell says (key or email). */
  key: string;
  pkey?: string;
  name?: string;
  status: PreviewRowStatus;
  /** Only the fields whose value differs, old → new. */
  changes: FieldChange[];
  problems: RowProblem[];
  warnings: RowWarning[];
}

export interface PreviewCounts {
  rows: number;
  /** Profiles that will change, and how many fields in all. */
  change: number;
  fields: number;
  unchanged: number;
  problem: number;
  warnings: number;
  byCause: Partial<Record<RowProblemCause, number>>;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface BulkPreview {
  previewId: string;
  /** The spreadsheet (or, undoing a run, the run) the preview works from. */
  file: { fileId?: string; name: string; format: SpreadsheetFormat | 'undo' };
  /** The run this preview would undo. */
  undoOf?: string;
  connection: ConnectionInfo;
  state: JobState;
  /** Rows read so far (the dry run reads one profile per row). */
  done: number;
  total: number;
  counts: PreviewCounts;
  /** Why the dry run failed. */
  error?: AppError;
  /** Why it waits (network gone, Campaign busy): it goes on by itself. */
  waitingFor?: AppError;
  startedAt: string;
}

export type RowsFilter = { kind: 'all' | PreviewRowStatus } | { kind: 'cause'; cause: RowProblemCause } | { kind: 'outcome'; outcome: RowOutcome };

export interface RowsRequest {
  id: string;
  filter: RowsFilter;
  offset: number;
  limit: number;
}

/** The outcome of one row in a run, as for a single save, plus the ways a row is not sent. */
export const rowOutcomes = ['confirmed', 'different', 'notVerified', 'failed', 'changedSincePreview', 'unchanged', 'notApplied', 'pending'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

export interface RunRow {
  line: number;
  key: string;
  pkey?: string;
  name?: string;
  outcome: RowOutcome;
  changes: FieldChange[];
  /** Per field: what Campaign holds after the save (verified rows). */
  checks?: Array<{ path: string; sent: FieldValue; server?: FieldValue; match: boolean }>;
  problems: RowProblem[];
  error?: AppError;
}

export type RunState = 'running' | 'paused' | 'waitingForNetwork' | 'stopping' | 'stopped' | 'finished' | 'failed' | 'interrupted';

export interface RunCounts {
  total: number;
  done: number;
  left: number;
  errors: number;
  byOutcome: Partial<Record<RowOutcome, number>>;
}

export interface BulkRun {
  runId: string;
  previewId: string;
  /** The run this one undoes. */
  undoOf?: string;
  file: { name: string; format: SpreadsheetFormat | 'undo' };
  connection: ConnectionInfo;
  state: RunState;
  counts: RunCounts;
  /** Requests per second: what the operator set, and what the run uses now (lower after a 429). */
  rate: { target: number; current: number };
  /** Seconds left at the current pace, when known. */
  secondsLeft?: number;
  startedAt: string;
  finishedAt?: string;
  /** Why the run waits or stopped (network gone, Campaign refusing, the app was closed). */
  error?: AppError;
  osUser: string;
}

export interface StartRunRequest {
  previewId: string;
  /** On production the operator types the number of profiles that will change. */
  confirmCount?: number;
}

export type ResultsScope = 'all' | 'failed';
