/**
 * The real Electron app, where an Electron binary exists (a developer laptop). The binary cannot be
 * downloaded on CI machines here, so this spec then says so in one line and skips. The binary is found
 * without require('electron'), which would start a download.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
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
});
