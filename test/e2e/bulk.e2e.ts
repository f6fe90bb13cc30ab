/**
 * Bulk changes through the real renderer, preload and handlers, in German and English: a German Excel CSV
 * is loaded, a column assigned by hand, the preview read, the run started on stage, paused and continued, the
 * rows not applied saved, and the whole run undone from the history. Screenshots of each step, axe-core on
 * each. A keyboard-only walk through the same flow, and the list stays short in the DOM however long the file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import type { TestSimulator } from '../../main/simulator/test-hooks';
import { expect, screenshot, test } from './harness';
import { look } from './look';
import { steps } from './steps';

const w = {
  de: {
    entry: 'Profile aus einer Tabelle ändern', choose: 'Datei auswählen …', showPreview: 'Vorschau anzeigen', fieldFor: (c: string) => `Feld für Spalte ${c}`,
    mobile: 'Mobiltelefon', start: (n: number) => `${n} Profile ändern …`, startChange: 'Änderung starten', pause: 'Anhalten', resume: 'Fortsetzen',
    done: 'Fertig', saveFailed: 'Nicht übernommene Zeilen speichern …', saveProblems: 'Zeilen mit Problemen speichern …', history: 'Verlauf',
    undoRun: 'Diese Massenänderung rückgängig machen …', willChange: (n: number) => `${n} Profile werden geändert`, oneProblem: '1 Zeile hat ein Problem und wird nicht übernommen',
    notFound: 'Kein Profil gefunden', paused: 'Angehalten', outcome: 'Ergebnis', notApplied: 'Nicht übernommen', confirmed: 'Bestätigt', undoNote: 'Eine Massenänderung rückgängig machen',
    export: 'Als CSV exportieren', showRows: 'Zeilen anzeigen', undone: 'Rückgängig gemacht am',
  },
  en: {
    entry: 'Change profiles from a spreadsheet', choose: 'Choose a file…', showPreview: 'Show the preview', fieldFor: (c: string) => `Field for column ${c}`,
    mobile: 'Mobile phone', start: (n: number) => `Change ${n} profiles…`, startChange: 'Start the change', pause: 'Pause', resume: 'Continue',
    done: 'Done', saveFailed: 'Save the rows not applied…', saveProblems: 'Save the rows with problems…', history: 'History',
    undoRun: 'Undo this bulk change…', willChange: (n: number) => `${n} profiles will change`, oneProblem: '1 row has a problem and will not be applied',
    notFound: 'No profile found', paused: 'Paused', outcome: 'Outcome', notApplied: 'Not applied', confirmed: 'Confirmed', undoNote: 'Undoing a bulk change',
    export: 'Export as CSV', showRows: 'Show the rows', undone: 'Undone on',
  },
} as const;

/** A German Excel "CSV (Trennzeichen-getrennt)": ';', Windows-1252, CRLF. Row 2 onwards: the profiles. */
function umzugCsv(sim: TestSimulator): { bytes: Buffer; keys: string[] } {
  const keys = sim.pkeys().slice(0, 4);
  const p = (k: string) => sim.getProfile(k)!;
  const rows = [
    ['Profilschlüssel', 'Telefon', 'Ort', 'Mobil-Nr.', 'Geburtsdatum'],
    [keys[0]!, '030 7000001', 'Görlitz', '0171 1000001', '01.02.1980'],
    [keys[1]!, '030 7000002', 'Weißwasser', '', ''],
    [keys[2]!, '030 7000003', '', '0171 1000003', '15.06.1975'],
    [keys[3]!, String(p(keys[3]!).phone), String((p(keys[3]!).location as { city: string }).city), '', ''],
    ['@Zk2nR1b0c2VyLXByb2ZpbGUtOTk5OTk5', '030 7000009', 'Zittau', '', ''],
  ];
  return { bytes: iconv.encode(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'win1252'), keys };
}

async function dropFile(page: Page, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(({ name, b64 }) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], name, { type: 'text/csv' }));
    return dt;
  }, { name, b64: bytes.toString('base64') });
  await page.locator('.drop').dispatchEvent('drop', { dataTransfer });
}

for (const locale of ['de', 'en'] as const) {
  test.describe(`bulk change in ${locale}`, () => {
    test.use({ appLocale: locale, simOptions: { latencyMs: 15 } });
    const words = w[locale];

    test('a German Excel CSV: fix a column, read the preview, run on stage with pause and continue, save the rows not applied, undo the run', async ({ app }) => {
      const { page, sim, dialogs, userDataDir } = app;
      const op = steps(page, locale);
      await op.startDemo();
      await page.getByRole('button', { name: words.entry }).click();
      await expect(page.getByRole('heading', { level: 1, name: words.entry })).toBeFocused();
      await look(page, locale, '50-bulk-file');
      // A slow pace, so there is time to pause the run.
      await page.getByLabel(locale === 'de' ? 'Anfragen pro Sekunde' : 'Requests per second').fill('2');
      await page.getByRole('button', { name: locale === 'de' ? 'Tempo übernehmen' : 'Set pace' }).click();
      await expect(page.getByRole('status').filter({ hasText: locale === 'de' ? 'Ab jetzt: 2 Anfragen pro Sekunde.' : 'From now on: 2 requests per second.' })).toBeVisible();

      const { bytes, keys } = umzugCsv(sim);
      const before = keys.map((k) => sim.getProfile(k)!);
      if (locale === 'de') await dropFile(page, 'Umzüge März.csv', bytes);
      else {
        const path = join(userDataDir, 'Umzüge März.csv');
        await import('node:fs/promises').then((fs) => fs.writeFile(path, bytes));
        dialogs.nextOpen.push(path);
        await page.getByRole('button', { name: words.choose }).click();
      }
      // The column nobody recognised ("Mobil-Nr.") is assigned by hand; the others were found by their headings.
      const mobile = page.getByLabel(words.fieldFor('Mobil-Nr.'));
      await expect(mobile).toHaveValue('');
      await expect(page.getByLabel(words.fieldFor('Ort'))).toHaveValue('location.city');
      await mobile.selectOption({ label: words.mobile });
      await look(page, locale, '51-bulk-mapping');
      await page.getByRole('button', { name: words.showPreview }).click();

      await expect(page.getByText(words.willChange(3))).toBeVisible();
      await expect(page.getByText(words.oneProblem)).toBeVisible();
      expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
      await page.getByRole('button', { name: new RegExp(words.notFound) }).click();
      await expect(page.getByRole('row').filter({ hasText: 'Zittau' }).or(page.getByRole('row').filter({ hasText: '@Zk2nR1b0c2VyLXByb2ZpbGUtOTk5OTk5' })).first()).toBeVisible();
      await look(page, locale, '52-bulk-preview');
      const problemsFile = join(userDataDir, 'probleme.csv');
      dialogs.nextSave.push(problemsFile);
      await page.getByRole('button', { name: words.saveProblems }).click();
      await expect(page.getByRole('status').filter({ hasText: 'probleme.csv' })).toBeVisible();
      expect((await readFile(problemsFile)).toString('utf8')).toContain('Zittau');

      // Slow enough to pause: the run goes at the pace chosen on the first step.
      await page.getByRole('button', { name: words.start(3) }).click();
      await expect(page.getByRole('button', { name: words.startChange })).toBeVisible();
      await look(page, locale, '53-bulk-confirm');
      await page.getByRole('button', { name: words.startChange }).click();
      await page.getByRole('button', { name: words.pause }).click();
      await expect(page.getByRole('heading', { name: words.paused })).toBeVisible();
      await look(page, locale, '53b-bulk-run-paused');
      await page.getByRole('button', { name: words.resume }).click();
      await expect(page.getByRole('heading', { name: words.done })).toBeVisible({ timeout: 30_000 });
      await look(page, locale, '54-bulk-run-done');
      expect(keys.slice(0, 3).map((k) => sim.getProfile(k)!.phone)).toEqual(['030 7000001', '030 7000002', '030 7000003']);
      expect(sim.getProfile(keys[0]!)).toMatchObject({ mobilePhone: '0171 1000001', birthDate: '1980-02-01', location: { city: 'Görlitz' } });

      const failedFile = join(userDataDir, 'nicht-uebernommen.csv');
      dialogs.nextSave.push(failedFile);
      await page.getByRole('button', { name: words.saveFailed }).click();
      await expect(page.getByRole('status').filter({ hasText: 'nicht-uebernommen.csv' })).toBeVisible();
      const failed = (await readFile(failedFile)).toString('utf8');
      expect(failed.split('\r\n').filter(Boolean)).toHaveLength(2); // header + the row not applied
      expect(failed).toContain(words.notApplied);

      await page.getByRole('button', { name: words.history }).click();
      await page.getByRole('button', { name: words.undoRun }).click();
      await expect(page.getByText(words.undoNote)).toBeVisible();
      await expect(page.getByText(words.willChange(3))).toBeVisible();
      await look(page, locale, '55-bulk-undo-preview');
      await page.getByRole('button', { name: words.start(3) }).click();
      await page.getByRole('button', { name: words.startChange }).click();
      await expect(page.getByRole('heading', { name: words.done })).toBeVisible({ timeout: 30_000 });
      expect(keys.slice(0, 3).map((k) => sim.getProfile(k)!.phone)).toEqual(before.slice(0, 3).map((p) => p.phone));

      // The history: both runs, each opening to its rows; the export lists every row with its file and line.
      await page.getByRole('button', { name: words.history }).click();
      await expect(page.getByRole('button', { name: words.showRows })).toHaveCount(2);
      await expect(page.getByText(words.undone)).toBeVisible();
      await expect(page.getByRole('button', { name: words.undoRun })).toHaveCount(0);
      await page.getByRole('button', { name: words.showRows }).last().click();
      await look(page, locale, '56-bulk-history');
      const exportFile = join(userDataDir, 'verlauf.csv');
      dialogs.nextSave.push(exportFile);
      await page.getByRole('button', { name: words.export }).click();
      await expect(page.getByRole('status').filter({ hasText: 'verlauf.csv' })).toBeVisible();
      const exported = (await readFile(exportFile)).toString('utf8').slice(1).split('\r\n').filter(Boolean).map((l) => l.split(';'));
      const lines = exported.filter((cells) => cells.at(-2) === 'Umzüge März.csv').map((cells) => cells.at(-1));
      expect(new Set(lines)).toEqual(new Set(['2', '3', '4']));
      expect(app.consoleErrors).toEqual([]);
    });
  });
}

test.describe('keyboard only', () => {
  test.use({ appLocale: 'en' });

  /** Presses Tab until the element with this accessible name has the focus. */
  async function tabTo(page: Page, name: string | RegExp) {
    for (let i = 0; i < 80; i++) {
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
      });
      if (typeof name === 'string' ? focused === name : name.test(focused)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${name} with Tab`);
  }

  test('the whole bulk flow without a mouse', async ({ app }) => {
    const { page, sim, dialogs, userDataDir } = app;
    await tabTo(page, 'Try the demo — no Adobe account needed');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('searchbox')).toBeVisible();
    await tabTo(page, 'Change profiles from a spreadsheet');
    await page.keyboard.press('Enter');
    const { bytes, keys } = umzugCsv(sim);
    const path = join(userDataDir, 'umzug.csv');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, bytes));
    dialogs.nextOpen.push(path);
    await tabTo(page, 'Choose a file…');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Field for column Mobil-Nr.')).toBeVisible();
    await tabTo(page, 'Show the preview');
    await page.keyboard.press('Enter');
    await expect(page.getByText('3 profiles will change')).toBeVisible();
    await tabTo(page, 'Change 3 profiles…');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Start the change' })).toBeVisible();
    await tabTo(page, 'Start the change');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible({ timeout: 30_000 });
    dialogs.nextSave.push(join(userDataDir, 'result.csv'));
    await tabTo(page, 'Save the result file…');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'result.csv' })).toBeVisible();
    expect(sim.getProfile(keys[0]!)!.phone).toBe('030 7000001');
  });
});

test.describe('quitting during a run', () => {
  test.use({ appLocale: 'en', simOptions: { profileCount: 30 } });

  test('the run pauses cleanly, the Find screen says so after the restart, and it continues without applying a row twice', async ({ app }) => {
    const { page, sim } = app;
    await steps(page, 'en').startDemo();
    await page.getByRole('button', { name: 'Change profiles from a spreadsheet' }).click();
    await page.getByLabel('Requests per second').fill('3');
    await page.getByRole('button', { name: 'Set pace' }).click();
    const keys = sim.pkeys().slice(0, 12);
    const rows = [['Profilschlüssel', 'Telefon'], ...keys.map((k, i) => [k, `0800 100 ${i}`])];
    await dropFile(page, 'quit.csv', iconv.encode(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'win1252'));
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await page.getByRole('button', { name: 'Change 12 profiles…' }).click();
    await page.getByRole('button', { name: 'Start the change' }).click();
    const patches = () => sim.requests.filter((r) => r.method === 'PATCH');
    await expect.poll(() => patches().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

    await app.restart();
    const sentBefore = patches().length;
    expect(sentBefore).toBeLessThan(12);
    await page.getByRole('button', { name: 'Use connection Demo' }).click();
    await expect(page.getByText('A bulk change was not finished. You can continue it where it stopped.')).toBeVisible();
    await screenshot(page, 'en', '57-bulk-unfinished-find');
    await page.getByRole('button', { name: 'See the unfinished change' }).click();
    await expect(page.getByText(/quit\.csv on Demo, started .*: \d+ of 12 profiles done/)).toBeVisible();
    await page.getByRole('button', { name: 'Continue this change' }).click();
    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible({ timeout: 30_000 });

    const perProfile = new Map<string, number>();
    for (const r of patches()) perProfile.set(r.path, (perProfile.get(r.path) ?? 0) + 1);
    expect([...perProfile.values()].every((n) => n === 1)).toBe(true);
    expect(perProfile.size).toBe(12);
    expect(keys.map((k) => sim.getProfile(k)!.phone)).toEqual(keys.map((_, i) => `0800 100 ${i}`));
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByText('Confirmed: 12')).toBeVisible();
    expect(app.consoleErrors).toEqual([]);
  });
});

test.describe('a long file', () => {
  test.use({ appLocale: 'en', simOptions: { profileCount: 250 } });

  test('the preview of 250 rows keeps only a few dozen rows in the page', async ({ app }) => {
    const { page, sim } = app;
    await steps(page, 'en').startDemo();
    await page.getByRole('button', { name: 'Change profiles from a spreadsheet' }).click();
    await page.getByLabel('Requests per second').fill('20');
    await page.getByRole('button', { name: 'Set pace' }).click();
    const rows = [['Profilschlüssel', 'Telefon'], ...sim.pkeys().slice(0, 250).map((k, i) => [k, `0800 ${i}`])];
    await dropFile(page, 'lang.csv', iconv.encode(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'win1252'));
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await expect(page.getByText('250 profiles will change')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: '250 rows' })).toBeVisible();
    const inDom = await page.locator('.viewport [role="row"]').count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(60);
    // Scrolled to the end, the last line is drawn (and still only a few dozen rows).
    await page.locator('.viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.locator('.viewport [role="row"]').filter({ hasText: /^251/ })).toBeVisible();
    expect(await page.locator('.viewport [role="row"]').count()).toBeLessThan(60);
  });
});
