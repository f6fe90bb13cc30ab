// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createConnectionStore,
  effectiveBaseUrl,
  keychainService,
  SECRET_ACCOUNTS,
  type ConnectionStore,
} from '../../../main/connections/connection-store';
import { DeskError, deskError } from '../../../main/errors/desk-error';
import { DEFAULT_SCOPES } from '../../../main/model/connection';
import { type RequestOf } from '../../../main/ipc/contract';
import { createKeychainStore } from '../../../main/secrets/keychain-store';
import type { SecretStore } from '../../../main/secrets/secret-store';
import { requirePrivateKeyring } from '../helpers/private-keyring';

const API_KEY = 'ak-0123456789-abcd';
const TOKEN = 'eyJhbGciOi.token-body.sig-wxyz';
const base: RequestOf<'saveConnection'> = {
  name: 'Acme prod',
  tenant: 'acme',
  environment: 'production',
  apiName: 'profileAndServices',
  baseUrl: '',
  authMode: 'token',
  imsUrl: '',
};
const tokenCreds = (apiKey: string, accessToken: string) => ({ mode: 'token', apiKey, accessToken });

const rejection = async (p: Promise<unknown>): Promise<DeskError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeskError);
  return e as DeskError;
};

describe('connection store (real private keyring, temp settings file)', () => {
  const keychain = createKeychainStore();
  let dir: string;
  let settingsFile: string;
  let store: ConnectionStore;
  const ids: string[] = [];

  beforeEach(async () => {
    requirePrivateKeyring();
    dir = await mkdtemp(join(tmpdir(), 'profile-desk-conn-'));
    settingsFile = join(dir, 'not-yet-created', 'connections.json');
    store = createConnectionStore({
      settingsFile,
      secrets: keychain,
      newId: () => {
        const id = `t${randomUUID()}`;
        ids.push(id);
        return id;
      },
    });
  });
  afterEach(async () => {
    for (const id of ids.splice(0)) for (const account of SECRET_ACCOUNTS) await keychain.delete(keychainService(id), account);
    await rm(dir, { recursive: true, force: true });
  });

  it('has no connections while the settings file does not exist', async () => {
    expect(await store.list()).toEqual([]);
  });

  it('creates a connection: secrets in the keychain only, summary shows last4, file is private', async () => {
    const created = await store.save({ ...base, apiKey: API_KEY, accessToken: TOKEN });
    expect(created).toEqual({
      id: ids[0],
      ...base,
      isDemo: false,
      scopes: '',
      secrets: { apiKey: { set: true, last4: 'abcd' }, clientSecret: { set: false }, accessToken: { set: true, last4: 'wxyz' } },
    });
    expect(await keychain.get(keychainService(created.id), 'apiKey')).toBe(API_KEY);
    expect(await keychain.get(keychainService(created.id), 'accessToken')).toBe(TOKEN);
    expect(await store.list()).toEqual([created]);
    expect(await store.get(created.id)).toEqual(created);

    const text = await readFile(settingsFile, 'utf8');
    expect(JSON.parse(text)).toEqual({ version: 1, connections: [{ id: created.id, ...base, isDemo: false }] });
    for (const secret of [API_KEY, TOKEN, 'abcd', 'wxyz']) expect(text).not.toContain(secret);
    for (const secret of [API_KEY, TOKEN]) expect(JSON.stringify(await store.list())).not.toContain(secret);
    expect((await stat(settingsFile)).mode & 0o777).toBe(0o600);
    expect(await readdir(dirname(settingsFile))).toEqual(['connections.json']); // no temp file left behind
  });

  it('shows last4 only for secrets of at least 12 characters', async () => {
    const created = await store.save({ ...base, apiKey: 'x'.repeat(11), accessToken: 'y'.repeat(8) + 'WXYZ' });
    expect(created.secrets).toEqual({ apiKey: { set: true }, clientSecret: { set: false }, accessToken: { set: true, last4: 'WXYZ' } });
  });

  it('edits: omitted secrets are kept, given ones overwrite, the demo flag stays', async () => {
    const { id } = await store.save({ ...base, apiKey: API_KEY, accessToken: TOKEN }, { isDemo: true });
    const renamed = await store.save({ ...base, id, name: 'Acme staging', baseUrl: 'https://proxy.example/campaign' });
    expect(renamed).toMatchObject({ id, name: 'Acme staging', baseUrl: 'https://proxy.example/campaign', isDemo: true });
    expect(await store.credentialsFor(id)).toEqual(tokenCreds(API_KEY, TOKEN));

    const newToken = 'fresh-token-0000-9876';
    const retokened = await store.save({ ...base, id, accessToken: newToken });
    expect(retokened.secrets).toEqual({ apiKey: { set: true, last4: 'abcd' }, clientSecret: { set: false }, accessToken: { set: true, last4: '9876' } });
    expect(await store.credentialsFor(id)).toEqual(tokenCreds(API_KEY, newToken));
    expect((await store.list()).map((c) => c.id)).toEqual([id]);
  });

  it('refuses to edit an unknown id and writes nothing', async () => {
    const e = await rejection(store.save({ ...base, id: 'nope', apiKey: API_KEY }));
    expect(e.info.kind).toBe('invalidRequest');
    expect(await keychain.get(keychainService('nope'), 'apiKey')).toBeNull();
    await expect(stat(settingsFile)).rejects.toThrow(/ENOENT/);
  });

  it('creates the Demo connection under its fixed id, and updates it in place afterwards', async () => {
    const id = `demo-${randomUUID()}`; // unique: other test files share this keyring
    ids.push(id);
    const first = await store.save({ ...base, id, name: 'Demo', apiKey: API_KEY, accessToken: TOKEN }, { isDemo: true });
    expect(first).toMatchObject({ id, name: 'Demo', isDemo: true });
    const again = await store.save({ ...base, id, name: 'Demo', accessToken: 'restarted-token-1111' }, { isDemo: true });
    expect(again.secrets.accessToken.last4).toBe('1111');
    expect(await store.list()).toEqual([again]);
  });

  it('saves concurrent creates one after the other, losing none', async () => {
    await Promise.all(['a', 'b', 'c'].map((name) => store.save({ ...base, name })));
    expect((await store.list()).map((c) => c.name).sort()).toEqual(['a', 'b', 'c']);
  });

  it('delete removes the settings entry and every keychain entry', async () => {
    const kept = await store.save({ ...base, name: 'kept', apiKey: API_KEY, accessToken: TOKEN });
    const gone = await store.save({ ...base, name: 'gone', apiKey: API_KEY, accessToken: TOKEN });
    await store.delete(gone.id);
    for (const account of SECRET_ACCOUNTS) expect(await keychain.get(keychainService(gone.id), account)).toBeNull();
    expect(await store.list()).toEqual([kept]);
    expect(await readFile(settingsFile, 'utf8')).not.toContain(gone.id);
    expect((await rejection(store.get(gone.id))).info.kind).toBe('invalidRequest');
    expect((await rejection(store.delete(gone.id))).info.kind).toBe('invalidRequest');
  });

  describe('when the keyring is locked (it reads null and deletes nothing, silently)', () => {
    const locked: SecretStore = {
      get: async () => null,
      delete: async () => false,
      set: async () => {
        throw deskError('keychain', 'OS keychain write failed (locked)', { code: 'locked' });
      },
    };

    it('delete refuses and keeps both the settings entry and the secrets', async () => {
      const { id } = await store.save({ ...base, apiKey: API_KEY, accessToken: TOKEN });
      const lockedStore = createConnectionStore({ settingsFile, secrets: locked });
      expect((await rejection(lockedStore.delete(id))).info).toMatchObject({ kind: 'keychain', code: 'locked' });
      expect((await store.list()).map((c) => c.id)).toEqual([id]);
      expect(await store.credentialsFor(id)).toEqual(tokenCreds(API_KEY, TOKEN));
    });

    it('credentialsFor says locked, not "not configured"', async () => {
      const { id } = await store.save({ ...base, apiKey: API_KEY, accessToken: TOKEN });
      const lockedStore = createConnectionStore({ settingsFile, secrets: locked });
      expect((await rejection(lockedStore.credentialsFor(id))).info).toMatchObject({ kind: 'keychain', code: 'locked' });
    });

    it('a failed create leaves neither an entry nor secrets behind', async () => {
      let writes = 0;
      const failsOnSecondWrite: SecretStore = {
        ...keychain,
        set: async (service, account, value) => {
          if (++writes === 2) throw deskError('keychain', 'OS keychain write failed (locked)', { code: 'locked' });
          await keychain.set(service, account, value);
        },
      };
      const id = `t${randomUUID()}`;
      ids.push(id);
      const flaky = createConnectionStore({ settingsFile, secrets: failsOnSecondWrite, newId: () => id });
      expect((await rejection(flaky.save({ ...base, apiKey: API_KEY, accessToken: TOKEN }))).info.code).toBe('locked');
      expect(await keychain.get(keychainService(id), 'apiKey')).toBeNull();
      expect(await store.list()).toEqual([]);
    });
  });

  it('credentialsFor names the missing secret without revealing the other', async () => {
    const { id } = await store.save({ ...base, apiKey: API_KEY });
    const e = await rejection(store.credentialsFor(id));
    expect(e.info).toMatchObject({ kind: 'notConfigured', code: 'accessToken' });
    expect(e.message).toContain('accessToken');
    expect(e.message).not.toContain('apiKey');
    expect(JSON.stringify(e.info)).not.toContain(API_KEY);

    const { id: bare } = await store.save(base);
    expect((await rejection(store.credentialsFor(bare))).info.code).toBe('apiKey,accessToken');
  });

  it.each([
    ['not JSON', '{"version": 1, "connections": ['],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, connections: [{ id: 'x' }] })],
  ])('keeps a corrupt settings file (%s) aside and says where', async (_label, content) => {
    await store.save(base); // creates the directory
    await writeFile(settingsFile, content);
    const e = await rejection(store.list());
    expect(e.info.kind).toBe('internal');
    expect(e.message).toContain(settingsFile);
    const kept = (await readdir(dirname(settingsFile))).filter((f) => f.startsWith('connections.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(e.message).toContain(kept[0]);
    expect(await readFile(join(dirname(settingsFile), kept[0]!), 'utf8')).toBe(content);
    // Afterwards the app starts afresh instead of failing forever.
    expect(await store.list()).toEqual([]);
  });

  it('leaves a settings file from a newer app version untouched', async () => {
    await store.save(base);
    const newer = JSON.stringify({ version: 2, connections: [], more: true });
    await writeFile(settingsFile, newer);
    const e = await rejection(store.save(base));
    expect(e.message).toMatch(/newer/);
    expect(await readFile(settingsFile, 'utf8')).toBe(newer);
  });

  it('rewrites a too-open settings file as 0600', async () => {
    await store.save(base);
    await chmod(settingsFile, 0o644);
    await store.save({ ...base, name: 'second' });
    expect((await stat(settingsFile)).mode & 0o777).toBe(0o600);
  });

  describe('OAuth connections', () => {
    const SECRET = 'cs-SECRET-0123456789-zz99';
    const oauth: RequestOf<'saveConnection'> = { ...base, authMode: 'oauth', imsUrl: 'https://ims.example/ims/token/v3' };
    const token = { token: 'tok-1', issuedAt: 1_000, expiresAt: 86_400_000 };

    it('stores client id, secret and the default scopes in the keychain, and hands them out as OAuth credentials', async () => {
      const created = await store.save({ ...oauth, apiKey: API_KEY, clientSecret: SECRET });
      expect(created).toMatchObject({ authMode: 'oauth', scopes: DEFAULT_SCOPES, secrets: { clientSecret: { set: true, last4: 'zz99' } } });
      expect(await store.credentialsFor(created.id)).toEqual({
        mode: 'oauth', apiKey: API_KEY, clientSecret: SECRET, scopes: DEFAULT_SCOPES, imsUrl: 'https://ims.example/ims/token/v3',
      });
      expect(await readFile(settingsFile, 'utf8')).not.toContain(SECRET);
    });

    it('uses Adobe’s token endpoint when none is set', async () => {
      const { id } = await store.save({ ...oauth, imsUrl: '', apiKey: API_KEY, clientSecret: SECRET });
      expect(await store.credentialsFor(id)).toMatchObject({ imsUrl: 'https://ims-na1.adobelogin.com/ims/token/v3' });
    });

    it('caches the token with its expiry in the keychain and shows the expiry in the summary', async () => {
      const { id } = await store.save({ ...oauth, apiKey: API_KEY, clientSecret: SECRET });
      await store.tokenCacheFor(id).write(token);
      expect(await store.tokenCacheFor(id).read()).toEqual(token);
      expect((await store.get(id)).tokenExpiresAt).toBe(new Date(token.expiresAt).toISOString());
      expect(JSON.stringify(await store.list())).not.toContain('tok-1');
    });

    it('forgets the cached token when the credential or token address changes, not on a rename', async () => {
      const { id } = await store.save({ ...oauth, apiKey: API_KEY, clientSecret: SECRET });
      await store.tokenCacheFor(id).write(token);
      await store.save({ ...oauth, id, name: 'renamed' });
      expect(await store.tokenCacheFor(id).read()).toEqual(token);
      await store.save({ ...oauth, id, clientSecret: `${SECRET}-new` });
      expect(await store.tokenCacheFor(id).read()).toBeNull();
      await store.tokenCacheFor(id).write(token);
      await store.save({ ...oauth, id, imsUrl: 'https://ims-eu.example/ims/token/v3' });
      expect(await store.tokenCacheFor(id).read()).toBeNull();
    });

    it('names a missing client secret', async () => {
      const { id } = await store.save({ ...oauth, apiKey: API_KEY });
      expect((await rejection(store.credentialsFor(id))).info).toMatchObject({ kind: 'notConfigured', code: 'clientSecret' });
    });

    it('delete removes the cached token too', async () => {
      const { id } = await store.save({ ...oauth, apiKey: API_KEY, clientSecret: SECRET });
      await store.tokenCacheFor(id).write(token);
      await store.delete(id);
      for (const account of SECRET_ACCOUNTS) expect(await keychain.get(keychainService(id), account)).toBeNull();
    });
  });

  it('reads a settings file written before environments and OAuth as a pasted-token production connection', async () => {
    await store.save(base); // creates the directory
    const old = { version: 1, connections: [{ id: 'old1', name: 'Old', tenant: 'acme', apiName: 'profileAndServices', baseUrl: '', isDemo: false }] };
    await writeFile(settingsFile, JSON.stringify(old));
    expect(await store.get('old1')).toMatchObject({ environment: 'production', authMode: 'token', imsUrl: '' });
  });

  it('shows when a pasted JWT access token expires', async () => {
    const exp = Math.floor(Date.UTC(2026, 11, 1, 12) / 1000);
    const jwt = ['e30', Buffer.from(JSON.stringify({ exp })).toString('base64url'), 'sig'].join('.');
    const { id } = await store.save({ ...base, apiKey: API_KEY, accessToken: jwt });
    expect((await store.get(id)).tokenExpiresAt).toBe('2026-12-01T12:00:00.000Z');
  });
});

describe('effectiveBaseUrl', () => {
  it.each([
    ['acme', '', 'https://mc.adobe.io/acme/campaign'],
    ['acme', '   ', 'https://mc.adobe.io/acme/campaign'],
    ['acme', 'https://proxy.example/campaign/', 'https://proxy.example/campaign'],
    ['other-tenant', 'http://localhost:8080', 'http://localhost:8080'],
  ])('tenant %s, stored "%s" -> %s', (tenant, stored, expected) => {
    expect(effectiveBaseUrl(tenant, stored)).toBe(expected);
  });
});
