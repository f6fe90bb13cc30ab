/**
 * Runs a confirmed preview: per row the same save as a single edit (re-read → changed in Campaign since the
 * preview? then skip, never overwrite → PATCH only the changes → verifying GET), a pacer in front, a journal
 * behind. The journal makes the run survive anything: a row whose PATCH may have reached Campaign is re-read
 * before anything is sent again, and nothing is applied twice.
 */
import type { BulkRun, FieldChange, PreviewRow, RowOutcome, RunCounts, RunRow, RunState, RowsFilter } from '../model/bulk';
import type { AppError } from '../model/errors';
import type { FieldValue } from '../model/profile';
import type { SaveOutcome, Values } from '../model/save';
import { readPath } from '../campaign/field-catalog';
import { compareSent } from '../campaign/verify';
import { DeskError } from '../errors/desk-error';
import type { Pacer } from '../http/pacer';
import { saveChanges, type SaveFlowDeps, type SaveTarget } from '../profiles/save-flow';
import { matchesFilter } from './preview-job';
import { Stopped, withPatience } from './patience';
import type { DoneEvent, JournalState, RunJournal } from './run-journal';
import type { RunDefinition } from './run-store';

export interface RunController {
  readonly runId: string;
  status(): BulkRun;
  rows(filter: RowsFilter, offset: number, limit: number): { rows: RunRow[]; total: number };
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Rows not started stay unapplied; rows under way finish. */
  stop(): Promise<void>;
  /** Resolves once no row is under way (after a pause: nothing more is sent). */
  settled(): Promise<void>;
  readonly finished: Promise<void>;
}

export interface RunnerDeps {
  flow: SaveFlowDeps;
  target: SaveTarget;
  journal: RunJournal;
  pacer?: Pacer;
  /** Called once when the run ends (finished or stopped), with its counts: the audit trail records it. */
  ended(state: 'finished' | 'stopped', counts: RunCounts): Promise<void>;
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/** Errors no row can get past: the run pauses with the reason, and continues when the operator fixed it. */
const RUN_LEVEL = new Set<AppError['kind']>(['authExpired', 'forbidden', 'notConfigured', 'keychain', 'badAddress', 'invalidCredentials', 'internal', 'proxy', 'certificate']);
/** A run makes about three calls per row: for "time left". */
const CALLS_PER_ROW = 3;

function outcomeOf(saved: SaveOutcome): { outcome: RowOutcome; checks?: DoneEvent['checks'] } {
  if (saved.status === 'conflict') return { outcome: 'changedSincePreview' };
  if (saved.status === 'notChecked') return { outcome: 'notVerified' };
  return { outcome: saved.report.allConfirmed ? 'confirmed' : 'different', checks: saved.report.fields };
}

const valuesOf = (changes: FieldChange[], side: 'old' | 'new'): Values => Object.fromEntries(changes.map((c) => [c.path, c[side]]));

const errorOf = (err: unknown): AppError =>
  err instanceof DeskError ? err.info : { kind: 'internal', message: (err as Error)?.message ?? String(err), details: String((err as Error)?.stack ?? err) };

export async function startRun(deps: RunnerDeps, definition: RunDefinition, plan: readonly PreviewRow[]): Promise<RunController> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const journaled: JournalState = await deps.journal.read();
  const done = new Map<number, DoneEvent>(journaled.done);
  const inDoubt = new Map(journaled.inDoubt);
  const todo = plan.filter((row) => row.status === 'change' && !done.has(row.line));
  let state: RunState = 'running';
  let reason: AppError | undefined;
  let waitingFor: AppError | undefined;
  let cursor = 0;
  const sleepers: Array<() => void> = [];
  let underWay = 0;
  const idle: Array<() => void> = [];
  const startedAt = definition.createdAt;
  let finishedAt: string | undefined;

  const record = async (event: DoneEvent) => {
    await deps.journal.append(event);
    done.set(event.line, event);
    inDoubt.delete(event.line);
  };

  /** After a crash: the PATCH may have reached Campaign. If the values are there, the row is done. */
  async function reconcile(row: PreviewRow): Promise<DoneEvent | null> {
    const current = await deps.target.client.getProfile(row.pkey!);
    const sent = valuesOf(row.changes, 'new');
    const checks = compareSent(sent, (path) => readPath(current, path));
    if (checks.every((c) => c.match)) return { phase: 'done', line: row.line, outcome: 'confirmed', checks };
    return null; // not arrived (or only in part): the normal save decides, by comparing with the preview's values
  }

  async function attempt(row: PreviewRow): Promise<DoneEvent> {
    if (inDoubt.has(row.line)) {
      const reconciled = await reconcile(row);
      if (reconciled) return reconciled;
    }
    const saved = await saveChanges(
      deps.flow,
      deps.target,
      {
        pkey: row.pkey!,
        changes: valuesOf(row.changes, 'new'),
        // Only the fields this row changes count as "changed in Campaign since the preview".
        base: { values: valuesOf(row.changes, 'old') },
        run: { runId: definition.runId, line: row.line },
      },
      {
        beforePatch: async () => {
          await deps.journal.append({ phase: 'sending', line: row.line });
          inDoubt.set(row.line, 'sending');
        },
        afterPatch: async () => {
          await deps.journal.append({ phase: 'sent', line: row.line });
          inDoubt.set(row.line, 'sent');
        },
      },
    );
    return { phase: 'done', line: row.line, ...outcomeOf(saved) };
  }

  /** One row to its outcome; false when the run must pause before it (the row goes back in the queue). */
  async function process(row: PreviewRow): Promise<boolean> {
    try {
      const event = await withPatience(() => attempt(row), {
        waiting: (e) => void (waitingFor = e ?? undefined),
        stopped: () => state === 'stopping' || state === 'stopped',
        sleep,
      });
      await record(event);
      return true;
    } catch (err) {
      if (err instanceof Stopped) return false;
      const info = errorOf(err);
      if (RUN_LEVEL.has(info.kind)) {
        reason = info;
        if (state === 'running') state = 'paused';
        return false;
      }
      const { kind, message, details, status, code, serverMessage } = info;
      await record({ phase: 'done', line: row.line, outcome: 'failed', error: { kind, message, details, ...(status !== undefined ? { status } : {}), ...(code ? { code } : {}), ...(serverMessage ? { serverMessage } : {}) } });
      return true;
    }
  }

  const requeue: PreviewRow[] = [];
  function next(): PreviewRow | undefined {
    return requeue.shift() ?? (cursor < todo.length ? todo[cursor++] : undefined);
  }

  async function worker(): Promise<void> {
    for (;;) {
      while (state === 'paused') await new Promise<void>((resolve) => sleepers.push(resolve));
      if (state !== 'running') return;
      const row = next();
      if (!row) return;
      underWay++;
      const processed = await process(row);
      if (--underWay === 0) for (const wake of idle.splice(0)) wake();
      if (!processed) requeue.unshift(row);
    }
  }

  const counts = () => runCounts(definition, done);

  const workers = Array.from({ length: deps.concurrency ?? 6 }, () => worker());
  const finished = Promise.all(workers).then(async () => {
    const end = state === 'stopping' || state === 'stopped' ? 'stopped' : 'finished';
    // Reported as ended only once the journal and the audit trail say so.
    await deps.journal.append({ phase: 'state', state: end });
    await deps.ended(end, counts());
    finishedAt = now().toISOString();
    state = end;
  }).catch((err: unknown) => {
    // The journal could not be written: nothing more may be sent without a record.
    state = 'failed';
    reason = errorOf(err);
  });

  const setState = async (next: RunState, journalState: 'paused' | 'resumed' | 'stopped') => {
    state = next;
    await deps.journal.append({ phase: 'state', state: journalState });
    for (const wake of sleepers.splice(0)) wake();
  };

  return {
    runId: definition.runId,
    status() {
      const c = counts();
      const rate = deps.pacer ? { target: deps.pacer.target, current: deps.pacer.current } : { target: 0, current: 0 };
      const shown: RunState = state === 'running' && waitingFor ? 'waitingForNetwork' : state;
      return {
        runId: definition.runId,
        previewId: definition.previewId,
        ...(definition.undoOf ? { undoOf: definition.undoOf } : {}),
        file: { name: definition.file.name, format: definition.file.format },
        connection: definition.connection,
        state: shown,
        counts: c,
        rate,
        ...(rate.current > 0 && c.left > 0 ? { secondsLeft: Math.ceil((c.left * CALLS_PER_ROW) / rate.current) } : {}),
        startedAt,
        ...(finishedAt ? { finishedAt } : {}),
        ...(shown === 'waitingForNetwork' ? { error: waitingFor } : reason ? { error: reason } : {}),
        osUser: definition.osUser,
      };
    },
    rows: (filter, offset, limit) => pageOf(runRows(plan, done, state), filter, offset, limit),
    async pause() {
      if (state === 'running') await setState('paused', 'paused');
    },
    async resume() {
      if (state !== 'paused') return;
      reason = undefined;
      await setState('running', 'resumed');
    },
    settled: () => (underWay === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    async stop() {
      if (state !== 'running' && state !== 'paused') return;
      await setState('stopping', 'stopped');
    },
    finished,
  };
}

export function runCounts(definition: RunDefinition, done: ReadonlyMap<number, DoneEvent>): RunCounts {
  const byOutcome: Partial<Record<RowOutcome, number>> = {};
  for (const event of done.values()) byOutcome[event.outcome] = (byOutcome[event.outcome] ?? 0) + 1;
  return { total: definition.rows, done: done.size, left: definition.rows - done.size, errors: byOutcome.failed ?? 0, byOutcome };
}

/** Every row of the run's file with its outcome so far, in file order. */
export function runRows(plan: readonly PreviewRow[], done: ReadonlyMap<number, DoneEvent>, state: RunState): RunRow[] {
  return plan.map((row) => runRow(row, done.get(row.line), state));
}

export function pageOf(rows: RunRow[], filter: RowsFilter, offset: number, limit: number): { rows: RunRow[]; total: number } {
  const all = rows.filter((r) => rowMatches(r, filter));
  return { rows: all.slice(offset, offset + limit), total: all.length };
}

function runRow(row: PreviewRow, event: DoneEvent | undefined, state: RunState): RunRow {
  const base = { line: row.line, key: row.key, changes: row.changes, problems: row.problems, ...(row.pkey ? { pkey: row.pkey } : {}), ...(row.name ? { name: row.name } : {}) };
  if (row.status === 'unchanged') return { ...base, outcome: 'unchanged' };
  if (row.status === 'problem') return { ...base, outcome: 'notApplied' };
  if (!event) return { ...base, outcome: state === 'stopped' ? 'notApplied' : 'pending' };
  return {
    ...base,
    outcome: event.outcome,
    ...(event.checks ? { checks: event.checks.map((c) => ({ ...c, server: c.server as FieldValue | undefined })) } : {}),
    ...(event.error ? { error: event.error } : {}),
  };
}

function rowMatches(row: RunRow, filter: RowsFilter): boolean {
  if (filter.kind === 'outcome') return row.outcome === filter.outcome;
  if (filter.kind === 'all') return true;
  return matchesFilter({ ...row, status: row.outcome === 'unchanged' ? 'unchanged' : row.outcome === 'notApplied' && row.problems.length > 0 ? 'problem' : 'change', warnings: [] }, filter);
}

