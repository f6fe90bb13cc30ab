/**
 * Secrets stay secret: a whole session with recognisable secret values (set up connections, get tokens,
 * load, save, fail), then every place a secret could leak to is searched for them: zero hits allowed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeskApi } from '../../main/ipc/contract';
import { expect, test } from './harness';
import { steps } from './steps';

const CLIENT_ID = 'LEAKCHECK-client-id-7f3a9c0d';
const CLIENT_SECRET = 'LEAKCHECK-client-secret-51d2e8aa';
const PASTED_TOKEN = 'LEAKCHECK-pasted-token-90be41c7';

test.use({
  appLocale: 'en',
  simOptions: { extraClients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, campaignAccess: true }] },
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test('no secret reaches the renderer, an IPC answer, a log (rotated ones included), diagnostics for IT, the user-data folder or the DOM', async ({ app }) => {
  const { page, sim } = app;
  const common = { tenant: sim.tenant, apiName: 'profileAndServicesExt', baseUrl: sim.baseUrl, imsUrl: sim.imsUrl, apiKey: CLIENT_ID } as const;
  // Set up both kinds of connection through the real preload and IPC handlers.
  const ids = await page.evaluate(
    async ({ common, secret, pasted }) => {
      const desk = (window as unknown as { desk: DeskApi }).desk;
      const oauth = await desk.saveConnection({ ...common, name: 'Leak OAuth', environment: 'stage', authMode: 'oauth', clientSecret: secret });
      const token = await desk.saveConnection({ ...common, name: 'Leak token', environment: 'production', authMode: 'token', accessToken: pasted });
      if (!oauth.ok || !token.ok) throw new Error('setup failed');
      const check = await desk.testConnection({ connectionId: oauth.value.id });
      if (!check.ok) throw new Error(`test connection failed: ${check.error.details}`);
      return { oauth: oauth.value.id, token: token.value.id };
    },
    { common, secret: CLIENT_SECRET, pasted: PASTED_TOKEN },
  );

  // Work as an operator: load, save, a token that expires mid-session (renewed), a save that fails.
  await page.reload();
  const op = steps(page);
  await page.getByRole('button', { name: 'Use connection Leak OAuth' }).click();
  await op.loadProfile(sim.pkeys()[0]!);
  await op.field('Phone').fill('+49 40 1234567');
  await op.review();
  sim.expireTokens();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit this profile again' }).click();
  await op.field('Phone').fill('+49 40 7654321');
  await op.review();
  sim.injectFault({ kind: 'status', status: 500, method: 'PATCH', body: { code: 500, message: 'RST-360011 simulated failure' } });
  await op.save();
  await expect(page.getByRole('alert')).toContainText('Campaign did not accept a value');

  // The pasted token is refused by Campaign (it never came from its IMS): a failure with details.
  const refused = await page.evaluate(
    async ({ id, pkey }) => (window as unknown as { desk: DeskApi }).desk.loadProfile({ connectionId: id, pkey }),
    { id: ids.token, pkey: sim.pkeys()[0]! },
  );
  expect(refused.ok).toBe(false);

  const issuedTokens = [...new Set(sim.requests.map((r) => r.headers.authorization?.replace(/^Bearer /, '')).filter((t): t is string => !!t))];
  expect(issuedTokens.length).toBeGreaterThanOrEqual(3); // the first token, its renewal, the pasted one
  const secrets = [CLIENT_ID, CLIENT_SECRET, PASTED_TOKEN, ...issuedTokens];

  const diagnostics = await app.diagnostics();
  expect(diagnostics).toContain('Leak OAuth: tenant'); // the report really covers the connections…
  expect(diagnostics).toContain('"message":'); // …and the log
  const logFiles = (await filesUnder(join(app.userDataDir, 'logs'))).map((f) => f.split('/').pop());
  expect(logFiles).toEqual(expect.arrayContaining(['profile-desk.log', 'profile-desk.log.1'])); // rotated at least once

  const places: Record<string, string> = {
    'diagnostics for IT': diagnostics,
    'IPC answers': JSON.stringify(app.ipcAnswers),
    logs: app.logs.join('\n'),
    'console errors': app.consoleErrors.join('\n'),
    DOM: await page.content(),
    'input values': (await page.locator('input, textarea, select').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).join('\n'),
  };
  for (const file of await filesUnder(app.userDataDir)) places[file] = await readFile(file, 'utf8');
  expect(Object.keys(places).length).toBeGreaterThanOrEqual(6); // at least connections.json on disk
  expect(app.ipcAnswers.length).toBeGreaterThan(10);

  const hits = Object.entries(places).flatMap(([where, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 12)}…`));
  expect(hits).toEqual([]);
});
