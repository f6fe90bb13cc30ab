/**
 * Connections: names and addresses in a settings file, their secrets in the OS keychain.
 * Secret values leave this module only through credentialsFor and the token cache (main process only);
 * summaries carry at most the last four characters.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCOPES, type ConnectionSettings, type ConnectionSummary, type SaveConnectionRequest, type SecretStatus } from '../model/connection';
import { PolicyRule, type ManagedConnection } from '../model/policy';
import { deskError } from '../errors/desk-error';
import type { SecretStore } from '../secrets/secret-store';
import { probeKeychain } from '../secrets/keychain-probe';
import { DEFAULT_IMS_URL, type IssuedToken } from '../auth/ims-token';
import { jwtExpiry } from '../auth/jwt-expiry';
import type { TokenCache } from '../auth/token-provider';
import { readSettings, writeSettings, type StoredConnection } from './settings-file';

export const KEYCHAIN_SERVICE_PREFIX = 'Profile Desk/';
/** Every keychain account a connection may have; cachedToken is main's own (an OAuth token with its expiry). */
export const SECRET_ACCOUNTS = ['apiKey', 'clientSecret', 'scopes', 'accessToken', 'cachedToken'] as const;
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

/** What main needs to call Campaign for a connection, by sign-in method. Never sent over IPC. */
export type ConnectionCredentials =
  | { mode: 'token'; apiKey: string; accessToken: string }
  | { mode: 'oauth'; apiKey: string; clientSecret: string; scopes: string; imsUrl: string };

export interface ConnectionStore {
  list(): Promise<ConnectionSummary[]>;
  get(id: string): Promise<ConnectionSummary>;
  /** The settings alone, without touching the keychain (for the audit trail, on every save). */
  settingsOf(id: string): Promise<StoredConnection>;
  /**
   * No id: create. With id: edit; an omitted secret keeps the stored one. An unknown id is an error,
   * except with isDemo (main's Demo connection, which has a fixed id): then it is created.
   */
  save(req: SaveConnectionRequest, opts?: { isDemo?: boolean }): Promise<ConnectionSummary>;
  /** Removes the settings entry and every keychain entry of the connection. */
  delete(id: string): Promise<void>;
  /** Main process only: never send the result over IPC. */
  credentialsFor(id: string): Promise<ConnectionCredentials>;
  /** Where the OAuth token of a connection is kept between runs. */
  tokenCacheFor(id: string): TokenCache;
}

export interface ConnectionStoreOptions {
  settingsFile: string;
  secrets: SecretStore;
  newId?: () => string;
  /** Keychain service names start with this; e2e runs use their own so parallel tests never share entries. */
  servicePrefix?: string;
  /** IT's connections from the policy: listed first; only their secrets can be entered. */
  managed?: ManagedConnection[];
  /** IT's policy locks the operator's connections: none added, edited (but for secrets) or deleted. */
  locked?: boolean;
  /** IT's policy hides the Demo. */
  hideDemo?: boolean;
}

const SETTING_KEYS = ['name', 'tenant', 'environment', 'apiName', 'baseUrl', 'authMode', 'imsUrl'] as const satisfies readonly (keyof ConnectionSettings)[];
const sameSettings = (a: ConnectionSettings, b: ConnectionSettings) => SETTING_KEYS.every((k) => a[k] === b[k]);

function parseCachedToken(text: string | null): IssuedToken | null {
  if (!text) return null;
  try {
    const t = JSON.parse(text) as IssuedToken;
    return typeof t.token === 'string' && typeof t.expiresAt === 'number' && typeof t.issuedAt === 'number' ? t : null;
  } catch {
    return null;
  }
}

export function createConnectionStore({
  settingsFile,
  secrets,
  newId = randomUUID,
  servicePrefix = KEYCHAIN_SERVICE_PREFIX,
  managed = [],
  locked = false,
  hideDemo = false,
}: ConnectionStoreOptions): ConnectionStore {
  const managedById = new Map(managed.map((m) => [m.id, m]));
  const asStored = (m: ManagedConnection): StoredConnection => {
    const { scopes: _scopes, ...settings } = m;
    return { ...settings, isDemo: false };
  };
  const serviceOf = (id: string) => keychainService(id, servicePrefix);
  const read = (id: string, account: SecretAccount) => secrets.get(serviceOf(id), account);
  // save and delete read, modify and rewrite the whole file: run them one at a time so none is lost.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };

  const unknownId = (id: string) => deskError('invalidRequest', `No connection with id "${id}"`);

  const policyError = (rule: PolicyRule, message: string) => deskError('policy', message, { code: rule });

  async function find(id: string): Promise<StoredConnection> {
    const it = managedById.get(id);
    if (it) return asStored(it);
    const found = (await readSettings(settingsFile)).find((c) => c.id === id);
    if (!found) throw unknownId(id);
    return found;
  }

  async function summarize(c: StoredConnection): Promise<ConnectionSummary> {
    const [apiKey, clientSecret, scopes, accessToken, cached] = await Promise.all(SECRET_ACCOUNTS.map((a) => read(c.id, a)));
    const expiresAt = c.authMode === 'oauth' ? parseCachedToken(cached ?? null)?.expiresAt : accessToken ? jwtExpiry(accessToken) : undefined;
    const it = managedById.get(c.id);
    return {
      ...c,
      scopes: it ? it.scopes : (scopes ?? ''),
      ...(it ? { managed: true as const } : {}),
      secrets: { apiKey: secretStatus(apiKey ?? null), clientSecret: secretStatus(clientSecret ?? null), accessToken: secretStatus(accessToken ?? null) },
      ...(expiresAt !== undefined ? { tokenExpiresAt: new Date(expiresAt).toISOString() } : {}),
    };
  }

  /** The keychain writes of one save; a changed credential or token address makes the cached token worthless. */
  function secretWrites(req: SaveConnectionRequest, existing: StoredConnection | undefined): [SecretAccount, string | null][] {
    const writes: [SecretAccount, string | null][] = [];
    for (const account of ['apiKey', 'clientSecret', 'accessToken', 'scopes'] as const) {
      const value = req[account];
      if (value !== undefined) writes.push([account, value]);
    }
    if (!existing && req.authMode === 'oauth' && req.scopes === undefined) writes.push(['scopes', DEFAULT_SCOPES]);
    const credentialChanged =
      req.apiKey !== undefined || req.clientSecret !== undefined || req.scopes !== undefined ||
      existing?.imsUrl !== req.imsUrl || existing?.authMode !== req.authMode;
    if (existing && credentialChanged) writes.push(['cachedToken', null]);
    return writes;
  }

  /** IT's connection: its settings must stay IT's; only secrets are written. */
  async function saveManaged(it: ManagedConnection, req: SaveConnectionRequest): Promise<ConnectionSummary> {
    if (!sameSettings(it, req) || (req.scopes !== undefined && req.scopes !== it.scopes)) {
      throw policyError(PolicyRule.managedConnection, `Connection "${it.name}" is set up by IT's policy: only its credentials can be entered here`);
    }
    const existing = asStored(it);
    const service = serviceOf(it.id);
    for (const [account, value] of secretWrites({ ...req, scopes: undefined }, existing)) {
      if (value === null) await secrets.delete(service, account);
      else await secrets.set(service, account, value);
    }
    return summarize(existing);
  }

  return {
    async list() {
      const own = (await readSettings(settingsFile)).filter((c) => !managedById.has(c.id) && !(hideDemo && c.isDemo));
      return Promise.all([...managed.map(asStored), ...own].map(summarize));
    },

    async get(id) {
      return summarize(await find(id));
    },

    settingsOf: find,

    save(req, opts = {}) {
      const it = req.id === undefined ? undefined : managedById.get(req.id);
      if (it) return serial(() => saveManaged(it, req));
      return serial(async () => {
        const all = await readSettings(settingsFile);
        const existing = req.id === undefined ? undefined : all.find((c) => c.id === req.id);
        // Operators edit only what exists; main's own Demo connection is created under its fixed id.
        if (req.id !== undefined && !existing && !opts.isDemo) throw unknownId(req.id);
        if (locked && !opts.isDemo && !existing?.isDemo) {
          if (!existing) throw policyError(PolicyRule.connectionsLocked, 'IT\'s policy does not allow adding connections on this computer');
          if (!sameSettings(existing, req) || req.scopes !== undefined) {
            throw policyError(PolicyRule.connectionsLocked, `IT's policy does not allow changing the settings of connection "${existing.name}"`);
          }
        }
        const entry: StoredConnection = {
          id: existing?.id ?? req.id ?? newId(),
          name: req.name,
          tenant: req.tenant,
          environment: req.environment,
          apiName: req.apiName,
          baseUrl: req.baseUrl,
          authMode: req.authMode,
          imsUrl: req.imsUrl,
          isDemo: opts.isDemo ?? existing?.isDemo ?? false,
        };
        const service = serviceOf(entry.id);
        try {
          for (const [account, value] of secretWrites(req, existing)) {
            if (value === null) await secrets.delete(service, account);
            else await secrets.set(service, account, value);
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
      if (managedById.has(id)) return Promise.reject(policyError(PolicyRule.managedConnection, `Connection "${id}" is set up by IT's policy and cannot be deleted`));
      return serial(async () => {
        const all = await readSettings(settingsFile);
        const existing = all.find((c) => c.id === id);
        if (!existing) throw unknownId(id);
        if (locked && !existing.isDemo) throw policyError(PolicyRule.connectionsLocked, 'IT\'s policy does not allow deleting connections on this computer');
        // A locked keyring "deletes" nothing and reports no error: go on only when it provably works.
        await probeKeychain(secrets);
        for (const account of SECRET_ACCOUNTS) await secrets.delete(serviceOf(id), account);
        await writeSettings(settingsFile, all.filter((c) => c.id !== id));
      });
    },

    async credentialsFor(id) {
      const c = await find(id);
      // A managed connection's scopes are IT's, in the policy; the others keep theirs with the credentials.
      const scopesFrom: SecretAccount[] = managedById.has(id) ? [] : ['scopes'];
      const needed: SecretAccount[] = c.authMode === 'oauth' ? ['apiKey', 'clientSecret', ...scopesFrom] : ['apiKey', 'accessToken'];
      const values = await Promise.all(needed.map((a) => read(id, a)));
      const missing = needed.filter((_, i) => values[i] === null);
      if (missing.length > 0) {
        // A locked keyring also reads null: say "locked" rather than send the operator to re-enter secrets.
        await probeKeychain(secrets);
        throw deskError('notConfigured', `Connection "${c.name}" has no ${missing.join(' and no ')} in the OS keychain`, {
          code: missing.join(','),
        });
      }
      const [apiKey, second, storedScopes] = values as string[];
      const scopes = managedById.get(id)?.scopes ?? storedScopes;
      return c.authMode === 'oauth'
        ? { mode: 'oauth', apiKey: apiKey!, clientSecret: second!, scopes: scopes!, imsUrl: c.imsUrl || DEFAULT_IMS_URL }
        : { mode: 'token', apiKey: apiKey!, accessToken: second! };
    },

    tokenCacheFor(id) {
      return {
        read: async () => parseCachedToken(await read(id, 'cachedToken')),
        write: (token) => secrets.set(serviceOf(id), 'cachedToken', JSON.stringify(token)),
      };
    },
  };
}
