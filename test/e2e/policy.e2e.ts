/**
 * IT's policy file through the real renderer, preload and handlers, in German and English: a connection IT set
 * up (to the simulator, as production) shown and locked, its credentials entered once, no Demo, no adding, the
 * language fixed, a production save confirmed by typing the connection's name; what the renderer might still
 * ask for is refused by main. A broken policy is shown at start with details for IT. Screenshots of each screen.
 */
import type { Page } from '@playwright/test';
import type { Locale } from '../../main/model/connection';
import type { TestSimulator } from '../../main/simulator/test-hooks';
import { expect, test } from './harness';
import { look } from './look';
import { formWords, steps } from './steps';

const itPolicy = (language: Locale) => ({
  text: (sim: TestSimulator) =>
    JSON.stringify({
    version: 1,
    connections: [{ id: 'prod', name: 'Produktion DE', tenant: sim.tenant, environment: 'production', baseUrl: sim.baseUrl, imsUrl: sim.imsUrl }],
    lockConnections: true,
    hideDemo: true,
    confirmProductionSaves: true,
    maxRequestsPerSecond: 8,
    maxBulkRows: 1000,
    language,
  }),
});

const w = {
  de: {
    connectTitle: 'Mit Campaign verbinden',
    managed: 'Von Ihrer IT eingerichtet',
    locked: 'Auf diesem Computer richtet Ihre IT die Verbindungen ein.',
    enter: 'Zugangsdaten eingeben: Produktion DE',
    formTitle: 'Zugangsdaten für „Produktion DE“',
    formNote: 'Diese Verbindung hat Ihre IT eingerichtet.',
    language: 'Sprache von Ihrer IT festgelegt',
    confirm: /Tippen Sie den Namen der Verbindung ein, „Produktion DE“/,
    mismatch: 'Das ist noch nicht der Name der Verbindung.',
    confirmed: 'Bestätigt',
    phone: 'Telefon',
    brokenTitle: 'Die Einstellungsdatei Ihrer IT ist nicht verwendbar',
    details: 'Technische Details für die IT',
  },
  en: {
    connectTitle: 'Connect to Campaign',
    managed: 'Set up by your IT',
    locked: 'Your IT sets up the connections on this computer.',
    enter: 'Enter credentials for Produktion DE',
    formTitle: 'Credentials for “Produktion DE”',
    formNote: 'Your IT set up this connection.',
    language: 'Language set by your IT',
    confirm: /type the connection’s name, “Produktion DE”/,
    mismatch: 'This is not the connection’s name yet.',
    confirmed: 'Confirmed',
    phone: 'Phone',
    brokenTitle: 'Your IT’s settings file cannot be used',
    details: 'Technical details for IT',
  },
} as const;

/** What a renderer could still try, straight through the preload: main must refuse each. */
async function refusedByMain(page: Page, sim: TestSimulator): Promise<string[]> {
  return page.evaluate(async ({ tenant, baseUrl, imsUrl }) => {
    const desk = (window as unknown as { desk: Record<string, (r?: unknown) => Promise<{ ok: boolean; error?: { kind: string; code?: string } }>> }).desk;
    const answers = [
      await desk.saveConnection!({ name: 'Mine', tenant, environment: 'stage', apiName: 'profileAndServicesExt', baseUrl, authMode: 'oauth', imsUrl }),
      await desk.deleteConnection!({ connectionId: 'it-prod' }),
      await desk.startDemo!(),
      await desk.setLocale!({ locale: 'en' }),
      await desk.setBulkRate!({ requestsPerSecond: 20 }),
    ];
    return answers.map((a) => (a.ok ? 'allowed' : `${a.error!.kind}/${a.error!.code}`));
  }, { tenant: sim.tenant, baseUrl: sim.baseUrl, imsUrl: sim.imsUrl });
}

for (const locale of ['de', 'en'] as const) {
  test.describe(`IT’s policy in ${locale}`, () => {
    // The OS speaks the other language: the policy's wins.
    test.use({ appLocale: locale === 'de' ? 'en' : 'de', policy: itPolicy(locale) });
    const words = w[locale];

    test('IT’s connection locked, credentials entered once, no Demo, the language fixed, a production save confirmed by typing', async ({ app }) => {
      const { page, sim } = app;
      await expect(page.getByRole('heading', { level: 1, name: words.connectTitle })).toBeVisible();
      const card = page.getByRole('listitem').filter({ hasText: 'Produktion DE' });
      await expect(card.getByText(words.managed)).toBeVisible();
      await expect(page.getByText(words.locked)).toBeVisible();
      await expect(page.getByRole('button', { name: /demo/i })).toHaveCount(0);
      await expect(page.getByRole('button', { name: formWords[locale].add })).toHaveCount(0);
      await expect(card.getByRole('button', { name: /löschen|delete/i })).toHaveCount(0);
      await expect(page.getByRole('group', { name: /Sprache|Language/ })).toHaveCount(0);
      await expect(page.getByTitle(words.language)).toBeVisible();
      await look(page, locale, '60-policy-connect');

      await page.getByRole('button', { name: words.enter }).click();
      await expect(page.getByRole('heading', { name: words.formTitle })).toBeFocused();
      await expect(page.getByText(words.formNote)).toBeVisible();
      await expect(page.getByRole('textbox', { name: formWords[locale].tenant })).toHaveCount(0);
      await page.getByRole('textbox', { name: formWords[locale].clientId, exact: true }).fill(sim.apiKey);
      await page.getByLabel(formWords[locale].clientSecret, { exact: true }).fill(sim.clientSecret);
      await look(page, locale, '61-policy-credentials');
      await page.getByRole('button', { name: formWords[locale].saveAndTest }).click();
      await expect(page.getByText(formWords[locale].works)).toBeVisible();
      await page.getByRole('button', { name: formWords[locale].useNow }).click();

      const op = steps(page, locale);
      const pkey = sim.pkeys()[0]!;
      await op.loadProfile(pkey);
      await op.field(words.phone).fill('030 4444444');
      await op.review();
      const typed = page.getByLabel(words.confirm);
      await expect(typed).toBeVisible();
      await op.save();
      await expect(page.getByText(words.mismatch)).toBeVisible();
      await expect(typed).toBeFocused();
      expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
      await typed.fill('produktion de');
      await look(page, locale, '62-policy-review-confirm');
      await typed.press('Enter');
      await expect(page.getByText(words.confirmed).first()).toBeVisible();
      expect(sim.getProfile(pkey)!.phone).toBe('030 4444444');

      expect(await refusedByMain(page, sim)).toEqual(['policy/connectionsLocked', 'policy/managedConnection', 'policy/demoHidden', 'policy/languageFixed', 'policy/rateLimit']);
      expect(app.consoleErrors).toEqual([]);
    });
  });

  test.describe(`a broken policy in ${locale}`, () => {
    const broken = (sim: TestSimulator) => JSON.stringify({ version: 1, connections: [{ id: 'x', name: 'X', tenant: sim.tenant, environment: 'stage' }], lockConnection: true });
    test.use({ appLocale: locale, policy: { text: broken } });
    const words = w[locale];

    test('is shown at start with details for IT; the safest reading applies', async ({ app }) => {
      const { page } = app;
      await expect(page.getByRole('heading', { name: words.brokenTitle })).toBeVisible();
      await expect(page.getByLabel(words.details)).toHaveValue(/Unrecognized key: "lockConnection"/);
      await expect(page.getByRole('button', { name: formWords[locale].add })).toHaveCount(0);
      await expect(page.getByRole('listitem').filter({ hasText: 'X' })).toHaveCount(0);
      await look(page, locale, '63-policy-broken');
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
