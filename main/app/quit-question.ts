/**
 * Closing Profile Desk while a bulk change is sending: ask first (the run would pause and wait for the next
 * start). A paused run, or none, closes without a question. Plain data for Electron's message box.
 */
import type { BulkRun } from '../model/bulk';
import type { Locale } from '../model/connection';
import { shellTexts } from './shell-texts';

const SENDING = new Set<BulkRun['state']>(['running', 'waitingForNetwork', 'stopping']);

export interface QuitQuestion {
  type: 'warning';
  message: string;
  detail: string;
  /** [keep working, close]: Escape and Enter keep working. */
  buttons: [string, string];
  defaultId: 0;
  cancelId: 0;
  noLink: true;
}

export function quitQuestion(runs: readonly BulkRun[], locale: Locale): QuitQuestion | null {
  const run = runs.find((r) => SENDING.has(r.state));
  if (!run) return null;
  const t = shellTexts[locale];
  return {
    type: 'warning',
    message: t.runningTitle,
    detail: t.runningDetail.replace('{file}', run.file.name).replace('{done}', String(run.counts.done)).replace('{total}', String(run.counts.total)),
    buttons: [t.keepWorking, t.closeAndContinueLater],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}
