/**
 * The dry run: for every row, the profile it names (one read), exactly which fields would change (old → new,
 * only where different) and every problem. Nothing is written. Rows run a few at a time; the pacer in front
 * of the connection keeps the pace, and trouble that time cures makes the job wait, not fail.
 */
import { randomUUID } from 'node:crypto';
import type { BulkMapping, BulkPreview, JobState, PreviewCounts, PreviewRow, RowIdentity, RowProblem, RowsFilter } from '../model/bulk';
import type { ConnectionInfo } from '../model/connection';
import type { AppError } from '../model/errors';
import type { FieldDef, FieldValue } from '../model/profile';
import { sameValue } from '../model/values';
import type { CampaignClient } from '../campaign/client';
import { displayName, flattenProfile } from '../campaign/field-catalog';
import { DeskError } from '../errors/desk-error';
import type { Table } from '../spreadsheets/table';
import { withPatience, Stopped, type PatienceHooks } from './patience';
import { duplicateLines, lookupProfile } from './profile-lookup';
import { diffRow, makeKeyReader, makeRowPlanner, type RowPlan } from './row-plan';
import type { RowSpool } from './row-spool';

/** One row to preview: its line, what it asks for, and (undoing a run) the values Campaign must still hold. */
export interface SourceRow {
  line: number;
  plan: RowPlan;
  /** Undo: what the run left in Campaign; a field that differs now was changed since, and is not undone. */
  expected?: Record<string, FieldValue>;
}

/** What a preview (and a run started from it) works from: a spreadsheet, or the record of a run to undo. */
export interface PreviewSource {
  file: { fileId?: string; name: string; format: 'csv' | 'xlsx' | 'undo'; sha256?: string };
  /** The rows as a table (the operator's file; for an undo, its values), for result and problem files. */
  table: Table;
  mapping?: BulkMapping;
  identity: RowIdentity;
  rowCount: number;
  /** Row i, planned when it is needed: a 100,000-row file is never held twice in memory. */
  rowAt(index: number): SourceRow;
  /** Every row's line and key, to find rows that name the same profile before any is read. */
  keys(): Array<{ line: number; key: string }>;
  undoOf?: string;
}

/** A spreadsheet with its mapping as a preview source. */
export function spreadsheetSource(file: { fileId: string; name: string; format: 'csv' | 'xlsx'; sha256: string }, table: Table, mapping: BulkMapping, fields: FieldDef[]): PreviewSource {
  const plan = makeRowPlanner(mapping, fields);
  const keyOf = makeKeyReader(mapping.identity);
  return {
    file,
    table,
    mapping,
    identity: mapping.identity,
    rowCount: table.rows.length,
    rowAt: (i) => ({ line: table.rows[i]!.line, plan: plan(table.rows[i]!.cells) }),
    keys: () => table.rows.map((row) => ({ line: row.line, key: keyOf(row.cells) })),
  };
}

/** A source of rows already planned (undoing a run: a few hundred rows from the audit trail). */
export function plannedSource(base: Omit<PreviewSource, 'rowCount' | 'rowAt' | 'keys'>, rows: SourceRow[]): PreviewSource {
  return { ...base, rowCount: rows.length, rowAt: (i) => rows[i]!, keys: () => rows.map((r) => ({ line: r.line, key: r.plan.key })) };
}



export interface PreviewJob {
  readonly id: string;
  readonly source: PreviewSource;
  readonly connectionId: string;
  status(): BulkPreview;
  /** A page of rows (the renderer shows a few hundred at most), in file order. */
  rows(filter: RowsFilter, offset: number, limit: number): { rows: PreviewRow[]; total: number };
  /** Every row, for a run or a problems file (only once the dry run is done). */
  all(): readonly PreviewRow[];
  cancel(): void;
  /** Stops it and lets go of its rows (a preview dropped). */
  dispose(): void;
  readonly finished: Promise<void>;
}

export interface PreviewDeps {
  /** Where the rows of the dry run are kept (on disk: memory stays flat however long the file). */
  spool(previewId: string, size: number): RowSpool;
  client: CampaignClient;
  fields: FieldDef[];
  connection: ConnectionInfo;
  /** How many rows are read at once; the pacer, not this, sets the pace. */
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

const emptyCounts = (): PreviewCounts => ({ rows: 0, change: 0, fields: 0, unchanged: 0, problem: 0, warnings: 0, byCause: {} });

export function matchesFilter(row: PreviewRow, filter: RowsFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'cause':
      return row.problems.some((p) => p.cause === filter.cause);
    case 'outcome':
      return false;
    default:
      return row.status === filter.kind;
  }
}

export function startPreview(deps: PreviewDeps, source: PreviewSource): PreviewJob {
  const id = randomUUID();
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const { identity } = source;
  const duplicates = duplicateLines(source.keys(), identity.by);
  const results = deps.spool(id, source.rowCount);
  const counts = emptyCounts();
  const startedAt = now().toISOString();
  let state: JobState = 'running';
  let error: AppError | undefined;
  let waitingFor: AppError | undefined;
  let done = 0;
  let cancelled = false;

  const patience: PatienceHooks = {
    waiting: (e) => void (waitingFor = e ?? undefined),
    stopped: () => cancelled,
    sleep,
  };

  function settle(index: number, row: PreviewRow): void {
    results.put(index, row);
    done++;
    counts.rows++;
    counts[row.status]++;
    if (row.status === 'change') counts.fields += row.changes.length;
    counts.warnings += row.warnings.length;
    for (const cause of new Set(row.problems.map((p) => p.cause))) counts.byCause[cause] = (counts.byCause[cause] ?? 0) + 1;
  }

  async function previewRow(index: number): Promise<void> {
    const { line, plan: p, expected } = source.rowAt(index);
    const problems: RowProblem[] = [...p.problems];
    const base = { line, key: p.key, warnings: p.warnings };
    if (p.key === '') problems.unshift({ cause: 'missingKey', column: identity.column });
    const twins = duplicates.get(line);
    if (twins) problems.unshift({ cause: 'duplicateProfile', value: p.key, lines: twins });
    // A row that cannot name one profile costs no read.
    if (p.key === '' || twins) return settle(index, { ...base, status: 'problem', changes: [], problems });
    let found;
    try {
      found = await withPatience(() => lookupProfile(deps.client, identity.by, p.key), patience);
    } catch (err) {
      if (err instanceof Stopped) throw err;
      const info = err instanceof DeskError ? err.info : undefined;
      problems.unshift({ cause: 'readFailed', value: p.key, detail: info?.kind ?? 'internal' });
      return settle(index, { ...base, status: 'problem', changes: [], problems });
    }
    if ('problem' in found) return settle(index, { ...base, status: 'problem', changes: [], problems: [found.problem, ...problems] });
    const raw = found.profile;
    const current = flattenProfile(raw, deps.fields);
    const values = expected ? p.values.filter((v) => unchangedSince(v.path, current, expected, problems)) : p.values;
    const changes = diffRow(values, current, deps.fields);
    const status = problems.length > 0 ? 'problem' : changes.length > 0 ? 'change' : 'unchanged';
    // By profile key, the key is the PKey: one string for both.
    settle(index, { ...base, pkey: raw.PKey === p.key ? p.key : raw.PKey, name: displayName(raw), status, changes, problems });
  }

  /** Undo: a field still holds what the run wrote; otherwise it was changed since, and is left alone. */
  function unchangedSince(path: string, current: Record<string, FieldValue>, expected: Record<string, FieldValue>, problems: RowProblem[]): boolean {
    if (!(path in expected) || sameValue(current[path], expected[path])) return true;
    problems.push({ cause: 'changedSinceRun', field: path, value: String(current[path] ?? '') });
    return false;
  }

  async function worker(next: () => number | undefined): Promise<void> {
    for (let i = next(); i !== undefined; i = next()) await previewRow(i);
  }

  let cursor = 0;
  const next = () => (cancelled || cursor >= source.rowCount ? undefined : cursor++);
  const finished = Promise.all(Array.from({ length: deps.concurrency ?? 8 }, () => worker(next)))
    .then(() => {
      state = cancelled ? 'cancelled' : 'done';
    })
    .catch((err: unknown) => {
      if (err instanceof Stopped) {
        state = 'cancelled';
        return;
      }
      state = 'failed';
      error = err instanceof DeskError ? err.info : { kind: 'internal', message: String(err), details: String((err as Error)?.stack ?? err) };
    });

  return {
    id,
    source,
    connectionId: deps.connection.id,
    status: () => ({
      previewId: id,
      ...(source.undoOf ? { undoOf: source.undoOf } : {}),
      file: { ...(source.file.fileId ? { fileId: source.file.fileId } : {}), name: source.file.name, format: source.file.format },
      connection: deps.connection,
      state,
      done,
      total: source.rowCount,
      counts: { ...counts, byCause: { ...counts.byCause } },
      startedAt,
      ...(error ? { error } : {}),
      ...(waitingFor ? { waitingFor } : {}),
    }),
    rows: (filter, offset, limit) => results.page(filter, offset, limit),
    all: () => results.all(),
    cancel: () => void (cancelled = true),
    dispose() {
      cancelled = true;
      void finished.then(() => results.close());
    },
    finished,
  };
}
