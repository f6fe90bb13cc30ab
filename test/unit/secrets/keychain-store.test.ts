// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../main/errors/desk-error';
import { probeKeychain, PROBE_SERVICE } from '../../../main/secrets/keychain-probe';
import { createKeychainStore, type KeychainBackend } from '../../../main/secrets/keychain-store';
import { requirePrivateKeyring } from '../helpers/private-keyring';

describe('keychain store on the real (private) keyring', () => {
  const store = createKeychainStore();
  const used: string[] = [];
  // A unique service per test: test files run in parallel against one keyring.
  const newService = () => {
    const service = `Profile Desk test/${randomUUID()}`;
    used.push(service);
    return service;
  };

  beforeEach(requirePrivateKeyring);
  afterEach(async () => {
    for (const service of used.splice(0)) for (const account of ['a', 'b']) await store.delete(service, account);
  });

  it('stores, reads back and deletes a secret', async () => {
    const service = newService();
    expect(await store.get(service, 'a')).toBeNull();
    await store.set(service, 'a', 'first-value');
    expect(await store.get(service, 'a')).toBe('first-value');
    expect(await store.delete(service, 'a')).toBe(true);
    expect(await store.get(service, 'a')).toBeNull();
  });

  it('overwrites a stored secret and keeps accounts apart', async () => {
    const service = newService();
    await store.set(service, 'a', 'old');
    await store.set(service, 'b', 'other account');
    await store.set(service, 'a', 'new');
    expect(await store.get(service, 'a')).toBe('new');
    expect(await store.get(service, 'b')).toBe('other account');
  });

  it('reports false when deleting what is not there', async () => {
    expect(await store.delete(newService(), 'a')).toBe(false);
  });

  it('keeps unicode values intact', async () => {
    const service = newService();
    const value = 'Grüße 🔑 日本語 — ✓ "quoted" \\ back';
    await store.set(service, 'a', value);
    expect(await store.get(service, 'a')).toBe(value);
  });

  it('probes successfully and leaves no sentinel behind', async () => {
    const written: string[] = [];
    const recording = { ...store, set: (svc: string, account: string, value: string) => (written.push(account), store.set(svc, account, value)) };
    await expect(probeKeychain(recording)).resolves.toBeUndefined();
    expect(written).toHaveLength(1);
    expect(await store.get(PROBE_SERVICE, written[0]!)).toBeNull();
  });
});

/** Unit tests of our error mapping only: the backend fails with the texts keytar really produces. */
describe('keytar failure mapping', () => {
  const failing = (message: string): KeychainBackend => ({
    getPassword: () => Promise.reject(new Error(message)),
    setPassword: () => Promise.reject(new Error(message)),
    deletePassword: () => Promise.reject(new Error(message)),
  });
  const caught = async (p: Promise<unknown>): Promise<DeskError> => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DeskError);
    return e as DeskError;
  };

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'noDbus'],
    ['Could not connect: No such file or directory', 'noDbus'],
    ['Error spawning command line “dbus-launch --autolaunch=3d12 --binary-syntax --close-stderr”: Child process exited with code 1', 'noDbus'],
    ['Address element “garbage” does not contain a colon (:)', 'noDbus'],
    ['The connection is closed', 'noDbus'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'noSecretService'],
    ['GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files', 'noSecretService'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['GDBus.Error:org.freedesktop.Secret.Error.IsLocked: Cannot create an item in a locked collection', 'locked'],
    ['Prompt dismissed', 'locked'],
    ['User canceled the operation.', 'locked'],
    ['GDBus.Error:org.freedesktop.DBus.Error.Failed: Couldn\'t create item: no space', 'other'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'other'],
  ])('maps "%s" to %s for get, set and delete', async (message, reason) => {
    const store = createKeychainStore(failing(message));
    for (const op of [store.get('svc', 'acct'), store.set('svc', 'acct', 'the-secret-value'), store.delete('svc', 'acct')]) {
      const e = await caught(op);
      expect(e.info).toMatchObject({ kind: 'keychain', code: reason });
      expect(e.info.details).toContain(message);
      expect(e.info.details).toContain('svc');
    }
  });

  it('never echoes the value being written, even if the backend does', async () => {
    const store = createKeychainStore(failing('refused to store s3cr3t-VALUE-123'));
    const e = await caught(store.set('svc', 'acct', 's3cr3t-VALUE-123'));
    expect(JSON.stringify(e.info)).not.toContain('s3cr3t-VALUE-123');
    expect(e.message).not.toContain('s3cr3t-VALUE-123');
    expect(e.info.details).toContain('[redacted]');
  });

  const backendWhoseReadBackIs = (readBack: string | null) => {
    const calls: string[] = [];
    const backend: KeychainBackend = {
      setPassword: async (s, a) => void calls.push(`set ${s}/${a}`),
      getPassword: async () => readBack,
      deletePassword: async (s, a) => (calls.push(`delete ${s}/${a}`), false),
    };
    return { backend, calls };
  };

  it.each([
    ['null (the silent answer of a locked keyring)', null],
    ['a different value', 'someone else'],
  ])('probe: a read-back of %s means locked, and the sentinel is still deleted', async (_label, readBack) => {
    const { backend, calls } = backendWhoseReadBackIs(readBack);
    const e = await caught(probeKeychain(createKeychainStore(backend)));
    expect(e.info).toMatchObject({ kind: 'keychain', code: 'locked' });
    expect(calls).toHaveLength(2);
    const [set, del] = calls as [string, string];
    expect(set).toMatch(new RegExp(`^set ${PROBE_SERVICE.replace(/[()]/g, '\\$&')}/sentinel-[0-9a-f-]{36}$`));
    expect(del).toBe(set.replace(/^set/, 'delete'));
  });

  it('probe: a failed write is reported with its own reason', async () => {
    const e = await caught(probeKeychain(createKeychainStore(failing('Cannot autolaunch D-Bus without X11 $DISPLAY'))));
    expect(e.info).toMatchObject({ kind: 'keychain', code: 'noDbus' });
  });
});
