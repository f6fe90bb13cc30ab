import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../audit/audit-log';
import { createDraftStore } from '../drafts/draft-store';
import type { CampaignClient, CampaignClientOptions } from '../campaign/client';
import { createConnectionStore } from '../connections/connection-store';
import { createDemoConnection, DEMO_CONNECTION_ID } from '../connections/demo-connection';
import { createHandlers } from '../ipc/handlers';
import type { Handlers } from '../ipc/register';
import type { Redactor } from '../logging/logger';
import { createProfileService } from '../profiles/profile-service';
import type { SecretStore } from '../secrets/secret-store';
import { startSimulator, type Simulator } from '../simulator/server';
import { probeKeychain } from '../secrets/keychain-store';
import { createClientRegistry } from './client-registry';
import { createLocalePreference } from './preferences';

export interface DeskOptions {
  userDataDir: string;
  secrets: SecretStore;
  /** Prefix of keychain service names; only tests change it. */
  keychainNamespace?: string;
  osLanguages: readonly string[];
  appVersion: string;
  /** Every secret read from the keychain is registered here so that no log can show it. */
  redactor: Redactor;
  /** Timeouts and retries of Campaign calls; tests shorten them. */
  campaignTuning?: Pick<CampaignClientOptions, 'timeoutMs' | 'retry'>;
  /** Who the audit trail names; the OS user unless a test says otherwise. */
  osUser?: string;
  /** How the Demo connection starts its simulator; tests pass one with latency or faults. */
  startDemoSimulator?: () => Promise<Simulator>;
}

/**
 * The composition root, free of Electron: the real app (main/index.ts) and the e2e harness both build
 * the services here and differ only in the IPC transport.
 */
export function createDesk(o: DeskOptions): { handlers: Handlers; close(): Promise<void> } {
  const connections = createConnectionStore({
    settingsFile: join(o.userDataDir, 'connections.json'),
    secrets: o.secrets,
    servicePrefix: o.keychainNamespace,
  });
  const demo = createDemoConnection(connections, o.startDemoSimulator ?? (() => startSimulator()));
  const registry = createClientRegistry(connections, o.redactor, o.campaignTuning);

  async function clientFor(connectionId: string): Promise<CampaignClient> {
    if (connectionId === DEMO_CONNECTION_ID) await demo.ensure();
    return registry.clientFor(connectionId);
  }

  const audit = createAuditLog({ file: join(o.userDataDir, 'audit', 'changes.jsonl'), osUser: o.osUser ?? userInfo().username });
  const profiles = createProfileService({
    clientFor,
    audit,
    describeConnection: async (id) => {
      const { name, environment, tenant } = await connections.settingsOf(id);
      return { id, name, environment, tenant };
    },
  });
  const handlers = createHandlers({
    audit,
    drafts: createDraftStore(join(o.userDataDir, 'drafts')),
    connections,
    demo,
    profiles,
    clientFor,
    tokenExpiresAt: registry.tokenExpiresAt,
    probeKeychain: () => probeKeychain(o.secrets),
    forget(connectionId) {
      registry.forget(connectionId);
      profiles.forget(connectionId);
    },
    locale: createLocalePreference(join(o.userDataDir, 'preferences.json'), o.osLanguages),
    appVersion: o.appVersion,
  });
  return { handlers, close: () => demo.close() };
}
