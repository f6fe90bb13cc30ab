/** Operator steps shared by the e2e specs, written the way an operator would describe them. */
import type { Page } from '@playwright/test';
import type { Locale } from '../../main/ipc/contract';
import { expect } from './harness';

const words = {
  en: { demo: 'Try the demo — no Adobe account needed', key: 'Profile key', load: 'Load profile', review: 'Review changes', save: 'Save in Campaign', back: 'Back to editing' },
  de: { demo: 'Demo ausprobieren – kein Adobe-Konto nötig', key: 'Profilschlüssel', load: 'Profil laden', review: 'Änderungen prüfen', save: 'In Campaign speichern', back: 'Zurück zur Bearbeitung' },
} as const;

export const steps = (page: Page, locale: Locale = 'en') => {
  const w = words[locale];
  return {
    async startDemo() {
      await page.getByRole('button', { name: w.demo }).click();
      await expect(page.getByRole('textbox', { name: w.key, exact: true })).toBeVisible();
    },
    async loadProfile(pkey: string) {
      await page.getByRole('textbox', { name: w.key, exact: true }).fill(pkey);
      await page.getByRole('button', { name: w.load }).click();
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
  };
};
