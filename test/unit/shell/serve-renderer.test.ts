// @vitest-environment node
/** main/window.ts serveRenderer: what app:// answers. A handler that rejects makes Electron answer ERR_UNEXPECTED. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  app: { on: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (scheme: string, fn: (request: Request) => Promise<Response>) => handlers.set(scheme, fn) },
  BrowserWindow: vi.fn(),
  session: {},
}));

const { serveRenderer } = await import('../../../main/window');

const dir = mkdtempSync(join(tmpdir(), 'profile-desk-renderer-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Profile Desk</title>');
mkdirSync(join(dir, 'assets', 'folder.js'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

serveRenderer(dir);
const get = (url: string) => handlers.get('app')!(new Request(url));

describe('app:// protocol', () => {
  it('serves a file with the CSP header', async () => {
    const res = await get('app://profile-desk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('Profile Desk');
  });

  it('answers 404 for a missing asset instead of rejecting', async () => {
    const res = await get('app://profile-desk/assets/missing-4f2a.js');
    expect(res.status).toBe(404);
    expect((await get('app://profile-desk/assets/folder.js')).status).toBe(404); // a folder where a file should be
    expect((await get('app://profile-desk/no/such/dir/x.css')).status).toBe(404);
  });

  it('answers 404 outside the renderer folder and for unknown types', async () => {
    expect((await get('app://profile-desk/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('app://profile-desk/index.exe')).status).toBe(404);
  });
});
