import type { AppInfo, Locale } from './contract';
import type { Handlers } from './register';
import type { ConnectionStore } from '../connections/connection-store';
import type { DemoConnection } from '../connections/demo-connection';
import type { ProfileService } from '../profiles/profile-service';
import type { CampaignClient } from '../campaign/client';

export interface HandlerDeps {
  connections: ConnectionStore;
  demo: DemoConnection;
  profiles: ProfileService;
  clientFor(connectionId: string): Promise<CampaignClient>;
  tokenExpiresAt(connectionId: string): Promise<number | undefined>;
  /** Write, read back and delete a sentinel: the only proof that the keychain really works. */
  probeKeychain(): Promise<void>;
  /** Drops what was cached for a connection that changed or was deleted. */
  forget(connectionId: string): void;
  locale: { get(): Promise<Locale>; set(locale: Locale): Promise<void> };
  appVersion: string;
}

/** One function per contract channel; payloads arrive already validated by register.ts. */
export function createHandlers(d: HandlerDeps): Handlers {
  const appInfo = async (): Promise<AppInfo> => ({ locale: await d.locale.get(), version: d.appVersion });
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
    saveProfile: ({ connectionId, pkey, changes, base }) => d.profiles.save(connectionId, pkey, changes, base),
    verifyProfile: ({ connectionId, pkey, sent }) => d.profiles.verify(connectionId, pkey, sent),
  };
}
