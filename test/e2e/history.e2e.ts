import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

test('two saves: newest first, filtered by outcome, exported as a German-Excel CSV in the app’s language', async ({ app }) => {
  const { page, sim } = app;
  const [first, second] = [sim.pkeys()[0]!, sim.pkeys()[1]!];
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(first);
  await op.field('Phone').fill('+49 30 1111111');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  await page.getByRole('button', { name: 'Find another profile' }).click();
  await op.loadProfile(second);
  await op.field('City').fill('Görlitz');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();

  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeFocused();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3); // header + two saves
  await expect(rows.nth(1)).toContainText(second);
  await expect(rows.nth(1)).toContainText('Görlitz');
  await expect(rows.nth(1)).toContainText('Confirmed');
  await expect(rows.nth(1)).toContainText('STAGE');
  await expect(rows.nth(2)).toContainText(first);
  await expect(rows.nth(2)).toContainText('+49 30 1111111');

  // Only failed saves: there are none.
  await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Failed' });
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByText('No saved changes match this filter.')).toBeVisible();
  await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Confirmed' });
  await page.getByLabel('Profile key').fill(first);
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(first);

  // Cancelled in the save dialog: nothing is written, and the app does not claim otherwise.
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect.poll(() => app.dialogs.asked.length).toBe(1);
  expect(app.dialogs.asked[0]).toMatchObject({ kind: 'save', title: 'Save the history as a CSV file' });
  expect(app.dialogs.asked[0]!.suggestedName).toMatch(/^profile-desk-history-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByRole('button', { name: 'Export as CSV' })).toBeEnabled();
  await expect(page.getByText(/Saved as/)).toHaveCount(0);

  const target = join(app.userDataDir, 'exports', 'history.csv');
  await mkdir(dirname(target), { recursive: true });
  app.dialogs.nextSave.push(target);
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved as history.csv in ${dirname(target)}` })).toBeVisible();
  const bytes = await readFile(target);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(lines[0]!.split(';')).toEqual([
    'Time',
    'Computer user',
    'Connection',
    'Environment',
    'Profile key',
    'Profile name',
    'Field',
    'Old value',
    'New value',
    'Outcome',
    'Bulk change from file',
    'Line in the file',
  ]);
  expect(lines).toHaveLength(3); // header, the one filtered change, and the final CRLF
  const cells = lines[1]!.split(';');
  expect(cells[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(cells[3]).toBe('Stage (test)');
  expect(cells[4]).toBe(first.replace(/^([=+\-@])/, "'$1"));
  expect(cells[6]).toBe('phone');
  expect(cells[8]).toBe("'+49 30 1111111");
  expect(cells[9]).toBe('Confirmed');
  expect(app.consoleErrors).toEqual([]);
});

test.describe('in German', () => {
  test.use({ appLocale: 'de' });
test('the CSV’s header and outcome are German', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page, 'de');
  await op.startDemo();
  await op.loadProfile(sim.pkeys()[0]!);
  await op.field('Telefon').fill('030 5550000');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: /bestätigt/i })).toBeVisible();
  await page.getByRole('button', { name: 'Verlauf' }).click();
  await expect(page.getByRole('heading', { name: 'Verlauf', level: 1 })).toBeFocused();
  const target = join(app.userDataDir, 'verlauf.csv');
  app.dialogs.nextSave.push(target);
  await page.getByRole('button', { name: 'Als CSV exportieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Als verlauf.csv in ${app.userDataDir} gespeichert.` })).toBeVisible();
  expect(app.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', title: 'Verlauf als CSV-Datei speichern' });
  const text = (await readFile(target)).toString('utf8');
  const [header, line] = text.slice(1).split('\r\n');
  expect(header!.split(';')).toEqual(['Zeit', 'Computer-Benutzer', 'Verbindung', 'Umgebung', 'Profilschlüssel', 'Profilname', 'Feld', 'Alter Wert', 'Neuer Wert', 'Ergebnis', 'Massenänderung aus Datei', 'Zeile in der Datei']);
  expect(line!.split(';').slice(-6)).toEqual(['phone', "'+49 30 23125 101", '030 5550000', 'Bestätigt', '', '']);
});
});

test('undo from the history: the old phone is back in Campaign, and both saves are listed', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!;
  const before = String(sim.getProfile(pkey)!.phone);
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 30 6660006');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  expect(sim.getProfile(pkey)!.phone).toBe('+49 30 6660006');

  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: /^Undo this change/ }).click();
  await expect(page.getByRole('heading', { name: 'Check your changes' })).toBeFocused();
  await expect(page.getByText('You are undoing an earlier change')).toBeVisible();
  await expect(page.getByRole('table')).toContainText(before);
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  expect(sim.getProfile(pkey)!.phone).toBe(before);

  await page.getByRole('button', { name: 'History' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Undo of an earlier change');
  await expect(rows.nth(1)).toContainText(before);
  await expect(rows.nth(2)).not.toContainText('Undo of an earlier change');
  await expect(rows.nth(2)).toContainText('+49 30 6660006');
});
