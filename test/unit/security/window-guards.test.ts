// @vitest-environment node
/**
 * main/window.ts's guards against what electronegativity does not check: new windows, navigation,
 * redirects, webviews and permission requests. Electron itself cannot run here, so the electron module is
 * replaced by event emitters that record what the guards register (TOOLCHAIN.md: vi.mock('electron')).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const app = new EventEmitter();
const permissions: { request?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void; check?: (wc: unknown, p: string) => boolean } = {};
vi.mock('electron', () => ({
  app,
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: vi.fn(),
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof permissions.request) => (permissions.request = fn),
      setPermissionCheckHandler: (fn: typeof permissions.check) => (permissions.check = fn),
    },
  },
}));

const { hardenSessions } = await import('../../../main/window');

function contents() {
  const wc = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } };
  Object.assign(wc, { setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (wc.openHandler = fn) });
  app.emit('web-contents-created', {}, wc);
  return wc;
}
const prevented = (wc: EventEmitter, event: string, ...args: unknown[]) => {
  const e = { preventDefault: vi.fn() };
  wc.emit(event, e, ...args);
  return e.preventDefault.mock.calls.length > 0;
};

describe('window guards', () => {
  hardenSessions();

  it('denies every new window', () => {
    expect(contents().openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('refuses navigation, redirects and webviews', () => {
    const wc = contents();
    expect(prevented(wc, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented(wc, 'will-navigate', 'app://profile-desk/index.html')).toBe(true);
    expect(prevented(wc, 'will-redirect', 'https://example.com/')).toBe(true);
    expect(prevented(wc, 'will-attach-webview', {}, {})).toBe(true);
  });

  it('refuses every permission except writing to the clipboard', () => {
    for (const p of ['notifications', 'media', 'geolocation', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      permissions.request?.({}, p, (ok) => (granted = ok));
      expect(granted, p).toBe(false);
      expect(permissions.check?.({}, p), p).toBe(false);
    }
    let clipboard: boolean | undefined;
    permissions.request?.({}, 'clipboard-sanitized-write', (ok) => (clipboard = ok));
    expect(clipboard).toBe(true);
  });
});
