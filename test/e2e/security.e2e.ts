/**
 * What electronegativity cannot see, checked in the harness: the preload's surface, the CSP in force,
 * and main refusing a page that is not the app.
 */
import { contract } from '../../main/ipc/contract';
import { expect, test } from './harness';

test.use({ appLocale: 'en' });

test('the preload exposes exactly the contract’s functions, frozen, and nothing of Node or IPC', async ({ app }) => {
  const surface = await app.page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const desk = w.desk as Record<string, unknown>;
    return {
      keys: Object.keys(desk).sort(),
      allFunctions: Object.values(desk).every((f) => typeof f === 'function'),
      frozen: Object.isFrozen(desk),
      leaked: ['require', 'process', 'ipcRenderer', 'electron', 'module'].filter((k) => k in w),
    };
  });
  expect(surface).toEqual({ keys: Object.keys(contract).sort(), allFunctions: true, frozen: true, leaked: [] });
});

// (eval cannot be checked from here: code Playwright evaluates runs outside the page's CSP.)
test('the CSP forbids inline script and inline event handlers', async ({ app }) => {
  const { page } = app;
  const result = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__handler = true');
    document.body.append(b);
    b.click();
    const w = window as unknown as { __inline?: boolean; __handler?: boolean };
    return { inline: w.__inline === true, handler: w.__handler === true };
  });
  expect(result).toEqual({ inline: false, handler: false });
  await expect.poll(() => app.consoleErrors.some((e) => /Content Security Policy/.test(e))).toBe(true);
});

test('main refuses IPC from a page that is not the app', async ({ app }) => {
  const { page, sim } = app;
  // The same tab navigated to another origin keeps the transport, but main checks who is calling.
  await page.goto(`${sim.baseUrl.replace(/\/[^/]+\/campaign$/, '')}/`);
  const answer = await page.evaluate(() =>
    (window as unknown as { __deskIpc: (c: string) => Promise<unknown> }).__deskIpc('connections:list'),
  );
  expect(answer).toMatchObject({ ok: false, error: { kind: 'invalidRequest', message: 'Untrusted sender' } });
  expect(app.logs.some((l) => l.includes('untrusted sender'))).toBe(true);
});

test('arguments cross like Electron’s structured clone: a Proxy (a Svelte $state object) is refused before anything is sent', async ({ app }) => {
  const { page } = app;
  const before = app.ipcCalls.length;
  const outcome = await page.evaluate(async () => {
    const desk = (window as unknown as { desk: { saveDraft(d: unknown): Promise<unknown> } }).desk;
    const state = new Proxy({ connectionId: 'demo', pkey: '@x', profileName: 'X', changes: { phone: '1' }, base: { values: { phone: null } } }, {});
    try {
      await desk.saveDraft(state);
      return 'sent';
    } catch (e) {
      return (e as Error).name;
    }
  });
  expect(outcome).toBe('DataCloneError');
  expect(app.ipcCalls.length).toBe(before);
  // Plain data still crosses, and main answers.
  const plain = await page.evaluate(async () => {
    const desk = (window as unknown as { desk: { listDrafts(): Promise<{ ok: boolean }> } }).desk;
    return (await desk.listDrafts()).ok;
  });
  expect(plain).toBe(true);
});
