/**
 * Bulk changes from a spreadsheet, end to end: open a file, suggest and remember the mapping, the dry run,
 * the run (from a preview only, counted and confirmed), result files, runs to continue after a crash, and
 * undoing a whole run. Plain TypeScript: the Campaign client, pacer, dialogs and stores are passed in.
 */
import type { BulkMapping, BulkPreview, BulkRun, BulkSettings, OpenedSpreadsheet, PreviewRow, ResultsScope, RowsRequest, RunCounts, RunRow, StartRunRequest } from '../model/bulk';
import { bulkWords } from '../model/bulk-words';
import type { ConnectionInfo, Locale } from '../model/connection';
import type { SavedFile } from '../model/files';
import type { FieldDef } from '../model/profile';
import type { AuditLog } from '../audit/audit-log';
import { summarize } from '../audit/history';
import type { CampaignClient } from '../campaign/client';
import { PolicyRule } from '../model/policy';
import { deskError } from '../errors/desk-error';
import { dialogTitles, SPREADSHEET_FILES } from '../files/dialog-titles';
import type { FileDialogs } from '../files/file-dialogs';
import { saveFile } from '../files/save-file';
import type { Pacer } from '../http/pacer';
import type { SaveFlowDeps } from '../profiles/save-flow';
import type { BulkFileStore } from './bulk-files';
import { headerSignature, mappingFits, suggestMapping } from './column-match';
import type { MappingMemory } from './mapping-memory';
import { spreadsheetSource, startPreview, type PreviewJob, type PreviewSource } from './preview-job';
import { fileBytes, problemTable, resultTable } from './result-file';
import { runCounts, runRows, startRun, type RunController } from './runner';
import type { RunDefinition, RunStore, StoredRun } from './run-store';
import { undoSource } from './undo-source';
import { createRowSpool } from './row-spool';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** States a run does not leave. */
const ENDED = new Set<BulkRun['state']>(['finished', 'stopped', 'failed', 'interrupted']);

export interface BulkService {
  settings(): Promise<BulkSettings>;
  setRate(requestsPerSecond: number): Promise<BulkSettings>;
  /** null when the operator cancelled the dialog. */
  chooseFile(connectionId: string): Promise<OpenedSpreadsheet | null>;
  openDropped(connectionId: string, name: string, bytes: Uint8Array): Promise<OpenedSpreadsheet>;
  chooseSheet(connectionId: string, fileId: string, sheet: string): Promise<OpenedSpreadsheet>;
  preview(connectionId: string, fileId: string, mapping: BulkMapping): Promise<BulkPreview>;
  previewStatus(previewId: string): BulkPreview;
  previewRows(request: RowsRequest): { rows: PreviewRow[]; total: number };
  cancelPreview(previewId: string): BulkPreview;
  saveProblems(previewId: string): Promise<SavedFile>;
  startRun(request: StartRunRequest): Promise<BulkRun>;
  runStatus(runId: string): Promise<BulkRun>;
  runRows(request: RowsRequest): Promise<{ rows: RunRow[]; total: number }>;
  pause(runId: string): Promise<BulkRun>;
  resume(runId: string): Promise<BulkRun>;
  stop(runId: string): Promise<BulkRun>;
  saveResults(runId: string, scope: ResultsScope): Promise<SavedFile>;
  /** Runs that did not finish (the app was closed, crashed, the power went): offered to continue. */
  unfinished(): Promise<BulkRun[]>;
  continueRun(runId: string): Promise<BulkRun>;
  /** A preview that puts back the old values of a run's applied rows. */
  undoRun(runId: string): Promise<BulkPreview>;
  /** Runs going on in this process (running, waiting or paused), so quitting can ask first. */
  active(): BulkRun[];
  /** Before the app quits: each run paused once its rows under way are done, so it continues cleanly next time. */
  close(): Promise<void>;
}

export interface BulkDeps {
  files: BulkFileStore;
  /** Where dry runs keep their rows while they are shown. */
  spoolDir: string;
  runs: RunStore;
  mappings: MappingMemory;
  dialogs: FileDialogs;
  audit: AuditLog;
  flow: SaveFlowDeps;
  clientFor(connectionId: string): Promise<CampaignClient>;
  fieldsFor(connectionId: string): Promise<FieldDef[]>;
  pacerFor(connectionId: string): Pacer;
  describeConnection(connectionId: string): Promise<ConnectionInfo>;
  settings(): Promise<BulkSettings>;
  saveSettings(settings: BulkSettings): Promise<void>;
  locale(): Promise<Locale>;
  osUser: string;
  /** The highest pace IT's policy allows, if it sets one. */
  itMaxRequestsPerSecond?: number;
  now?: () => Date;
}


/** Enough for going back and forth between two files; a run works from its own copy on disk. */
const KEEP_PREVIEWS = 3;

const baseName = (name: string) => name.replace(/\.[^.]+$/, '');
const extensionOf = (source: PreviewSource) => (source.table.format === 'xlsx' ? 'xlsx' : 'csv');

export function createBulkService(deps: BulkDeps): BulkService {
  const now = deps.now ?? (() => new Date());
  // Rows of dry runs from an earlier start (a crash) are of no use any more.
  rmSync(deps.spoolDir, { recursive: true, force: true });
  const previews = new Map<string, PreviewJob>();
  const runs = new Map<string, RunController>();

  async function opened(connectionId: string, open: () => ReturnType<BulkFileStore['open']>): Promise<OpenedSpreadsheet> {
    const fields = (await deps.fieldsFor(connectionId)).filter((f) => !f.readOnly && f.type !== 'datetime');
    const { file } = await open();
    const remembered = await deps.mappings.get(headerSignature(file.headers));
    return { file, suggestion: suggestMapping(file.headers, fields, remembered), fields };
  }

  function preview(previewId: string): PreviewJob {
    const job = previews.get(previewId);
    if (!job) throw deskError('staleRun', `No preview ${previewId} (the app was restarted since): load the file again`);
    return job;
  }

  /** A bulk job paces its connection at the operator's setting. */
  async function paced(connectionId: string): Promise<void> {
    deps.pacerFor(connectionId).setTarget((await deps.settings()).requestsPerSecond);
  }

  async function startPreviewOf(connectionId: string, source: PreviewSource): Promise<BulkPreview> {
    await paced(connectionId);
    const job = startPreview(
      {
        spool: (id, size) => createRowSpool(join(deps.spoolDir, `${id}.jsonl`), size),
        client: await deps.clientFor(connectionId),
        fields: await deps.fieldsFor(connectionId),
        connection: await deps.describeConnection(connectionId),
      },
      source,
    );
    previews.set(job.id, job);
    // Previews live in memory until a run copies one to disk: keep the newest few, cancel and drop older ones.
    for (const [id, old] of previews) {
      if (previews.size <= KEEP_PREVIEWS) break;
      old.dispose();
      previews.delete(id);
    }
    return job.status();
  }

  async function runOf(runId: string): Promise<RunController> {
    const run = runs.get(runId);
    if (!run) throw deskError('staleRun', `Bulk run ${runId} is not running: continue it from the list of unfinished runs`);
    return run;
  }

  /** Starts (or continues) a stored run; its end goes onto the audit trail. */
  async function launch({ definition, plan, journal }: StoredRun): Promise<RunController> {
    const connectionId = definition.connection.id;
    await paced(connectionId);
    const client = await deps.clientFor(connectionId);
    const controller = await startRun(
      {
        flow: deps.flow,
        target: { connectionId, client, fields: await deps.fieldsFor(connectionId) },
        journal,
        pacer: deps.pacerFor(connectionId),
        ended: (state, counts) => runEvent(definition, state, counts),
      },
      definition,
      plan,
    );
    runs.set(definition.runId, controller);
    return controller;
  }

  function runEvent(definition: RunDefinition, event: 'started' | 'finished' | 'stopped', counts?: RunCounts): Promise<void> {
    return deps.audit.append({
      phase: 'run',
      runId: definition.runId,
      event,
      connection: definition.connection,
      file: { name: definition.file.name, format: definition.file.format },
      rows: definition.rows,
      ...(definition.undoOf ? { undoOf: definition.undoOf } : {}),
      ...(counts ? { counts: Object.fromEntries(Object.entries(counts.byOutcome).map(([k, v]) => [k, v ?? 0])) } : {}),
    });
  }

  /** The table a run's result file is built on: the file's copy, or (an undo) the old values. */
  async function tableOf(definition: RunDefinition) {
    if (definition.file.fileId) return (await deps.files.get(definition.file.fileId)).table;
    const { entries } = await deps.audit.read();
    return undoSource(definition.undoOf ?? '', definition.file.name, summarize(entries)).table;
  }

  return {
    settings: () => deps.settings(),

    async setRate(requestsPerSecond) {
      const current = await deps.settings();
      if (deps.itMaxRequestsPerSecond !== undefined && requestsPerSecond > deps.itMaxRequestsPerSecond) {
        throw deskError('policy', `IT's policy allows at most ${deps.itMaxRequestsPerSecond} requests per second`, {
          code: PolicyRule.rateLimit,
          params: { max: deps.itMaxRequestsPerSecond },
        });
      }
      if (!(requestsPerSecond > 0) || requestsPerSecond > current.maxRequestsPerSecond) {
        throw deskError('invalidRequest', `Requests per second must be between 1 and ${current.maxRequestsPerSecond}`);
      }
      const next = { ...current, requestsPerSecond };
      await deps.saveSettings(next);
      for (const run of runs.values()) deps.pacerFor((await run.status()).connection.id).setTarget(requestsPerSecond);
      return next;
    },

    async chooseFile(connectionId) {
      const path = await deps.dialogs.chooseFile({ title: dialogTitles[await deps.locale()].openSpreadsheet, filters: SPREADSHEET_FILES });
      if (!path) return null;
      const { readFile } = await import('node:fs/promises');
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (err) {
        throw deskError('badFile', `${path} cannot be read: ${(err as Error).message}`, { code: 'unreadable', details: `Path: ${path}\n${(err as Error).message}` });
      }
      const name = path.split(/[\\/]/).at(-1) ?? path;
      return opened(connectionId, () => deps.files.open({ name, bytes }));
    },

    openDropped: (connectionId, name, bytes) => opened(connectionId, () => deps.files.open({ name, bytes: Buffer.from(bytes) })),

    chooseSheet: (connectionId, fileId, sheet) => opened(connectionId, () => deps.files.chooseSheet(fileId, sheet)),

    async preview(connectionId, fileId, mapping) {
      const { file, table, sha256 } = await deps.files.get(fileId);
      const fields = await deps.fieldsFor(connectionId);
      if (!mappingFits(mapping, file.headers.length, fields)) throw deskError('invalidRequest', 'The column assignment does not fit this file');
      await deps.mappings.set(headerSignature(file.headers), mapping);
      return startPreviewOf(connectionId, spreadsheetSource({ fileId, name: file.name, format: file.format, sha256 }, table, mapping, fields));
    },

    previewStatus: (previewId) => preview(previewId).status(),
    previewRows: ({ id, filter, offset, limit }) => preview(id).rows(filter, offset, limit),

    cancelPreview(previewId) {
      const job = preview(previewId);
      job.cancel();
      return job.status();
    },

    async saveProblems(previewId) {
      const job = preview(previewId);
      const locale = await deps.locale();
      const table = problemTable(job.source.table, job.all(), locale);
      const suffix = locale === 'de' ? 'Probleme' : 'problems';
      return saveFile(deps.dialogs, {
        title: dialogTitles[locale].saveProblems,
        suggestedName: `${baseName(job.source.file.name)} – ${suffix}.${extensionOf(job.source)}`,
        filters: SPREADSHEET_FILES,
        bytes: await fileBytes(table, job.source.table, locale),
      });
    },

    async startRun({ previewId, confirmCount }) {
      const job = preview(previewId);
      const status = job.status();
      if (status.state !== 'done') throw deskError('invalidRequest', 'The preview is not finished yet');
      if (status.counts.change === 0) throw deskError('invalidRequest', 'The preview changes no profile');
      // On production the operator types the number of profiles that will change.
      if (status.connection.environment === 'production' && confirmCount !== status.counts.change) {
        throw deskError('invalidRequest', `Confirm the run by typing ${status.counts.change}, the number of profiles it changes`);
      }
      const { source } = job;
      const stored = await deps.runs.create(
        {
          previewId,
          createdAt: now().toISOString(),
          osUser: deps.osUser,
          connection: status.connection,
          file: { name: source.file.name, format: source.file.format, ...(source.file.fileId ? { fileId: source.file.fileId, sha256: source.file.sha256 } : {}) },
          ...(source.mapping ? { mapping: source.mapping } : {}),
          ...(source.undoOf ? { undoOf: source.undoOf } : {}),
        },
        job.all(),
      );
      await runEvent(stored.definition, 'started');
      return (await launch(stored)).status();
    },

    runStatus: async (runId) => (await runOf(runId)).status(),
    runRows: async ({ id, filter, offset, limit }) => (await runOf(id)).rows(filter, offset, limit),

    async pause(runId) {
      const run = await runOf(runId);
      await run.pause();
      return run.status();
    },
    async resume(runId) {
      const run = await runOf(runId);
      await run.resume();
      return run.status();
    },
    async stop(runId) {
      const run = await runOf(runId);
      await run.stop();
      return run.status();
    },

    async saveResults(runId, scope) {
      const stored = await deps.runs.load(runId);
      const locale = await deps.locale();
      const table = await tableOf(stored.definition);
      const controller = runs.get(runId);
      const rows = controller ? controller.rows({ kind: 'all' }, 0, Number.MAX_SAFE_INTEGER).rows : (await storedView(stored)).rows;
      const words = bulkWords[locale];
      const suffix = scope === 'failed' ? (locale === 'de' ? 'nicht übernommen' : 'not applied') : words.columns.outcome;
      return saveFile(deps.dialogs, {
        title: dialogTitles[locale].saveResults,
        suggestedName: `${baseName(stored.definition.file.name)} – ${suffix}.${table.format === 'xlsx' ? 'xlsx' : 'csv'}`,
        filters: SPREADSHEET_FILES,
        bytes: await fileBytes(resultTable(table, rows, scope, locale), table, locale),
      });
    },

    async unfinished() {
      const out: BulkRun[] = [];
      for (const definition of await deps.runs.list()) {
        if (runs.has(definition.runId)) continue;
        const stored = await deps.runs.load(definition.runId).catch(() => undefined);
        if (!stored) continue;
        const { status } = await storedView(stored);
        if (status.state === 'interrupted') out.push(status);
      }
      return out;
    },

    async continueRun(runId) {
      if (runs.has(runId)) return (await runOf(runId)).status();
      const stored = await deps.runs.load(runId);
      // The run works from its own copy of the file: it must still be the file that was previewed.
      if (stored.definition.file.fileId) {
        const file = await deps.files.get(stored.definition.file.fileId);
        if (file.sha256 !== stored.definition.file.sha256) throw deskError('staleRun', 'The copy of the file changed since the preview');
      }
      return (await launch(stored)).status();
    },

    active() {
      return [...runs.values()].map((run) => run.status()).filter((run) => !ENDED.has(run.state));
    },

    async close() {
      await Promise.all(
        [...runs.values()].map(async (run) => {
          await run.pause();
          await run.settled();
        }),
      );
    },

    async undoRun(runId) {
      const stored = await deps.runs.load(runId);
      const { entries } = await deps.audit.read();
      const words = (await deps.locale()) === 'de' ? 'Rückgängig: ' : 'Undo: ';
      const source = undoSource(runId, `${words}${stored.definition.file.name}`, summarize(entries));
      if (source.rowCount === 0) throw deskError('invalidRequest', 'This run applied no change that could be undone');
      return startPreviewOf(stored.definition.connection.id, source);
    },
  };

  /** A stored run as it stands, without starting it (for its result file, or to offer continuing it). */
  async function storedView(stored: StoredRun): Promise<{ status: BulkRun; rows: RunRow[] }> {
    const journal = await stored.journal.read();
    const { definition } = stored;
    const state = journal.state === 'finished' ? 'finished' : journal.state === 'stopped' ? 'stopped' : 'interrupted';
    const status: BulkRun = {
      runId: definition.runId,
      previewId: definition.previewId,
      ...(definition.undoOf ? { undoOf: definition.undoOf } : {}),
      file: { name: definition.file.name, format: definition.file.format },
      connection: definition.connection,
      state,
      counts: runCounts(definition, journal.done),
      rate: { target: 0, current: 0 },
      startedAt: definition.createdAt,
      osUser: definition.osUser,
    };
    return { status, rows: runRows(stored.plan, journal.done, state) };
  }
}
