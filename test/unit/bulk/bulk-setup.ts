/**
 * A desk (the real composition: handlers, bulk service, audit, keychain) on the Demo connection against a
 * simulator over real HTTP, and helpers to write spreadsheets and wait for bulk jobs the way the renderer does.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createDesk } from '../../../main/app/create-desk';
import type { Handlers } from '../../../main/ipc/register';
import { createRedactor } from '../../../main/logging/logger';
import type { BulkPreview, BulkRun } from '../../../main/model/bulk';
import { createKeychainStore } from '../../../main/secrets/keychain-store';
import { startTestSimulator, type SimulatorOptions, type TestSimulator } from '../../../main/simulator/test-hooks';
import { standInDialogs, type StandInDialogs } from '../../support/file-dialogs';
import { requirePrivateKeyring } from '../helpers/private-keyring';

export interface BulkDesk {
  sim: TestSimulator;
  handlers: Handlers;
  dialogs: StandInDialogs;
  dir: string;
  close(): Promise<void>;
}

export async function bulkDesk(simOptions: SimulatorOptions = {}, tuning: { timeoutMs?: number; attempts?: number } = {}): Promise<BulkDesk> {
  requirePrivateKeyring();
  const sim = await startTestSimulator(simOptions);
  const dir = await mkdtemp(join(tmpdir(), 'profile-desk-bulk-'));
  const dialogs = standInDialogs();
  const desk = createDesk({
    userDataDir: dir,
    secrets: createKeychainStore(),
    keychainNamespace: `Profile Desk bulk ${randomUUID()}/`,
    osLanguages: ['de-DE'],
    appVersion: 'bulk',
    redactor: createRedactor(),
    osUser: 'operator1',
    startDemoSimulator: async () => sim,
    dialogs,
    campaignTuning: { timeoutMs: tuning.timeoutMs ?? 2000, retry: { maxAttempts: tuning.attempts ?? 3, baseDelayMs: 5, maxDelayMs: 20 } },
  });
  await desk.handlers.startDemo(undefined);
  // Tests run at the highest pace the app allows; tests of pacing set their own.
  await desk.handlers.setBulkRate({ requestsPerSecond: 20 });
  return {
    sim,
    handlers: desk.handlers,
    dialogs,
    dir,
    async close() {
      await desk.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A CSV as German Excel writes it: ';', CRLF, Windows-1252 ("CSV (Trennzeichen-getrennt)") unless asked for UTF-8 with BOM. */
export function germanCsv(rows: string[][], encoding: 'win1252' | 'utf8-bom' = 'win1252'): Uint8Array {
  const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = `${rows.map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`;
  return encoding === 'win1252' ? new Uint8Array(iconv.encode(text, 'win1252')) : new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000, everyMs = 25): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting; last: ${JSON.stringify(value).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const previewDone = (d: BulkDesk, previewId: string): Promise<BulkPreview> =>
  until(() => d.handlers.previewStatus({ previewId }), (p) => p.state !== 'running');

export const runEnded = (d: BulkDesk, runId: string, timeoutMs?: number): Promise<BulkRun> =>
  until(() => d.handlers.runStatus({ runId }), (r) => ['finished', 'stopped', 'failed'].includes(r.state), timeoutMs);

/** Opens bytes as a dropped file and starts a dry run with the suggested mapping. */
export async function previewFile(d: BulkDesk, name: string, bytes: Uint8Array): Promise<BulkPreview> {
  const opened = await d.handlers.openDroppedFile({ connectionId: 'demo', name, bytes });
  const started = await d.handlers.startPreview({ connectionId: 'demo', fileId: opened.file.fileId, mapping: opened.suggestion.mapping });
  return previewDone(d, started.previewId);
}

export const requests = (sim: TestSimulator, method: string) => sim.requests.filter((r) => r.method === method && !r.path.endsWith('/ims/token/v3'));
