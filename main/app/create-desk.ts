import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../audit/audit-log';
import type { CampaignClient, CampaignClientOptions } from '../campaign/client';
import { createConnectionStore } from '../connections/connection-store';
import { createDemoConnection, DEMO_CONNECTION_ID, type DemoBackend } from '../connections/demo-connection';
import { collectDiagnostics, type DiagnosticsSources } from '../diagnostics/collect-diagnostics';
import { createDraftStore } from '../drafts/draft-store';
import { createAxiosHttp } from '../http/axios-http';
import type { HttpClient } from '../http/http-client';
import { createHandlers } from '../ipc/handlers';
import type { Handlers } from '../ipc/register';
import type { Redactor } from '../logging/logger';
import { createProfileService } from '../profiles/profile-service';
import { probeKeychain } from '../secrets/keychain-probe';
import type { SecretStore } from '../secrets/secret-store';
import { startSimulator } from '../simulator/server';
import { createBulkFileStore } from '../bulk/bulk-files';
import { createBulkService } from '../bulk/bulk-service';
import { createBulkSettings } from '../bulk/bulk-settings';
import { createMappingMemory } from '../bulk/mapping-memory';
import { createRunStore } from '../bulk/run-store';
import type { FileDialogs } from '../files/file-dialogs';
import { DEFAULT_BULK_SETTINGS, type BulkRun, type BulkSettings } from '../model/bulk';
import type { PolicyView } from '../model/policy';
import type { PolicyReading } from '../policy/policy-file';
import { createClientRegistry } from './client-registry';
import { createLocalePreference } from '../preferences/locale-preference';

export interface DeskOptions {
  userDataDir: string;
  secrets: SecretStore;
  /** Prefix of keychain service names; only tests change it. */
  keychainNamespace?: string;
  osLanguages: readonly string[];
  appVersion: string;
  /** Every secret read from the keychain is registered here so that no log can show it. */
  redactor: Redactor;
  /** How Campaign and IMS are called; Node's HTTP stack unless the app passes Chromium's. */
  http?: HttpClient;
  /** Timeouts and retries of Campaign calls; tests shorten them. */
  campaignTuning?: Pick<CampaignClientOptions, 'timeoutMs' | 'retry'>;
  /** Who the audit trail names; the OS user unless a test says otherwise. */
  osUser?: string;
  /** How the Demo connection starts its Campaign; tests pass a simulator with latency or faults. */
  startDemoSimulator?: () => Promise<DemoBackend>;
  /** The OS's open and save dialogs (main/window.ts); tests pass a stand-in. */
  dialogs: FileDialogs;
  /** Limits of bulk changes beyond the app's defaults (tests raise the pace); IT's policy caps them further. */
  bulkLimits?: Partial<BulkSettings>;
  /** IT's policy file as read at start (policy/policy-file.ts); none when absent. */
  policy?: PolicyReading;
}

const NO_POLICY: PolicyReading = { view: { state: 'none', file: '', lockConnections: false, hideDemo: false, confirmProductionSaves: false }, connections: [] };

/** The app's (or a test's) bulk limits, capped by IT's. */
function cappedLimits(limits: Partial<BulkSettings> = {}, policy: PolicyView): Partial<BulkSettings> {
  const cap = (mine: number | undefined, fallback: number, its: number | undefined) => (its === undefined ? mine : Math.min(mine ?? fallback, its));
  const maxRequestsPerSecond = cap(limits.maxRequestsPerSecond, DEFAULT_BULK_SETTINGS.maxRequestsPerSecond, policy.maxRequestsPerSecond);
  const maxRows = cap(limits.maxRows, DEFAULT_BULK_SETTINGS.maxRows, policy.maxBulkRows);
  return { ...limits, ...(maxRequestsPerSecond !== undefined ? { maxRequestsPerSecond } : {}), ...(maxRows !== undefined ? { maxRows } : {}) };
}

/**
 * The composition root, free of Electron: the real app (main/index.ts) and the e2e harness both build
 * the services here and differ only in the IPC transport.
 */
export interface Desk {
  handlers: Handlers;
  /** Bulk runs going on now: quitting asks first. */
  activeRuns(): BulkRun[];
  /** "Copy diagnostics for IT": the facts the shell knows (versions, folders), plus the desk's own, redacted. */
  diagnostics(facts: DiagnosticsFacts, logTail: (count: number) => Promise<string[]>): Promise<string>;
  /** Pauses bulk runs cleanly (rows under way finish) and stops the Demo's simulator. */
  close(): Promise<void>;
}

/** What only the shell knows for diagnostics; the desk adds the keychain, the policy and the connections. */
export type DiagnosticsFacts = Omit<DiagnosticsSources['facts'], 'policy'>;

export function createDesk(o: DeskOptions): Desk {
  const policy = o.policy ?? NO_POLICY;
  const connections = createConnectionStore({
    settingsFile: join(o.userDataDir, 'connections.json'),
    secrets: o.secrets,
    servicePrefix: o.keychainNamespace,
    managed: policy.connections,
    locked: policy.view.lockConnections,
    hideDemo: policy.view.hideDemo,
  });
  const demo = createDemoConnection(connections, o.startDemoSimulator ?? (() => startSimulator()), { hidden: policy.view.hideDemo });
  const registry = createClientRegistry({ connections, redactor: o.redactor, http: o.http ?? createAxiosHttp(), tuning: o.campaignTuning });

  async function clientFor(connectionId: string): Promise<CampaignClient> {
    if (connectionId === DEMO_CONNECTION_ID) await demo.ensure();
    return registry.clientFor(connectionId);
  }

  const osUser = o.osUser ?? userInfo().username;
  const audit = createAuditLog({ file: join(o.userDataDir, 'audit', 'changes.jsonl'), osUser });
  const drafts = createDraftStore(join(o.userDataDir, 'drafts'));
  const describeConnection = async (id: string) => {
    const { name, environment, tenant } = await connections.settingsOf(id);
    return { id, name, environment, tenant };
  };
  const profiles = createProfileService({ clientFor, audit, drafts, describeConnection, confirmProductionSaves: policy.view.confirmProductionSaves });
  const locale = createLocalePreference(join(o.userDataDir, 'preferences.json'), o.osLanguages, policy.view.language);
  const bulkSettings = createBulkSettings(join(o.userDataDir, 'bulk', 'settings.json'), cappedLimits(o.bulkLimits, policy.view));
  const bulk = createBulkService({
    files: createBulkFileStore(join(o.userDataDir, 'bulk', 'files'), bulkSettings.get, locale.get),
    runs: createRunStore(join(o.userDataDir, 'bulk', 'runs')),
    spoolDir: join(o.userDataDir, 'bulk', 'previews'),
    mappings: createMappingMemory(join(o.userDataDir, 'bulk', 'mappings.json')),
    dialogs: o.dialogs,
    audit,
    flow: { audit, describeConnection, now: () => new Date() },
    clientFor,
    fieldsFor: (id) => profiles.fields(id),
    pacerFor: registry.pacerFor,
    describeConnection,
    settings: bulkSettings.get,
    saveSettings: bulkSettings.save,
    locale: locale.get,
    osUser,
    ...(policy.view.maxRequestsPerSecond !== undefined ? { itMaxRequestsPerSecond: policy.view.maxRequestsPerSecond } : {}),
  });
  const handlers = createHandlers({
    audit,
    drafts,
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
    locale,
    appVersion: o.appVersion,
    policy: policy.view,
    bulk,
    dialogs: o.dialogs,
  });
  return {
    handlers,
    activeRuns: () => bulk.active(),
    diagnostics: (facts, logTail) =>
      collectDiagnostics({
        facts: { ...facts, policy: policy.view },
        checkKeychain: () => probeKeychain(o.secrets),
        connections: () => connections.list(),
        logTail,
        redact: o.redactor.redact,
      }),
    async close() {
      await bulk.close();
      await demo.close();
    },
  };
}
