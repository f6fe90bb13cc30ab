// @vitest-environment node
/**
 * Shell problem 1: keytar used to be required at the top of the main bundle, so a Linux desktop without
 * libsecret got "A JavaScript error occurred in the main process" and no window. Now the backend loads on first
 * use, and a failed load is a keychain error the existing keychain screen explains.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../main/errors/desk-error';
import { probeKeychain } from '../../../main/secrets/keychain-probe';
import { createKeychainStore, lazyKeychainBackend, type KeychainBackend } from '../../../main/secrets/keychain-store';
// @ts-expect-error: a plain .mjs module shared with the build script, no type declarations
import { mainBuild } from '../../../scripts/main-build-options.mjs';

const NO_LIBSECRET = 'libsecret-1.so.0: cannot open shared object file: No such file or directory';

function memoryBackend(): KeychainBackend {
  const values = new Map<string, string>();
  return {
    getPassword: async (s, a) => values.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void values.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => values.delete(`${s}/${a}`),
  };
}

async function caught(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    return e as DeskError;
  }
  throw new Error('expected a failure');
}

describe('keychain backend loaded on first use', () => {
  it('a backend that cannot load is the keychain error "unavailable", with the reason for IT', async () => {
    let loads = 0;
    const store = createKeychainStore(
      lazyKeychainBackend(async () => {
        loads++;
        throw new Error(NO_LIBSECRET);
      }),
    );
    expect(loads).toBe(0);
    const e = await caught(probeKeychain(store));
    expect(e.info).toMatchObject({ kind: 'keychain', code: 'unavailable', message: 'OS keychain write failed (unavailable)' });
    expect(e.info.details).toContain(`could not be loaded: ${NO_LIBSECRET}`);
    expect(e.info.details).toContain('libsecret');
  });

  it('tries again on the next use ("Try again" after IT installed libsecret) and then keeps the backend', async () => {
    let loads = 0;
    const backend = memoryBackend();
    const store = createKeychainStore(
      lazyKeychainBackend(async () => {
        loads++;
        if (loads === 1) throw new Error(NO_LIBSECRET);
        return backend;
      }),
    );
    expect((await caught(store.get('svc', 'acct'))).info.code).toBe('unavailable');
    await probeKeychain(store);
    await store.set('svc', 'acct', 'value');
    expect(await store.get('svc', 'acct')).toBe('value');
    expect(loads).toBe(2);
  });
});

describe('the built main bundle (scripts/main-build-options.mjs) without libsecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-desk-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A stand-in for Electron that records what main does and, once ready, asks the keychain check over "IPC".
  const electronStub = `
    const calls = [];
    const say = (what) => process.stdout.write(JSON.stringify(what) + '\\n');
    const handlers = new Map();
    const noop = () => {};
    class BrowserWindow { constructor() { say({ window: true }); } once() {} on() {} loadURL() { return Promise.resolve(); }
      static getAllWindows() { return []; } static getFocusedWindow() { return null; } }
    const app = {
      requestSingleInstanceLock: () => true, quit: noop, exit: (c) => { say({ exit: c }); process.exit(c); }, on: noop,
      whenReady: () => { setTimeout(async () => {
        const answer = await handlers.get('app:check-keychain')({ senderFrame: { url: 'app://profile-desk/index.html', parent: null } });
        say({ checkKeychain: answer }); process.exit(0);
      }, 50); return Promise.resolve(); },
      commandLine: { appendSwitch: (name, value) => say({ appendSwitch: [name, value] }) },
      getPath: (name) => require('path').join(process.env.USER_DATA, name), getPreferredSystemLanguages: () => ['de-DE'],
      getVersion: () => '0.0.1', isPackaged: true,
    };
    module.exports = {
      app, BrowserWindow, net: { fetch: globalThis.fetch }, clipboard: { writeText: noop }, shell: { openPath: noop },
      dialog: { showErrorBox: (title, content) => say({ errorBox: [title, content] }) },
      ipcMain: { handle: (channel, fn) => handlers.set(channel, fn) },
      protocol: { registerSchemesAsPrivileged: noop, handle: noop },
      session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop } },
      Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => say({ menu: m.map((e) => e.label) }) },
    };`;
  // As keytar fails where libsecret is missing: the native module throws when required.
  const keytarStub = `process.stdout.write(JSON.stringify({ keytarRequired: true }) + '\\n'); throw new Error(${JSON.stringify(NO_LIBSECRET)});`;

  it('loads, opens its window and answers the keychain check with "unavailable"', async () => {
    const out = await build({ ...mainBuild, absWorkingDir: resolve(import.meta.dirname, '../../..'), outfile: join(dir, 'dist/main/index.js'), sourcemap: false, logLevel: 'silent' });
    expect(out.errors).toEqual([]);
    for (const [name, source] of [['electron', electronStub], ['keytar', keytarStub]] as const) {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'index.js'), source);
    }
    const userData = join(dir, 'user');
    mkdirSync(userData);
    const run = spawnSync(process.execPath, [join(dir, 'dist/main/index.js')], { env: { PATH: process.env.PATH, USER_DATA: userData }, encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const said = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const order = said.map((s) => Object.keys(s)[0]);
    // keytar is required for the keychain check, after the window, never at load.
    expect(order).toEqual(['appendSwitch', 'window', 'menu', 'keytarRequired', 'checkKeychain']);
    expect(said[0]).toEqual({ appendSwitch: ['lang', 'de-DE'] });
    expect(said[2]).toEqual({ menu: ['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe'] });
    expect(said[4]).toMatchObject({ checkKeychain: { ok: false, error: { kind: 'keychain', code: 'unavailable' } } });
  }, 60_000);
});
