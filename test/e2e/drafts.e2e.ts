import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

/** The drafts main keeps on disk (one file per profile). */
async function draftFiles(userDataDir: string): Promise<string[]> {
  try {
    return (await readdir(join(userDataDir, 'drafts'))).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

test('an edit survives a restart as a draft; continuing and saving it ends the draft', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 30 4440001');
  // Kept shortly after the last keystroke, without any save.
  await expect.poll(() => draftFiles(app.userDataDir)).toHaveLength(1);

  await page.reload(); // main keeps running: for the renderer this is a restart
  await op.startDemo();
  const drafts = page.getByRole('region', { name: 'Unsaved changes' });
  await expect(drafts).toContainText(/Unsaved changes for .+ from /);
  await drafts.getByRole('button', { name: /^Continue editing/ }).click();
  await expect(op.field('Phone')).toHaveValue('+49 30 4440001');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  expect(sim.getProfile(pkey)!.phone).toBe('+49 30 4440001');
  expect(await draftFiles(app.userDataDir)).toEqual([]);

  await page.getByRole('button', { name: 'Find another profile' }).click();
  await expect(page.getByRole('heading', { name: 'Find a profile' })).toBeFocused();
  await page.waitForTimeout(500);
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('a failed save keeps the draft across a restart', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[3]!;
  const before = sim.getProfile(pkey)!.phone;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('0711 999');
  await op.review();
  sim.injectFault({ kind: 'status', method: 'PATCH', status: 500, body: { code: 500, message: 'RST-360011 x' } });
  await op.save();
  await expect(page.getByRole('alert')).toContainText('Campaign did not accept a value');
  expect(sim.getProfile(pkey)!.phone).toBe(before);
  expect(await draftFiles(app.userDataDir)).toHaveLength(1);

  await page.reload();
  await op.startDemo();
  const drafts = page.getByRole('region', { name: 'Unsaved changes' });
  await expect(drafts).toContainText(/Unsaved changes for .+ from /);
  await drafts.getByRole('button', { name: /^Continue editing/ }).click();
  await expect(op.field('Phone')).toHaveValue('0711 999');
});

test('undoing every edit, or “Discard changes”, removes the draft', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[1]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  const phone = op.field('Phone');
  const original = await phone.inputValue();
  await phone.fill('+49 30 1010101');
  await expect.poll(() => draftFiles(app.userDataDir)).toHaveLength(1);
  await phone.fill(original);
  await expect.poll(() => draftFiles(app.userDataDir)).toHaveLength(0);

  await phone.fill('+49 30 2020202');
  await expect.poll(() => draftFiles(app.userDataDir)).toHaveLength(1);
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /Discard/ }).click();
  await expect(phone).toHaveValue(original);
  await expect.poll(() => draftFiles(app.userDataDir)).toHaveLength(0);
});

test('a continued draft still checks for changes made in Campaign since it was started', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[2]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 30 3330003');
  await expect.poll(() => draftFiles(app.userDataDir)).toHaveLength(1);
  await page.reload();
  sim.changeProfile(pkey, { phone: '+49 30 9990009' }); // a colleague, while the app was closed
  await op.startDemo();
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: /^Continue editing/ }).click();
  await expect(op.field('Phone')).toHaveValue('+49 30 3330003');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: 'This profile was changed in Campaign since you opened it' })).toBeFocused();
  expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  expect(sim.getProfile(pkey)!.phone).toBe('+49 30 9990009');
  expect(await draftFiles(app.userDataDir)).toHaveLength(1);
});
