/** One function per contract channel, calling the services; payloads arrive already validated by register.ts. */
import type { AppInfo } from '../model/connection';
import type { PolicyView } from '../model/policy';
import type { HistoryFilter, HistoryPage } from '../model/history';
import type { Handlers } from './register';
import type { ConnectionStore } from '../connections/connection-store';
import type { DemoConnection } from '../connections/demo-connection';
import type { ProfileService } from '../profiles/profile-service';
import type { CampaignClient } from '../campaign/client';
import type { AuditLog } from '../audit/audit-log';
import { exportRows, historyPage } from '../audit/history';
import { toCsv } from '../audit/csv-export';
import type { DraftStore } from '../drafts/draft-store';
import type { LocalePreference } from '../preferences/locale-preference';
import type { BulkService } from '../bulk/bulk-service';
import { CSV_FILES, dialogTitles } from '../files/dialog-titles';
import type { FileDialogs } from '../files/file-dialogs';
import { saveFile } from '../files/save-file';

export interface HandlerDeps {
  audit: Pick<AuditLog, 'read'>;
  drafts: DraftStore;
  connections: ConnectionStore;
  demo: DemoConnection;
  profiles: ProfileService;
  clientFor(connectionId: string): Promise<CampaignClient>;
  tokenExpiresAt(connectionId: string): Promise<number | undefined>;
  /** Write, read back and delete a sentinel: the only proof that the keychain really works. */
  probeKeychain(): Promise<void>;
  /** Drops what was cached for a connection that changed or was deleted. */
  forget(connectionId: string): void;
  locale: LocalePreference;
  appVersion: string;
  policy: PolicyView;
  bulk: BulkService;
  dialogs: FileDialogs;
}

export function createHandlers(d: HandlerDeps): Handlers {
  const appInfo = async (): Promise<AppInfo> => ({ locale: await d.locale.get(), version: d.appVersion, policy: d.policy });
  const dated = (filter: HistoryFilter) => ({
    ...filter,
    from: filter.from ? new Date(filter.from) : undefined,
    to: filter.to ? new Date(filter.to) : undefined,
  });
  async function history(filter: HistoryFilter): Promise<HistoryPage> {
    const { entries, skippedLines } = await d.audit.read();
    return { ...historyPage(entries, dated(filter)), skippedLines };
  }
  return {
    getAppInfo: appInfo,
    async checkKeychain() {
      await d.probeKeychain();
      return { available: true };
    },
    async setLocale({ locale }) {
      await d.locale.set(locale);
      return appInfo();
    },
    listConnections: () => d.connections.list(),
    async saveConnection(request) {
      const saved = await d.connections.save(request);
      d.forget(saved.id);
      return saved;
    },
    async deleteConnection({ connectionId }) {
      await d.connections.delete(connectionId);
      d.forget(connectionId);
      return d.connections.list();
    },
    startDemo: () => d.demo.ensure(),
    async testConnection({ connectionId }) {
      await d.probeKeychain();
      d.forget(connectionId); // test what is stored now, not what was read earlier
      const client = await d.clientFor(connectionId);
      const page = await client.listProfiles(1); // one harmless read proves address, credentials and token
      const expiresAt = await d.tokenExpiresAt(connectionId);
      return { profilesVisible: page.content.length, ...(expiresAt ? { tokenExpiresAt: new Date(expiresAt).toISOString() } : {}) };
    },
    findProfiles: ({ connectionId, query }) => d.profiles.find(connectionId, query),
    findMoreProfiles: ({ connectionId, next, kind }) => d.profiles.findMore(connectionId, next, kind),
    loadProfile: ({ connectionId, pkey }) => d.profiles.load(connectionId, pkey),
    saveProfile: (request) => d.profiles.save(request),
    verifyProfile: (request) => d.profiles.verify(request),
    listHistory: history,
    async exportHistory({ filter, labels }) {
      const { rows, runFiles } = exportRows((await d.audit.read()).entries, dated(filter));
      return saveFile(d.dialogs, {
        title: dialogTitles[await d.locale.get()].saveHistory,
        suggestedName: `profile-desk-history-${new Date().toISOString().slice(0, 10)}.csv`,
        filters: CSV_FILES,
        bytes: Buffer.from(toCsv(rows, labels, runFiles), 'utf8'),
      });
    },
    listDrafts: () => d.drafts.list(),
    saveDraft: (draft) => d.drafts.save(draft),
    async discardDraft({ connectionId, pkey }) {
      await d.drafts.discard(connectionId, pkey);
      return d.drafts.list();
    },
    bulkSettings: () => d.bulk.settings(),
    setBulkRate: ({ requestsPerSecond }) => d.bulk.setRate(requestsPerSecond),
    chooseBulkFile: ({ connectionId }) => d.bulk.chooseFile(connectionId),
    openDroppedFile: ({ connectionId, name, bytes }) => d.bulk.openDropped(connectionId, name, bytes),
    chooseSheet: ({ connectionId, fileId, sheet }) => d.bulk.chooseSheet(connectionId, fileId, sheet),
    startPreview: ({ connectionId, fileId, mapping }) => d.bulk.preview(connectionId, fileId, mapping),
    previewStatus: async ({ previewId }) => d.bulk.previewStatus(previewId),
    previewRows: async (request) => d.bulk.previewRows(request),
    cancelPreview: async ({ previewId }) => d.bulk.cancelPreview(previewId),
    saveProblemRows: ({ previewId }) => d.bulk.saveProblems(previewId),
    startRun: (request) => d.bulk.startRun(request),
    runStatus: ({ runId }) => d.bulk.runStatus(runId),
    runRows: (request) => d.bulk.runRows(request),
    pauseRun: ({ runId }) => d.bulk.pause(runId),
    resumeRun: ({ runId }) => d.bulk.resume(runId),
    stopRun: ({ runId }) => d.bulk.stop(runId),
    saveResults: ({ runId, scope }) => d.bulk.saveResults(runId, scope),
    unfinishedRuns: () => d.bulk.unfinished(),
    continueRun: ({ runId }) => d.bulk.continueRun(runId),
    undoRun: ({ runId }) => d.bulk.undoRun(runId),
  };
}
