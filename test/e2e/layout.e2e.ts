/**
 * The window at its default size (1200 × 880) in both languages: the header on one line in every state,
 * a field's message never under the sticky action bar, buttons that do not wrap. Screenshots of each state.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './harness';
import { formWords, steps } from './steps';

const words = {
  en: { history: 'History', manage: 'Manage connections', showField: 'Go to field', cancel: 'Cancel', consent: 'Newsletter consent date', customer: 'Customer number' },
  de: { history: 'Verlauf', manage: 'Verbindungen verwalten', showField: 'Zum Feld', cancel: 'Abbrechen', consent: 'Newsletter consent date', customer: 'Customer number' },
} as const;

/** Every visible child of the header sits on one line: same vertical centre, header no taller than one row. */
async function expectOneLine(page: Page) {
  const header = page.locator('header.app-header');
  const boxes = await header.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('.brand, .header-connection > *, .lang')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.className || e.tagName, mid: Math.round(r.top + r.height / 2), right: Math.round(r.right), width: Math.round(r.width), scroll: e.scrollWidth, client: e.clientWidth };
      }),
  );
  const height = (await header.boundingBox())!.height;
  expect(height, JSON.stringify(boxes)).toBeLessThan(70);
  const mids = boxes.map((b) => b.mid);
  expect(Math.max(...mids) - Math.min(...mids), JSON.stringify(boxes)).toBeLessThanOrEqual(4);
  expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(1200);
}

/** The element is on screen and no other element (the sticky bar) is drawn over its centre. */
async function expectUncovered(page: Page, target: Locator) {
  await expect(target).toBeInViewport({ ratio: 1 });
  const covered = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const points = [
      [r.left + 4, r.top + r.height / 2],
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.right - 4, r.bottom - 2],
    ];
    return points.some(([x, y]) => {
      const top = document.elementFromPoint(x!, y!);
      return !top || !(el === top || el.contains(top));
    });
  });
  expect(covered).toBe(false);
}

for (const locale of ['de', 'en'] as const) {
  test.describe(`layout at 1200 × 880 in ${locale}`, () => {
    test.use({ appLocale: locale, viewport: { width: 1200, height: 880 } });
    const w = words[locale];
    const f = formWords[locale];

    test('the header fits one line: Demo, stage, production and a long connection name', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await op.startDemo();
      await expectOneLine(page);
      await screenshot(page, locale, '40-header-demo');

      const addAndUse = async (name: string, environment: 'stage' | 'production') => {
        await page.getByRole('button', { name: w.manage }).click();
        await page.getByRole('button', { name: f.add }).click();
        await op.fillOAuthForm(sim, { name, environment, clientId: sim.apiKey, clientSecret: sim.clientSecret });
        await page.getByRole('button', { name: f.saveAndTest }).click();
        await page.getByRole('button', { name: f.useNow }).click();
        await expect(op.searchBox()).toBeVisible();
      };
      await addAndUse('Acme Stage', 'stage');
      await expectOneLine(page);
      await screenshot(page, locale, '41-header-stage');
      await addAndUse('Acme Live', 'production');
      await expectOneLine(page);
      await screenshot(page, locale, '42-header-production');
      await addAndUse('Kundenservice Nordrhein-Westfalen – Produktion (Haupt-Instanz Düsseldorf)', 'production');
      await expectOneLine(page);
      // A long name is shortened in the header, never cut without a way to read it whole.
      const select = page.locator('header select');
      await expect(select).toHaveAttribute('title', /Kundenservice Nordrhein-Westfalen – Produktion \(Haupt-Instanz Düsseldorf\)/);
      await screenshot(page, locale, '43-header-long-name');
      await page.getByRole('button', { name: w.history }).click();
      await expectOneLine(page);
    });

    test('an error on the last field stays visible above the action bar', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      await op.startDemo();
      await op.loadProfile(sim.pkeys()[0]!);
      const input = op.field(w.customer);
      // The operator scrolled so that the last editable field sits just above the sticky action bar, and types
      // a value that is too long: its message appears below the field, where the bar is.
      await input.evaluate((el) => {
        const bar = document.querySelector('.footer-bar')!.getBoundingClientRect();
        window.scrollBy(0, el.getBoundingClientRect().bottom - (bar.top - 6));
      });
      await input.pressSequentially('X'.repeat(21));
      await expectUncovered(page, page.locator('.field.invalid .field-error'));
      await screenshot(page, locale, '44-edit-error-last-field', { viewportOnly: true });
      // "Go to field" from the top of the page lands on the field with its message in view.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: w.showField }).click();
      await expect(input).toBeFocused();
      await expectUncovered(page, page.locator('.field.invalid .field-error'));
      // Tabbing into a field near the bottom keeps it clear of the bar too.
      await page.evaluate(() => window.scrollTo(0, 0));
      await op.field(w.consent).focus();
      await expectUncovered(page, op.field(w.consent));
    });

    test('German and English buttons stay on one line in the connection form', async ({ app }) => {
      const { page } = app;
      // With a connection saved, the form offers Cancel too ("Abbrechen" used to wrap onto its own line).
      await steps(page, locale).startDemo();
      await page.getByRole('button', { name: w.manage }).click();
      await page.getByRole('button', { name: f.add }).click();
      const row = page.locator('.connection-form .form-actions');
      await expect(row.getByRole('button', { name: w.cancel })).toBeVisible();
      const tops = await row.locator('button').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(new Set(tops).size, `button tops ${tops}`).toBe(1);
      const heights = await row.locator('button').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().height)));
      expect(Math.max(...heights), `button heights ${heights}`).toBeLessThan(48);
      await screenshot(page, locale, '45-connection-form-buttons');
    });
  });
}
