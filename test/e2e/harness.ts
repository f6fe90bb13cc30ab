/**
 * The one e2e fixture: the built renderer in Debian's Chromium, the REAL preload and the REAL main-process
 * handlers (createDesk + registerHandlers), a real keychain (the private gnome-keyring of test/with-keyring.sh)
 * and the Campaign simulator over real HTTP. Only Electron's IPC transport is replaced by a Playwright binding.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDesk } from '../../main/app/create-desk';
import { registerHandlers, type IpcEventLike, type IpcMainLike } from '../../main/ipc/register';
import { createLogger, createRedactor } from '../../main/logging/logger';
import { createLogFile } from '../../main/logging/log-file';
import { readPolicyFile } from '../../main/policy/policy-file';
import { createKeychainStore, type KeychainBackend } from '../../main/secrets/keychain-store';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { startTestSimulator, type TestSimulator, type SimulatorOptions } from '../../main/simulator/test-hooks';
import type { Locale } from '../../main/model/connection';
import { standInDialogs, type StandInDialogs } from '../support/file-dialogs';
import { fromWire } from './wire';

const RENDERER_DIR = resolve(__dirname, '../../dist/renderer');

let preloadBundle: Promise<string> | undefined;
/** The real main/preload.ts, bundled with `electron` swapped for the harness transport. */
function realPreload(): Promise<string> {
  preloadBundle ??= build({
    entryPoints: [resolve(__dirname, '../../main/preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    alias: { electron: resolve(__dirname, 'electron-transport.ts') },
    logLevel: 'warning',
  }).then((r) => r.outputFiles[0]!.text);
  return preloadBundle;
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves dist/renderer with the app's CSP header, as the app:// protocol does in Electron. */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolve(RENDERER_DIR, `.${path === '/' ? '/index.html' : decodeURIComponent(path)}`);
    try {
      if (!file.startsWith(RENDERER_DIR + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { server, origin: `http://127.0.0.1:${port}` };
}

export interface DeskApp {
  page: Page;
  sim: TestSimulator;
  userDataDir: string;
  /** Every line the main-process logger wrote. */
  logs: string[];
  /** Every IPC answer the renderer received, as sent. */
  ipcAnswers: unknown[];
  /** The channel of every IPC call the renderer made, in order. */
  ipcCalls: string[];
  /** Every console error and page error in the renderer (CSP violations show up here). */
  consoleErrors: string[];
  /** The open and save dialogs: queue their answers, read what they were asked. */
  dialogs: StandInDialogs;
  /** Quit main (as the app quits) and start it again over the same user data and keychain; the page reloads. */
  restart(): Promise<void>;
  /** Help → "Copy diagnostics for IT", as the app builds it (this run's log file included). */
  diagnostics(): Promise<string>;
}

interface Options {
  appLocale: Locale;
  simOptions: SimulatorOptions;
  /**
   * 'locked' runs the real keychain store over a keytar stand-in that behaves as a locked gnome-keyring
   * does (reads null, writes fail with libsecret's message), to show the app's keychain screen. The real
   * failure modes themselves are tested against real keyrings in test/unit/secrets.
   */
  keychainState: 'working' | 'locked';
  /**
   * IT's policy file for this run, written from the simulator's addresses (a connection to it); none by default.
   * Wrapped in an object: Playwright would take a bare function for a fixture.
   */
  policy: { text: (sim: TestSimulator) => string } | null;
}

const lockedKeyring: KeychainBackend = {
  getPassword: async () => null,
  setPassword: async () => {
    throw new Error('Cannot create an item in a locked collection');
  },
  deletePassword: async () => false,
};

export const test = base.extend<Options & { app: DeskApp }>({
  appLocale: ['de', { option: true }],
  simOptions: [{}, { option: true }],
  keychainState: ['working', { option: true }],
  policy: [null, { option: true }],
  locale: async ({ appLocale }, use) => use(appLocale === 'de' ? 'de-DE' : 'en-US'),
  app: async ({ page, appLocale, simOptions, keychainState, policy: itPolicy }, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'profile-desk-e2e-'));
    const sim = await startTestSimulator(simOptions);
    // Read the way the app reads /etc/profile-desk/policy.json (or a missing file: no policy).
    const policyFile = join(userDataDir, 'policy.json');
    if (itPolicy) await writeFile(policyFile, itPolicy.text(sim), 'utf8');
    const policy = readPolicyFile(policyFile);
    const { server, origin } = await serveRenderer();
    const logs: string[] = [];
    const ipcAnswers: unknown[] = [];
    const ipcCalls: string[] = [];
    const consoleErrors: string[] = [];
    const redactor = createRedactor();
    const dialogs = standInDialogs();
    // The app's rotating log file, tiny here (the app logs little) so a session fills more than one generation.
    const logFile = createLogFile({ file: join(userDataDir, 'logs', 'profile-desk.log'), maxBytes: 200, keep: 2 });
    const writeLog = (line: string) => {
      logs.push(line);
      logFile.append(line);
    };
    const keychainNamespace = `Profile Desk e2e ${randomUUID()}/`;
    const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
    // The test owns the simulator: a desk closing (a restart) must not stop it.
    const { tenant, baseUrl, imsUrl, apiKey, clientSecret } = sim;
    const demoBackend = async () => ({ tenant, baseUrl, imsUrl, apiKey, clientSecret, close: async () => {} });
    const startDesk = () => {
      const desk = createDesk({
        userDataDir,
        secrets: keychainState === 'locked' ? createKeychainStore(lockedKeyring) : createKeychainStore(),
        keychainNamespace,
        osLanguages: [appLocale === 'de' ? 'de-DE' : 'en-US'],
        appVersion: '0.0.0-e2e',
        redactor,
        startDemoSimulator: demoBackend,
        dialogs,
        policy,
      });
      listeners.clear();
      const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
      registerHandlers(ipc, desk.handlers, {
        isTrustedUrl: (url) => url.startsWith(`${origin}/`),
        log: createLogger(writeLog, redactor),
      });
      return desk;
    };
    let desk = startDesk();
    /** Quits main as the app does (runs paused cleanly) and starts it again on the same data; the page reloads. */
    const restart = async () => {
      await desk.close();
      desk = startDesk();
      await page.reload();
    };
    await page.exposeBinding('__deskIpc', async (source, channel: string, ...args: unknown[]) => {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      ipcCalls.push(channel);
      const frame = source.frame;
      const answer = await listener({ senderFrame: { url: frame.url(), parent: frame.parentFrame() } }, ...(args.map(fromWire)));
      ipcAnswers.push(answer);
      return answer;
    });
    await page.addInitScript({ content: await realPreload() });
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${origin}/index.html`);
    const diagnostics = () =>
      desk.diagnostics(
        { appVersion: '0.0.0-e2e', versions: process.versions, os: { platform: process.platform, release: 'e2e', arch: process.arch }, locale: appLocale, folders: { data: userDataDir, logs: logFile.dir } },
        logFile.tail,
      );
    await use({ page, sim, userDataDir, logs, ipcAnswers, ipcCalls, consoleErrors, dialogs, restart, diagnostics });
    await desk.close();
    await sim.close();
    server.close();
    await logFile.tail(0); // the log's queued lines written, so nothing lands in the folder while it is removed
    await rm(userDataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Writes a screenshot where later runs keep it (Playwright empties test-results/). */
export async function screenshot(page: Page, locale: Locale, name: string, opts: { viewportOnly?: boolean } = {}): Promise<string> {
  const path = resolve(__dirname, '../artifacts/screens', `${locale}-${name}.png`);
  // The whole page, unless what matters is what the window shows (sticky bars are drawn where they stick);
  // from the top, or the sticky header is drawn where the page was scrolled to.
  if (!opts.viewportOnly) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: !opts.viewportOnly });
  return path;
}
