/**
 * The whole flow with the keyboard alone: find → open → edit → review → save → result, and back to the
 * results. No clicks after the demo has started; the focus lands where the operator needs it at each step.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

/** Presses Tab until `target` has the focus (as an operator would), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('find → open → edit the phone → review → save → result, keyboard only', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo(); // setup; from here on only the keyboard
  const sabine = sim.pkeys()[1]!;

  await expect(page.getByRole('heading', { name: 'Find a profile' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(op.searchBox()).toBeFocused();
  await page.keyboard.type('familie.mueller@example.com');
  await page.keyboard.press('Enter');

  // After the search: the results heading; the first result is one Tab away, the arrows move on.
  await expect(page.getByRole('heading', { name: 'Results for “familie.mueller@example.com”' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(op.result('Jürgen Müller')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(op.result('Sabine Müller')).toBeFocused();
  await page.keyboard.press('Enter');

  // After opening: the profile's heading.
  await expect(page.getByRole('heading', { name: 'Sabine Müller', level: 1 })).toBeFocused();
  const phone = op.field('Phone');
  await tabTo(page, phone);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('+49 30 4445556');
  await expect(phone).toHaveValue('+49 30 4445556');
  await page.keyboard.press('Enter'); // submits the form: "Review changes"

  const review = page.getByRole('heading', { name: 'Check your changes' });
  await expect(review).toBeFocused();
  // Escape goes back to editing without losing anything; the profile heading takes the focus again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Sabine Müller', level: 1 })).toBeFocused();
  await expect(phone).toHaveValue('+49 30 4445556');
  await tabTo(page, phone);
  await page.keyboard.press('Enter');
  await expect(review).toBeFocused();

  await tabTo(page, page.getByRole('button', { name: 'Save in Campaign' }));
  await page.keyboard.press('Enter');

  // After saving: the result heading.
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeFocused();
  await expect(page.getByRole('row', { name: /Phone/ })).toContainText('Confirmed');
  expect(sim.getProfile(sabine)!.phone).toBe('+49 30 4445556');
  expect(sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ phone: '+49 30 4445556' }]);

  // And back to the results, on the person just edited.
  await tabTo(page, page.getByRole('button', { name: 'Find another profile' }));
  await page.keyboard.press('Enter');
  await expect(op.result('Sabine Müller')).toBeFocused();
  expect(app.consoleErrors).toEqual([]);
});
