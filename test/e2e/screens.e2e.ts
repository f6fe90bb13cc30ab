/**
 * Walks every screen in German and English, writes a screenshot of each to test/artifacts/screens/
 * and checks each with axe-core (no serious or critical violation).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness';
import { look } from './look';
import { formWords, steps } from './steps';

const t = {
  en: { keychainTitle: 'Profile Desk needs the password storage', secretRefused: 'Adobe did not accept the client secret', saveOnly: 'Save without testing', token: 'Access token from IT', tokenField: 'Access token', close: 'Close', manage: 'Manage connections', expired: 'Token expired since', add: 'Add connection', phone: 'Phone', email: 'Email', city: 'City', confirmed: 'The change was confirmed by Campaign', differs: '1 of 2 changes differs', notVerified: 'Saved, but not verified yet', notFound: 'No profile found for', refused: 'Campaign did not accept a value', resultsFor: 'Results for', noneFor: 'No profile found for', tier: 'Loyalty tier', customerNumber: 'Customer number', conflict: 'This profile was changed in Campaign since you opened it', drafts: 'Unsaved changes', history: 'History', historyHeading: 'History', undo: /^Undo this change/ },
  de: { keychainTitle: 'Profile Desk braucht den Passwortspeicher', secretRefused: 'Adobe hat das Client-Secret nicht akzeptiert', saveOnly: 'Ohne Test speichern', token: 'Zugriffstoken von der IT', tokenField: 'Zugriffstoken', close: 'Schließen', manage: 'Verbindungen verwalten', expired: 'Token abgelaufen seit', add: 'Verbindung hinzufügen', phone: 'Telefon', email: 'E-Mail', city: 'Ort', confirmed: 'Die Änderung wurde von Campaign bestätigt', differs: '1 von 2 Änderungen weicht ab', notVerified: 'Gespeichert, aber noch nicht geprüft', notFound: 'Kein Profil gefunden für', refused: 'Campaign hat einen Wert nicht akzeptiert', resultsFor: 'Ergebnisse für', noneFor: 'Kein Profil gefunden für', tier: 'Loyalty tier', customerNumber: 'Customer number', conflict: 'Dieses Profil wurde in Campaign geändert, seit Sie es geöffnet haben', drafts: 'Nicht gespeicherte Änderungen', history: 'Verlauf', historyHeading: 'Verlauf', undo: /^Diese Änderung rückgängig machen/ },
} as const;

/** A pasted token that says it expired yesterday (main reads the JWT's exp for display). */
function expiredJwt(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) - 86_400 })}.signature`;
}

for (const locale of ['de', 'en'] as const) {
  test.describe(`every screen in ${locale}`, () => {
    test.use({ appLocale: locale });
    const w = t[locale];
    const f = formWords[locale];

    test('guided connection form, a passed test, production marked up to the review', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await page.getByRole('button', { name: f.add }).click();
      await op.fillOAuthForm(sim, { name: 'Acme Live', environment: 'production', clientId: sim.apiKey, clientSecret: sim.clientSecret });
      await look(page, locale, '12-connection-form-filled');
      await page.getByRole('button', { name: f.saveAndTest }).click();
      await expect(page.getByRole('heading', { name: f.works })).toBeFocused();
      await look(page, locale, '13-connection-test-ok');
      await page.getByRole('button', { name: f.useNow }).click();
      await op.loadProfile(sim.pkeys()[0]!);
      await op.field(w.phone).fill('+49 30 5550123');
      await op.review();
      await look(page, locale, '15-production-review');
    });

    test('a failed connection test, and the list with both sign-in methods', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await page.getByRole('button', { name: f.add }).click();
      await op.fillOAuthForm(sim, { name: 'Acme Live', environment: 'production', clientId: sim.apiKey, clientSecret: 'wrong-secret' });
      await page.getByRole('button', { name: f.saveAndTest }).click();
      await expect(page.getByRole('alert')).toContainText(w.secretRefused);
      await look(page, locale, '14-connection-test-failed');
      await page.getByLabel(f.clientSecret, { exact: true }).fill(sim.clientSecret);
      await page.getByRole('button', { name: f.saveAndTest }).click();
      await page.getByRole('button', { name: w.close }).click();

      await page.getByRole('button', { name: f.add }).click();
      await page.getByRole('textbox', { name: f.name, exact: true }).fill('Acme Test');
      await page.getByRole('radio', { name: f.stage }).check();
      await page.getByRole('textbox', { name: f.tenant }).fill('acme-mkt-stage1');
      await page.getByRole('radio', { name: w.token }).check();
      await page.getByRole('textbox', { name: f.clientId }).fill('4f1c0b7e9d2a4c6b8e3f5a7d9c1b2e40');
      await page.getByLabel(w.tokenField, { exact: true }).fill(expiredJwt());
      await page.getByRole('button', { name: w.saveOnly }).click();
      await expect(page.getByText(w.expired)).toBeVisible();
      await look(page, locale, '16-connections');
    });

    test('connect, add connection, find', async ({ app }) => {
      const { page } = app;
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await look(page, locale, '01-connect');
      await page.getByRole('button', { name: w.add }).click();
      await look(page, locale, '02-connection-form');
      await page.reload();
      await steps(page, locale).startDemo();
      await look(page, locale, '03-find');
    });

    test('edit, review, confirmed result', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await op.startDemo();
      await op.loadProfile(sim.pkeys()[0]!);
      await expect(op.field(w.phone)).toBeVisible();
      await look(page, locale, '04-edit');
      await op.field(w.phone).fill('+49 30 5550123');
      await op.field(w.email).fill('kein-at-zeichen');
      await op.field(w.email).blur();
      await look(page, locale, '05-edit-changed-invalid');
      await op.field(w.email).fill(String(sim.getProfile(sim.pkeys()[0]!)!.email));
      await op.review();
      await look(page, locale, '06-review');
      await op.save();
      await expect(page.getByRole('heading', { name: w.confirmed })).toBeVisible();
      await look(page, locale, '07-result-confirmed');
    });

    test('a differing value', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      sim.setNormalizer('phone', (v) => String(v).replace(/\s+/g, ''));
      await op.startDemo();
      await op.loadProfile(sim.pkeys()[1]!);
      await op.field(w.phone).fill('030 1234 5678');
      await op.field(w.city).fill('Görlitz');
      await op.review();
      await op.save();
      await expect(page.getByRole('heading', { name: w.differs })).toBeVisible();
      await look(page, locale, '08-result-differs');
    });

    test('search results, empty search, custom fields, conflict', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      const pkey = sim.pkeys()[0]!;
      await op.startDemo();
      await op.search('familie.mueller@example.com');
      await expect(page.getByRole('heading', { name: w.resultsFor })).toBeFocused();
      await look(page, locale, '18-search-shared-email');

      await op.search('müller');
      await expect(page.getByRole('heading', { name: w.noneFor })).toBeFocused();
      await look(page, locale, '19-search-empty');

      await op.loadProfile(pkey);
      await op.field(w.tier).selectOption('silver');
      await op.field(w.customerNumber).fill('K-100999');
      await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header stays at the top of the picture
      await look(page, locale, '20-custom-fields');

      await op.field(w.phone).fill('+49 30 5550199');
      await op.review();
      sim.changeProfile(pkey, { phone: '+49 30 7770000', mobilePhone: '0171 3920099' });
      await op.save();
      await expect(page.getByRole('heading', { name: w.conflict })).toBeFocused();
      await look(page, locale, '21-conflict');
      await op.continueAfterConflict(); // without a choice: each field says what is missing
      await expect(page.getByRole('radio').first()).toBeFocused();
      await page.evaluate(() => window.scrollTo(0, 0));
      await look(page, locale, '22-conflict-choice-missing');
    });

    test('unsaved changes offered after a restart, the history, an undo in review', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await op.startDemo();
      await op.loadProfile(sim.pkeys()[0]!);
      await op.field(w.phone).fill('+49 30 5550123');
      await op.review();
      await op.save();
      await expect(page.getByRole('heading', { name: w.confirmed })).toBeVisible();
      await page.getByRole('button', { name: w.history }).click();
      await expect(page.getByRole('heading', { name: w.historyHeading, level: 1 })).toBeFocused();
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
      await look(page, locale, '23-history');
      await page.getByRole('button', { name: w.undo }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await look(page, locale, '24-undo-review');
      await op.backToEditing();
      await op.field(w.phone).fill('+49 30 5550999');
      // The draft is kept ~400 ms after the last change.
      await expect.poll(async () => (await readdir(join(app.userDataDir, 'drafts')).catch(() => [])).length).toBe(1);
      await page.reload();
      await op.startDemo();
      await expect(page.getByRole('region', { name: w.drafts })).toBeVisible();
      await look(page, locale, '25-drafts-offered');
    });

    test('errors: unknown profile, refused value, not verified', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await op.startDemo();
      await op.loadProfile(`${sim.pkeys()[0]!.slice(0, -4)}AAAA`);
      await expect(page.getByRole('heading', { name: w.notFound })).toBeFocused();
      await look(page, locale, '09-error-not-found');

      await op.loadProfile(sim.pkeys()[4]!);
      await op.field(w.phone).fill('0711 999');
      await op.review();
      sim.injectFault({ kind: 'status', method: 'PATCH', status: 500, body: { code: 500, message: "RST-360011 An error has occurred - please repeat your request. The value '0711 999' is not valid for 'phone'." } });
      await op.save();
      await expect(page.getByRole('alert')).toContainText(w.refused);
      await look(page, locale, '10-error-save-refused');

      // Retry the save; fail only the verifying GET, armed once the PATCH has reached the server.
      sim.setLatency(600);
      await op.save();
      await expect.poll(() => sim.requests.filter((r) => r.method === 'PATCH').length, { intervals: [20] }).toBe(2);
      sim.injectFault({ kind: 'status', status: 503, method: 'GET', times: 3 }); // the retries fail too
      await expect(page.getByRole('heading', { name: w.notVerified })).toBeVisible();
      await look(page, locale, '11-result-not-verified');
    });
  });
}

for (const locale of ['de', 'en'] as const) {
  test.describe(`the keychain screen in ${locale}`, () => {
    test.use({ appLocale: locale, keychainState: 'locked' });

    test('a locked keychain at start', async ({ app }) => {
      const { page } = app;
      await expect(page.getByRole('heading', { name: t[locale].keychainTitle })).toBeFocused();
      await look(page, locale, '17-keychain-locked');
    });
  });
}
