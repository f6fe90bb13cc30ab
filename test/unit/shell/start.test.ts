// @vitest-environment node
/**
 * main/index.ts as Electron runs it, with `electron` replaced by event emitters and recording stubs, and keytar
 * made unloadable the way a Linux desktop without libsecret makes it. Each test imports index.ts afresh.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumLanguage } from '../../../main/preferences/locale';

interface Options {
  lock?: boolean;
  languages?: string[];
  stored?: 'de' | 'en';
  ready?: () => Promise<void>;
  /** app.getPath(name) throws for this name. */
  brokenPath?: string;
}

function fakeElectron(o: Options, userData: string) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => o.lock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(o.ready ?? (() => Promise.resolve())),
    commandLine: { appendSwitch: vi.fn() },
    getPath: vi.fn((name: string) => {
      if (name === o.brokenPath) throw new Error(`Failed to get '${name}' path`);
      return name === 'userData' ? userData : join(userData, name);
    }),
    getPreferredSystemLanguages: () => o.languages ?? ['de-DE'],
    getVersion: () => '9.8.7',
    isPackaged: true,
  });
  const windows: EventEmitter[] = [];
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    static getFocusedWindow = () => null;
    loadURL = vi.fn(async () => undefined);
    isMinimized = vi.fn(() => true);
    restore = vi.fn();
    focus = vi.fn();
    show = vi.fn();
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
    }
  }
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  return {
    app,
    BrowserWindow,
    windows,
    handlers,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })), showMessageBoxSync: vi.fn(() => 0) },
    ipcMain: { handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, fn)) },
    net: { fetch: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    clipboard: { writeText: vi.fn() },
    shell: { openPath: vi.fn(async () => '') },
  };
}
type FakeElectron = ReturnType<typeof fakeElectron>;

const current = vi.hoisted(() => ({ electron: undefined as unknown as Record<string, unknown> }));
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'net', 'protocol', 'session', 'Menu', 'clipboard', 'shell'];
  // Each export forwards to this test's fake (BrowserWindow is constructed, so the target is a function).
  const forward = (name: string) =>
    new Proxy(function () {}, {
      get: (_t, key) => (current.electron[name] as Record<PropertyKey, unknown>)[key],
      construct: (_t, args) => new (current.electron[name] as new (...a: unknown[]) => object)(...args),
    });
  return Object.fromEntries(names.map((name) => [name, forward(name)]));
});
// As on a Linux desktop without libsecret: the native module cannot be loaded.
const keytarLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('keytar', () => {
  keytarLoads.count++;
  throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(o: Options = {}): Promise<FakeElectron> {
  const userData = mkdtempSync(join(tmpdir(), 'profile-desk-start-'));
  dirs.push(userData);
  if (o.stored) writeFileSync(join(userData, 'preferences.json'), JSON.stringify({ locale: o.stored }));
  const electron = fakeElectron(o, userData);
  current.electron = electron as unknown as Record<string, unknown>;
  vi.resetModules();
  await import('../../../main/index');
  return electron;
}

const trusted = { senderFrame: { url: 'app://profile-desk/index.html', parent: null } };
type Entry = { label?: string; click?: () => void; submenu?: Entry[] };
const menuOf = (e: FakeElectron) => e.Menu.setApplicationMenu.mock.calls[0]?.[0] as Entry[] | undefined;

describe('starting the app', () => {
  it('a second instance stops at once: no scheme, no desk, no window, and the first one comes to the front', async () => {
    const e = await start({ lock: false });
    expect(e.app.quit).toHaveBeenCalledOnce();
    expect(e.app.whenReady).not.toHaveBeenCalled();
    expect(e.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(e.ipcMain.handle).not.toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);

    const first = await start();
    await vi.waitFor(() => expect(first.windows).toHaveLength(1));
    first.app.emit('second-instance');
    const win = first.windows[0] as unknown as { restore: () => void; focus: () => void };
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('passes the app’s language to Chromium before ready', async () => {
    const e = await start({ stored: 'de', languages: ['de-AT', 'en-US'] });
    expect(e.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'de-AT');
    const [switched] = e.app.commandLine.appendSwitch.mock.invocationCallOrder;
    expect(switched).toBeLessThan(e.app.whenReady.mock.invocationCallOrder[0]!);
    await vi.waitFor(() => expect(e.windows).toHaveLength(1));

    expect((await start({ stored: 'en', languages: ['de-DE', 'en-GB'] })).app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB');
    // No choice stored: the OS's language where the app speaks it, else German (as the app itself resolves it).
    expect((await start({ languages: ['en-US'] })).app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-US');
    expect((await start({ languages: ['fr-FR'] })).app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'de');
  });

  it('installs its own menu in the app’s language', async () => {
    const e = await start({ stored: 'en' });
    await vi.waitFor(() => expect(menuOf(e)).toBeDefined());
    expect(menuOf(e)!.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const g = await start({ stored: 'de' });
    await vi.waitFor(() => expect(menuOf(g)?.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']));
  });

  it('without libsecret it still starts, and the keychain check names what is missing', async () => {
    const loadsBefore = keytarLoads.count;
    const e = await start();
    await vi.waitFor(() => expect(e.windows).toHaveLength(1));
    expect(keytarLoads.count).toBe(loadsBefore); // nothing touched the keychain yet
    const answer = (await e.handlers.get('app:check-keychain')!(trusted)) as { ok: boolean; error?: { kind: string; code: string; details: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatchObject({ kind: 'keychain', code: 'unavailable' });
    expect(answer.error!.details).toContain('the keychain module (keytar) could not be loaded');
    expect(keytarLoads.count).toBeGreaterThan(loadsBefore); // loaded on first use, and only then
  });

  it('“Copy diagnostics for IT” puts the report on the clipboard and says so', async () => {
    const e = await start({ stored: 'en' });
    await vi.waitFor(() => expect(menuOf(e)).toBeDefined());
    const help = menuOf(e)!.find((m) => m.label === 'Help')!.submenu!;
    help.find((m) => m.label === 'Copy diagnostics for IT')!.click!();
    await vi.waitFor(() => expect(e.dialog.showMessageBox).toHaveBeenCalled());
    const text = e.clipboard.writeText.mock.calls[0]![0] as string;
    expect(text).toContain('Profile Desk 9.8.7');
    expect(text).toContain('Keychain: NOT working (unavailable)');
    expect(text).toContain('Policy: none');
    expect(text).toMatch(/"message":"started"/); // the log file's own lines
  });

  it('quitting waits until the desk has put its work down, then quits for real, once; closing the window asks nothing without a run', async () => {
    const e = await start();
    await vi.waitFor(() => expect(e.windows).toHaveLength(1));
    const closeEvent = { preventDefault: vi.fn() };
    e.windows[0]!.emit('close', closeEvent);
    expect(closeEvent.preventDefault).not.toHaveBeenCalled();
    expect(e.dialog.showMessageBoxSync).not.toHaveBeenCalled();

    const first = { preventDefault: vi.fn() };
    e.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalledOnce(); // held until the desk is closed…
    e.app.emit('before-quit', { preventDefault: vi.fn() }); // (a second Quit while closing changes nothing)
    await vi.waitFor(() => expect(e.app.quit).toHaveBeenCalledOnce()); // …then quit again
    const again = { preventDefault: vi.fn() };
    e.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('a start-up error shows a dialog with details for IT, then exits (the lock is released with the process)', async () => {
    const e = await start({ brokenPath: 'logs' });
    await vi.waitFor(() => expect(e.app.exit).toHaveBeenCalledWith(1));
    const [title, content] = e.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Profile Desk konnte nicht starten');
    expect(content).toContain('Bitte senden Sie den folgenden Text an die IT');
    expect(content).toContain('Profile Desk 9.8.7');
    expect(content).toContain("Error: Failed to get 'logs' path\n    at ");
    expect(e.windows).toHaveLength(0);
  });

  it('the same when Electron never gets ready, in the stored language', async () => {
    const e = await start({ stored: 'en', ready: () => Promise.reject(new Error('GPU process isn’t usable')) });
    await vi.waitFor(() => expect(e.app.exit).toHaveBeenCalledWith(1));
    expect(e.dialog.showErrorBox).toHaveBeenCalledWith('Profile Desk could not start', expect.stringContaining('GPU process isn’t usable'));
    expect(e.app.quit).not.toHaveBeenCalled();
  });
});

describe('chromiumLanguage', () => {
  it('uses the OS’s regional variant of the same language, else the bare language', () => {
    expect(chromiumLanguage('de', ['de-CH', 'en-US'])).toBe('de-CH');
    expect(chromiumLanguage('de', ['en-US', 'de_DE'])).toBe('de-DE');
    expect(chromiumLanguage('en', ['de-DE'])).toBe('en');
    expect(chromiumLanguage('de', [])).toBe('de');
    expect(chromiumLanguage('de', ['de-Latn-DE-u-ca-gregory'])).toBe('de'); // nothing exotic on the command line
  });
});
