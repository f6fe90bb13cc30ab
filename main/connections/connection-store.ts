/**
 * Connections: names and addresses in a settings file, their secrets in the OS keychain.
 * Secret values leave this module only through secretsFor (main process only); summaries carry
 * at most the last four characters.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionSummary, RequestOf, SecretStatus } from '../ipc/contract';
import { deskError } from '../errors/desk-error';
import type { SecretStore } from '../secrets/secret-store';
import { probeKeychain } from '../secrets/keychain-store';
import { readSettings, writeSettings, type StoredConnection } from './settings-file';

export const KEYCHAIN_SERVICE_PREFIX = 'Profile Desk/';
export const SECRET_ACCOUNTS = ['apiKey', 'accessToken'] as const;
export type SecretAccount = (typeof SECRET_ACCOUNTS)[number];

export const keychainService = (connectionId: string, prefix = KEYCHAIN_SERVICE_PREFIX): string => `${prefix}${connectionId}`;

/** An empty base URL means Adobe's default endpoint for the tenant. */
export function effectiveBaseUrl(tenant: string, baseUrl: string): string {
  return (baseUrl.trim() || `https://mc.adobe.io/${tenant}/campaign`).replace(/\/+$/, '');
}

/** last4 only for secrets of 12+ characters: on a short one, four characters give too much away. */
function secretStatus(value: string | null): SecretStatus {
  if (value === null) return { set: false };
  return value.length >= 12 ? { set: true, last4: value.slice(-4) } : { set: true };
}

export interface ConnectionStore {
  list(): Promise<ConnectionSummary[]>;
  get(id: string): Promise<ConnectionSummary>;
  /**
   * No id: create. With id: edit; an omitted secret keeps the stored one. An unknown id is an error,
   * except with isDemo (main's Demo connection, which has a fixed id): then it is created.
   */
  save(req: RequestOf<'saveConnection'>, opts?: { isDemo?: boolean }): Promise<ConnectionSummary>;
  /** Removes the settings entry and every keychain entry of the connection. */
  delete(id: string): Promise<void>;
  /** Main process only: never send the result over IPC. */
  secretsFor(id: string): Promise<Record<SecretAccount, string>>;
  baseUrlFor(summary: ConnectionSummary): string;
}

export interface ConnectionStoreOptions {
  settingsFile: string;
  secrets: SecretStore;
  newId?: () => string;
  /** Keychain service names start with this; e2e runs use their own so parallel tests never share entries. */
  servicePrefix?: string;
}

export function createConnectionStore({
  settingsFile,
  secrets,
  newId = randomUUID,
  servicePrefix = KEYCHAIN_SERVICE_PREFIX,
}: ConnectionStoreOptions): ConnectionStore {
  const serviceOf = (id: string) => keychainService(id, servicePrefix);
  // save and delete read, modify and rewrite the whole file: run them one at a time so none is lost.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };

  const unknownId = (id: string) => deskError('invalidRequest', `No connection with id "${id}"`);

  async function find(id: string): Promise<StoredConnection> {
    const found = (await readSettings(settingsFile)).find((c) => c.id === id);
    if (!found) throw unknownId(id);
    return found;
  }

  async function summarize(c: StoredConnection): Promise<ConnectionSummary> {
    const service = serviceOf(c.id);
    const apiKey = await secrets.get(service, 'apiKey');
    const accessToken = await secrets.get(service, 'accessToken');
    return { ...c, secrets: { apiKey: secretStatus(apiKey), accessToken: secretStatus(accessToken) } };
  }

  return {
    async list() {
      const all = await readSettings(settingsFile);
      return Promise.all(all.map(summarize));
    },

    async get(id) {
      return summarize(await find(id));
    },

    save(req, opts = {}) {
      return serial(async () => {
        const all = await readSettings(settingsFile);
        const existing = req.id === undefined ? undefined : all.find((c) => c.id === req.id);
        // Operators edit only what exists; main's own Demo connection is created under its fixed id.
        if (req.id !== undefined && !existing && !opts.isDemo) throw unknownId(req.id);
        const entry: StoredConnection = {
          id: existing?.id ?? req.id ?? newId(),
          name: req.name,
          tenant: req.tenant,
          apiName: req.apiName,
          baseUrl: req.baseUrl,
          isDemo: opts.isDemo ?? existing?.isDemo ?? false,
        };
        const service = serviceOf(entry.id);
        try {
          for (const account of SECRET_ACCOUNTS) {
            const value = req[account];
            if (value !== undefined) await secrets.set(service, account, value);
          }
          await writeSettings(settingsFile, existing ? all.map((c) => (c.id === entry.id ? entry : c)) : [...all, entry]);
        } catch (e) {
          // A connection that was never recorded must not leave secrets behind in the keychain.
          if (!existing) await Promise.allSettled(SECRET_ACCOUNTS.map((a) => secrets.delete(service, a)));
          throw e;
        }
        return summarize(entry);
      });
    },

    delete(id) {
      return serial(async () => {
        const all = await readSettings(settingsFile);
        if (!all.some((c) => c.id === id)) throw unknownId(id);
        // A locked keyring "deletes" nothing and reports no error: go on only when it provably works.
        await probeKeychain(secrets);
        for (const account of SECRET_ACCOUNTS) await secrets.delete(serviceOf(id), account);
        await writeSettings(settingsFile, all.filter((c) => c.id !== id));
      });
    },

    async secretsFor(id) {
      const c = await find(id);
      const service = serviceOf(id);
      const apiKey = await secrets.get(service, 'apiKey');
      const accessToken = await secrets.get(service, 'accessToken');
      if (apiKey !== null && accessToken !== null) return { apiKey, accessToken };
      // A locked keyring also reads null: say "locked" rather than send the operator to re-enter secrets.
      await probeKeychain(secrets);
      const missing = SECRET_ACCOUNTS.filter((a) => (a === 'apiKey' ? apiKey : accessToken) === null);
      throw deskError('notConfigured', `Connection "${c.name}" has no ${missing.join(' and no ')} in the OS keychain`, {
        code: missing.join(','),
      });
    },

    baseUrlFor: (summary) => effectiveBaseUrl(summary.tenant, summary.baseUrl),
  };
}
