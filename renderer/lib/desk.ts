/**
 * The ONLY file that touches `window.desk` (built by the preload from the IPC contract).
 * Every call resolves to a Result; a missing bridge or a rejected IPC call becomes an `internal` error
 * instead of an exception, so screens handle one shape only.
 */
import type { AppError, Result } from '../../main/model/errors';
import type { ChannelKey, DeskApi, ResponseOf } from '../../main/ipc/contract';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

function internal(message: string, cause?: unknown): { ok: false; error: AppError } {
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : cause === undefined ? '' : String(cause);
  return { ok: false, error: { kind: 'internal', message, details: detail ? `${message}\n${detail}` : message } };
}

type Call<K extends ChannelKey> = (...args: Parameters<DeskApi[K]>) => Promise<Result<ResponseOf<K>>>;

async function call<K extends ChannelKey>(key: K, args: Parameters<DeskApi[K]>): Promise<Result<ResponseOf<K>>> {
  const api = typeof window === 'undefined' ? undefined : window.desk;
  const fn = api?.[key] as Call<K> | undefined;
  if (typeof fn !== 'function') return internal(`The app bridge (window.desk.${key}) is not available.`);
  try {
    const result = await fn(...args);
    if (result && typeof result === 'object' && typeof result.ok === 'boolean') return result;
    return internal(`window.desk.${key} returned something that is not a Result.`);
  } catch (cause) {
    return internal(`window.desk.${key} failed.`, cause);
  }
}

export const desk: DeskApi = {
  getAppInfo: () => call('getAppInfo', []),
  checkKeychain: () => call('checkKeychain', []),
  setLocale: (request) => call('setLocale', [request]),
  listConnections: () => call('listConnections', []),
  saveConnection: (request) => call('saveConnection', [request]),
  deleteConnection: (request) => call('deleteConnection', [request]),
  startDemo: () => call('startDemo', []),
  testConnection: (request) => call('testConnection', [request]),
  findProfiles: (request) => call('findProfiles', [request]),
  findMoreProfiles: (request) => call('findMoreProfiles', [request]),
  loadProfile: (request) => call('loadProfile', [request]),
  saveProfile: (request) => call('saveProfile', [request]),
  verifyProfile: (request) => call('verifyProfile', [request]),
  listHistory: (request) => call('listHistory', [request]),
  exportHistory: (request) => call('exportHistory', [request]),
  listDrafts: () => call('listDrafts', []),
  saveDraft: (request) => call('saveDraft', [request]),
  discardDraft: (request) => call('discardDraft', [request]),
  bulkSettings: () => call('bulkSettings', []),
  setBulkRate: (request) => call('setBulkRate', [request]),
  chooseBulkFile: (request) => call('chooseBulkFile', [request]),
  openDroppedFile: (request) => call('openDroppedFile', [request]),
  chooseSheet: (request) => call('chooseSheet', [request]),
  startPreview: (request) => call('startPreview', [request]),
  previewStatus: (request) => call('previewStatus', [request]),
  previewRows: (request) => call('previewRows', [request]),
  cancelPreview: (request) => call('cancelPreview', [request]),
  saveProblemRows: (request) => call('saveProblemRows', [request]),
  startRun: (request) => call('startRun', [request]),
  runStatus: (request) => call('runStatus', [request]),
  runRows: (request) => call('runRows', [request]),
  pauseRun: (request) => call('pauseRun', [request]),
  resumeRun: (request) => call('resumeRun', [request]),
  stopRun: (request) => call('stopRun', [request]),
  saveResults: (request) => call('saveResults', [request]),
  unfinishedRuns: () => call('unfinishedRuns', []),
  continueRun: (request) => call('continueRun', [request]),
  undoRun: (request) => call('undoRun', [request]),
};
