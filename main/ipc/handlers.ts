/** One function per contract channel, calling the services; payloads arrive already validated by register.ts. */
import type { AppInfo } from '../model/connection';
import type { HistoryFilter, HistoryPage } from '../model/history';
import type { Handlers } from './register';
import type { ConnectionStore } from '../connections/connection-store';
import type { DemoConnection } from '../connections/demo-connection';
import type { ProfileService } from '../profiles/profile-service';
import type { CampaignClient } from '../campaign/client';
import type { AuditLog } from '../audit/audit-log';
import { historyPage } from '../audit/history';
import { toCsv } from '../audit/csv-export';
import type { DraftStore } from '../drafts/draft-store';
import type { LocalePreference } from '../preferences/locale-preference';

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
}

export function createHandlers(d: HandlerDeps): Handlers {
  const appInfo = async (): Promise<AppInfo> => ({ locale: await d.locale.get(), version: d.appVersion });
  async function history(filter: HistoryFilter): Promise<HistoryPage> {
    const { entries, skippedLines } = await d.audit.read();
    const page = historyPage(entries, {
      ...filter,
      from: filter.from ? new Date(filter.from) : undefined,
      to: filter.to ? new Date(filter.to) : undefined,
    });
    return { ...page, skippedLines };
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
      const { rows } = await history(filter);
      return { fileName: `profile-desk-history-${new Date().toISOString().slice(0, 10)}.csv`, csv: toCsv(rows, labels) };
    },
    listDrafts: () => d.drafts.list(),
    saveDraft: (draft) => d.drafts.save(draft),
    async discardDraft({ connectionId, pkey }) {
      await d.drafts.discard(connectionId, pkey);
      return d.drafts.list();
    },
  };
}
