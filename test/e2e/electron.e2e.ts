/**
 * The real Electron app, where an Electron binary exists (a developer laptop). The binary cannot be
 * downloaded on CI machines here, so this spec then says so in one line and skips. The binary is found
 * without require('electron'), which would start a download.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contract } from '../../main/ipc/contract';

const root = resolve(__dirname, '../..');

function electronBinary(): string | undefined {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(candidate) ? candidate : undefined;
  }
  const pathTxt = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathTxt)) return undefined;
  const candidate = join(root, 'node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(candidate) ? candidate : undefined;
}

const binary = electronBinary();
if (!binary) console.log('electron.e2e: skipped — no Electron binary installed (node_modules/electron/dist), nothing downloaded.');

test.describe('the packaged Electron app', () => {
  test.skip(!binary, 'no Electron binary on this machine');

  test('opens locked down and loads a demo profile', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, LANG: 'en_US.UTF-8' } });
    try {
      const page = await app.firstWindow();
      // No Node in the page, and the preload's world is isolated: only the contract's functions are visible.
      const page_ = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        desk: Object.keys((window as unknown as { desk: object }).desk).length,
      }));
      expect(page_).toEqual({ require: 'undefined', process: 'undefined', desk: Object.keys(contract).length });
      await page.getByRole('button', { name: /demo/i }).click();
      await expect(page.getByRole('searchbox', { name: /profile key/i })).toBeVisible();
    } finally {
      await app.close();
    }
  });

  /** The app with its own, fresh user data folder (Electron honours --user-data-dir), in the given stored language. */
  async function launch(o: { stored?: 'de' | 'en'; env?: Record<string, string> } = {}): Promise<{ app: ElectronApplication; close(): Promise<void> }> {
    const userData = mkdtempSync(join(tmpdir(), 'profile-desk-e2e-'));
    if (o.stored) writeFileSync(join(userData, 'preferences.json'), JSON.stringify({ locale: o.stored }));
    const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${userData}`], env: { ...process.env, LANG: 'en_US.UTF-8', ...o.env } });
    return {
      app,
      async close() {
        await app.close();
        rmSync(userData, { recursive: true, force: true });
      },
    };
  }

  test('starts Chromium in the app’s language (--lang): German dates read 31.12.2024', async () => {
    const { app, close } = await launch({ stored: 'de' });
    try {
      const page = await app.firstWindow();
      expect(await app.evaluate(({ app: a }) => a.commandLine.getSwitchValue('lang'))).toMatch(/^de/);
      const seen = await page.evaluate(() => ({ language: navigator.language, date: new Intl.DateTimeFormat().format(new Date(2024, 11, 31)) }));
      expect(seen.language).toMatch(/^de/);
      expect(seen.date).toBe('31.12.2024');
    } finally {
      await close();
    }
  });

  test('has its own menu in the app’s language, with the Edit roles and Help’s items', async () => {
    const { app, close } = await launch({ stored: 'en' });
    try {
      await app.firstWindow();
      const menu = await app.evaluate(({ Menu }) =>
        (Menu.getApplicationMenu()?.items ?? []).map((item) => ({ label: item.label, items: (item.submenu?.items ?? []).map((i) => ({ label: i.label, role: i.role ?? '' })) })),
      );
      const labels = menu.map((m) => m.label);
      expect(labels).toEqual(process.platform === 'darwin' ? ['Profile Desk', 'Edit', 'View', 'Window', 'Help'] : ['File', 'Edit', 'View', 'Help']);
      const edit = menu.find((m) => m.label === 'Edit')!.items.map((i) => i.role.toLowerCase()).filter(Boolean);
      expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectall']);
      const help = menu.find((m) => m.label === 'Help')!.items.map((i) => i.label).filter(Boolean);
      expect(help).toEqual([expect.stringMatching(/^Profile Desk, version /), 'Copy diagnostics for IT', 'Open log folder']);
      // Started from the repository (not packaged): the developer tools are there; a packaged build has none
      // (test/unit/shell/menu-template.test.ts).
      expect(await app.evaluate(({ app: a }) => a.isPackaged)).toBe(false);
    } finally {
      await close();
    }
  });

  test('files are written through the OS save dialog: cancelled writes nothing; a chosen place is named once written', async () => {
    const { app, close } = await launch({ stored: 'en' });
    const exports = mkdtempSync(join(tmpdir(), 'profile-desk-export-'));
    try {
      const page = await app.firstWindow();
      await page.getByRole('button', { name: /demo/i }).click();
      const search = page.getByRole('searchbox', { name: /profile key/i });
      await search.fill('Müller');
      await search.press('Enter');
      await page.getByRole('button', { name: /^Open profile of / }).first().click();
      await page.getByLabel('Phone', { exact: true }).fill('030 5550199');
      await page.getByRole('button', { name: 'Review changes' }).click();
      await page.getByRole('button', { name: 'Save in Campaign' }).click();
      await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
      await page.getByRole('button', { name: 'History' }).click();

      // Electron's own dialog module, overridden in main: first the operator cancels, then chooses a file.
      await app.evaluate(({ dialog }) => {
        dialog.showSaveDialog = (async () => ({ canceled: true, filePath: '' })) as typeof dialog.showSaveDialog;
      });
      await page.getByRole('button', { name: 'Export as CSV' }).click();
      await expect(page.getByRole('button', { name: 'Export as CSV' })).toBeEnabled();
      await expect(page.getByText(/Saved as/)).toHaveCount(0);

      const target = join(exports, 'history.csv');
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
      }, target);
      await page.getByRole('button', { name: 'Export as CSV' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Saved as history.csv in ${exports}` })).toBeVisible();
      expect(readFileSync(target, 'utf8')).toContain('030 5550199');
    } finally {
      await close();
      rmSync(exports, { recursive: true, force: true });
    }
  });

  test('a keychain backend that cannot be loaded (no libsecret) ends on the keychain screen, not in a crash', async () => {
    test.skip(process.platform !== 'linux', 'libsecret is a Linux library');
    // The dynamic loader finds this empty file first, so keytar's native module fails to load as without libsecret.
    const libs = mkdtempSync(join(tmpdir(), 'profile-desk-nolibsecret-'));
    writeFileSync(join(libs, 'libsecret-1.so.0'), '');
    const { app, close } = await launch({ stored: 'en', env: { LD_LIBRARY_PATH: libs } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Profile Desk needs the password storage' })).toBeVisible();
      await expect(page.getByText('The password storage cannot be used on this computer')).toBeVisible();
    } finally {
      await close();
      rmSync(libs, { recursive: true, force: true });
    }
  });
});
