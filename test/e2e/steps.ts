/** Operator steps shared by the e2e specs, written the way an operator would describe them. */
import type { Page } from '@playwright/test';
import type { Locale } from '../../main/model/connection';
import type { TestSimulator } from '../../main/simulator/test-hooks';
import { expect } from './harness';

/** The connection form's words, as the operator reads them. */
export const formWords = {
  en: {
    add: 'Add connection',
    name: 'Name',
    production: 'Production — real customer data',
    stage: 'Stage (test)',
    tenant: 'Tenant',
    oauth: 'Client ID and client secret (recommended)',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    advanced: 'Advanced settings (only if IT asks you to)',
    baseUrl: 'Base address (Campaign)',
    imsUrl: 'Token address (IMS)',
    saveAndTest: 'Save and test connection',
    works: 'Connection works',
    useNow: 'Use this connection now',
  },
  de: {
    add: 'Verbindung hinzufügen',
    name: 'Name',
    production: 'Produktion – echte Kundendaten',
    stage: 'Stage (Test)',
    tenant: 'Tenant',
    oauth: 'Client-ID und Client-Secret (empfohlen)',
    clientId: 'Client-ID',
    clientSecret: 'Client-Secret',
    advanced: 'Erweiterte Einstellungen (nur wenn die IT Sie darum bittet)',
    baseUrl: 'Basisadresse (Campaign)',
    imsUrl: 'Token-Adresse (IMS)',
    saveAndTest: 'Speichern und Verbindung testen',
    works: 'Die Verbindung funktioniert',
    useNow: 'Diese Verbindung jetzt verwenden',
  },
} as const;

export interface OAuthSetup {
  name: string;
  environment: 'production' | 'stage';
  clientId: string;
  clientSecret: string;
}

const words = {
  en: {
    demo: 'Try the demo — no Adobe account needed',
    search: 'Name, email or profile key',
    find: 'Search',
    open: (name: string) => `Open profile of ${name}`,
    review: 'Review changes',
    save: 'Save in Campaign',
    back: 'Back to editing',
    keepMine: 'Keep my value',
    takeTheirs: 'Take the value from Campaign',
    continue: 'Continue to review',
  },
  de: {
    demo: 'Demo ausprobieren – kein Adobe-Konto nötig',
    search: 'Name, E-Mail oder Profilschlüssel',
    find: 'Suchen',
    open: (name: string) => `Profil von ${name} öffnen`,
    review: 'Änderungen prüfen',
    save: 'In Campaign speichern',
    back: 'Zurück zur Bearbeitung',
    keepMine: 'Meinen Wert behalten',
    takeTheirs: 'Wert aus Campaign übernehmen',
    continue: 'Weiter zur Prüfung',
  },
} as const;

export const steps = (page: Page, locale: Locale = 'en') => {
  const w = words[locale];
  const searchBox = () => page.getByRole('searchbox', { name: w.search, exact: true });
  /** Types into the one search box and presses Enter. */
  const search = async (query: string) => {
    await searchBox().fill(query);
    await searchBox().press('Enter');
  };
  return {
    async startDemo() {
      await page.getByRole('button', { name: w.demo }).click();
      await expect(searchBox()).toBeVisible();
    },
    searchBox,
    search,
    /** The button that opens one result, by the name shown in the list. */
    result: (name: string) => page.getByRole('button', { name: w.open(name), exact: true }),
    /**
     * Opens a profile the way an operator does: search for its profile key; a key names one person, whose
     * profile opens straight away (an unknown key ends in "No profile found").
     */
    async loadProfile(pkey: string) {
      await search(pkey);
    },
    field: (label: string) => page.getByLabel(label, { exact: true }),
    async review() {
      await page.getByRole('button', { name: w.review }).click();
    },
    async save() {
      await page.getByRole('button', { name: w.save }).click();
    },
    async backToEditing() {
      await page.getByRole('button', { name: w.back }).click();
    },
    /** On the conflict screen: the choice for the field with this label. */
    async choose(field: string, choice: 'mine' | 'theirs') {
      const group = page.getByRole('group', { name: field });
      await group.getByRole('radio', { name: choice === 'mine' ? w.keepMine : w.takeTheirs }).check();
    },
    async continueAfterConflict() {
      await page.getByRole('button', { name: w.continue }).click();
    },
    /** Fills the guided connection form for an OAuth connection to the simulator, with the values IT gives. */
    async fillOAuthForm(sim: TestSimulator, s: OAuthSetup) {
      const f = formWords[locale];
      await page.getByRole('textbox', { name: f.name, exact: true }).fill(s.name);
      await page.getByRole('radio', { name: f[s.environment] }).check();
      await page.getByRole('textbox', { name: f.tenant }).fill(sim.tenant);
      await page.getByRole('radio', { name: f.oauth }).check();
      await page.getByRole('textbox', { name: f.clientId, exact: true }).fill(s.clientId);
      await page.getByLabel(f.clientSecret, { exact: true }).fill(s.clientSecret);
      await page.getByText(f.advanced).click();
      await page.getByRole('textbox', { name: f.baseUrl }).fill(sim.baseUrl);
      await page.getByRole('textbox', { name: f.imsUrl }).fill(sim.imsUrl);
    },
  };
};
