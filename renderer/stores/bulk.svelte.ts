/**
 * A bulk change from a spreadsheet, step by step: the file, its columns assigned to fields, the dry run,
 * the run. Main does the work and keeps the rows; this store follows it (polling while something runs) and
 * keeps what the operator chose, so nothing is lost going back and forth between the steps.
 */
import type { BulkMapping, BulkPreview, BulkRun, BulkSettings, ColumnMapping, OpenedSpreadsheet, PreviewRow, ResultsScope, RowsFilter, RunRow } from '../../main/model/bulk';
import type { AppError, Result } from '../../main/model/errors';
import type { SavedFile } from '../../main/model/files';
import { desk } from '../lib/desk';
import { navigation } from './navigation.svelte';

export type BulkStep = 'file' | 'mapping' | 'preview' | 'run';

const POLL_MS = 300;

class Bulk {
  step = $state<BulkStep>('file');
  settings = $state.raw<BulkSettings | null>(null);
  opened = $state.raw<OpenedSpreadsheet | null>(null);
  /** The operator's assignment of columns to fields, edited on the mapping step. */
  mapping = $state<BulkMapping | null>(null);
  preview = $state.raw<BulkPreview | null>(null);
  run = $state.raw<BulkRun | null>(null);
  /** Runs the app did not finish (closed, crashed): offered to continue. */
  unfinished = $state.raw<BulkRun[]>([]);
  /** Something is being opened, started or saved: which one. */
  busy = $state<'opening' | 'previewing' | 'starting' | 'saving' | null>(null);
  error = $state.raw<AppError | null>(null);
  /** Bumped whenever rows in main changed, so lists load their pages again. */
  revision = $state(0);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** What the first step shows: the pace and limits, and runs the app did not finish. */
  async open(): Promise<void> {
    const [settings, unfinished] = await Promise.all([desk.bulkSettings(), desk.unfinishedRuns()]);
    if (settings.ok) this.settings = settings.value;
    if (unfinished.ok) this.unfinished = unfinished.value;
  }

  /** Runs the app did not finish, for the Find screen's reminder; a failure to look only means no reminder. */
  async lookForUnfinished(): Promise<void> {
    const unfinished = await desk.unfinishedRuns();
    if (unfinished.ok) this.unfinished = unfinished.value;
  }

  /** "Choose a file…": the OS's dialog in main; cancelling it changes nothing. */
  async chooseFile(connectionId: string): Promise<void> {
    await this.opening(() => desk.chooseBulkFile({ connectionId }));
  }

  /** A file dropped on the window: main gets its bytes (the renderer never sees a path). */
  async dropFile(connectionId: string, file: File): Promise<void> {
    await this.opening(async () => desk.openDroppedFile({ connectionId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
  }

  async chooseSheet(connectionId: string, sheet: string): Promise<void> {
    const fileId = this.opened?.file.fileId;
    if (fileId) await this.opening(() => desk.chooseSheet({ connectionId, fileId, sheet }));
  }

  private async opening(open: () => Promise<Result<OpenedSpreadsheet | null>>): Promise<void> {
    if (this.busy) return;
    this.busy = 'opening';
    this.error = null;
    const result = await open();
    this.busy = null;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    if (!result.value) return; // the dialog was cancelled
    this.opened = result.value;
    this.mapping = structuredClone(result.value.suggestion.mapping);
    this.preview = null;
    this.step = 'mapping';
  }

  setColumn(column: number, change: Partial<Pick<ColumnMapping, 'field' | 'clearWhenEmpty'>>): void {
    const entry = this.mapping?.columns.find((c) => c.column === column);
    if (!entry) return;
    if (change.field !== undefined) {
      // A field takes one column: choosing it here frees it elsewhere.
      if (change.field) for (const other of this.mapping!.columns) if (other !== entry && other.field === change.field) other.field = null;
      entry.field = change.field;
      if (!change.field) entry.clearWhenEmpty = false;
    }
    if (change.clearWhenEmpty !== undefined) entry.clearWhenEmpty = change.clearWhenEmpty;
  }

  setIdentity(by: 'pkey' | 'email', column: number): void {
    if (!this.mapping) return;
    this.mapping.identity = { by, column };
    const entry = this.mapping.columns.find((c) => c.column === column);
    if (entry) entry.field = null; // the identity column names the profile; it does not write a field
  }

  /** The dry run: main reads each row's profile and works out the changes; nothing is written. */
  async startPreview(connectionId: string): Promise<void> {
    if (!this.opened || !this.mapping || this.busy) return;
    this.busy = 'previewing';
    this.error = null;
    // $state is a proxy, and IPC copies only plain data.
    const result = await desk.startPreview({ connectionId, fileId: this.opened.file.fileId, mapping: $state.snapshot(this.mapping) });
    this.busy = null;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.showPreview(result.value);
  }

  private showPreview(preview: BulkPreview): void {
    this.preview = preview;
    this.run = null;
    this.step = 'preview';
    this.revision++;
    this.follow();
  }

  cancelPreview(): void {
    const preview = this.preview;
    if (preview?.state === 'running') void desk.cancelPreview({ previewId: preview.previewId });
  }

  /** A page of the preview's or the run's rows. */
  async rows(filter: RowsFilter, offset: number, limit: number): Promise<{ rows: Array<PreviewRow | RunRow>; total: number } | null> {
    const id = this.step === 'run' ? this.run?.runId : this.preview?.previewId;
    if (!id) return null;
    const result = this.step === 'run' ? await desk.runRows({ id, filter, offset, limit }) : await desk.previewRows({ id, filter, offset, limit });
    return result.ok ? result.value : null;
  }

  async saveProblems(): Promise<Result<SavedFile> | null> {
    const preview = this.preview;
    if (!preview || this.busy) return null;
    this.busy = 'saving';
    const result = await desk.saveProblemRows({ previewId: preview.previewId });
    this.busy = null;
    return result;
  }

  /** Starts the run from the preview: on production only with the number of profiles typed in. */
  async startRun(confirmCount?: number): Promise<AppError | null> {
    const preview = this.preview;
    if (!preview || this.busy) return null;
    this.busy = 'starting';
    const result = await desk.startRun({ previewId: preview.previewId, ...(confirmCount !== undefined ? { confirmCount } : {}) });
    this.busy = null;
    if (!result.ok) return result.error;
    this.showRun(result.value);
    return null;
  }

  private showRun(run: BulkRun): void {
    this.run = run;
    this.step = 'run';
    this.revision++;
    this.follow();
  }

  async pause(): Promise<void> {
    await this.control((runId) => desk.pauseRun({ runId }));
  }
  async resume(): Promise<void> {
    await this.control((runId) => desk.resumeRun({ runId }));
  }
  async stop(): Promise<void> {
    await this.control((runId) => desk.stopRun({ runId }));
  }

  private async control(act: (runId: string) => Promise<Result<BulkRun>>): Promise<void> {
    const run = this.run;
    if (!run) return;
    const result = await act(run.runId);
    if (result.ok) this.run = result.value;
    else this.error = result.error;
    this.follow();
  }

  async saveResults(scope: ResultsScope): Promise<Result<SavedFile> | null> {
    const run = this.run;
    if (!run || this.busy) return null;
    this.busy = 'saving';
    const result = await desk.saveResults({ runId: run.runId, scope });
    this.busy = null;
    return result;
  }

  /** Takes up a run the app did not finish, where it stopped. */
  async continueRun(runId: string): Promise<void> {
    this.error = null;
    const result = await desk.continueRun({ runId });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.unfinished = this.unfinished.filter((r) => r.runId !== runId);
    navigation.go('bulk');
    this.showRun(result.value);
  }

  /** Undoing a whole run: a new dry run with the run's old values, then its own confirmation. */
  async undoRun(runId: string): Promise<AppError | null> {
    const result = await desk.undoRun({ runId });
    if (!result.ok) return result.error;
    this.opened = null;
    this.mapping = null;
    navigation.go('bulk');
    this.showPreview(result.value);
    return null;
  }

  async setRate(requestsPerSecond: number): Promise<AppError | null> {
    const result = await desk.setBulkRate({ requestsPerSecond });
    if (!result.ok) return result.error;
    this.settings = result.value;
    return null;
  }

  /** Back to the first step for another file (a finished run stays in the history). */
  startOver(): void {
    if (this.run && !this.ended(this.run)) return;
    this.opened = null;
    this.mapping = null;
    this.preview = null;
    this.run = null;
    this.error = null;
    this.step = 'file';
  }

  ended(run: BulkRun): boolean {
    return run.state === 'finished' || run.state === 'stopped' || run.state === 'failed';
  }

  /** Follows a dry run or a run in main until it ends (a few times a second). */
  private follow(): void {
    clearTimeout(this.timer);
    const tick = async () => {
      if (this.step === 'preview' && this.preview?.state === 'running') {
        const result = await desk.previewStatus({ previewId: this.preview.previewId });
        if (result.ok) this.preview = result.value;
      } else if (this.step === 'run' && this.run && !this.ended(this.run)) {
        const result = await desk.runStatus({ runId: this.run.runId });
        if (result.ok) this.run = result.value;
      } else {
        return;
      }
      this.revision++;
      this.timer = setTimeout(() => void tick(), POLL_MS);
    };
    this.timer = setTimeout(() => void tick(), POLL_MS);
  }
}

export const bulk = new Bulk();
