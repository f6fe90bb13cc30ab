/**
 * Someone else changes the profile in Campaign while the operator edits it: nothing is sent, the operator
 * sees the value when loaded, the value now in Campaign and their own, chooses per field, and goes
 * through Review again. Nothing is overwritten without a choice.
 */
import type { Page } from '@playwright/test';
import type { TestSimulator } from '../../main/simulator/test-hooks';
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

const patches = (sim: TestSimulator) => sim.requests.filter((r) => r.method === 'PATCH');
const conflictHeading = (page: Page) => page.getByRole('heading', { name: 'This profile was changed in Campaign since you opened it' });

test('a changed phone: the three values, no PATCH; “Keep my value” → review → saved and confirmed', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!;
  const loaded = String(sim.getProfile(pkey)!.phone); // +49 30 23125 101
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 30 5550199');
  await op.review();
  sim.changeProfile(pkey, { phone: '+49 30 7770000' }); // a colleague, meanwhile
  await op.save();

  await expect(conflictHeading(page)).toBeFocused();
  const phone = page.getByRole('region', { name: 'Phone' });
  await expect(phone.getByRole('definition')).toHaveText([loaded, '+49 30 7770000', '+49 30 5550199']);
  await expect(phone.getByRole('term')).toHaveText(['When you opened the profile', 'Now in Campaign', 'Your value']);
  expect(patches(sim)).toEqual([]);
  expect(sim.getProfile(pkey)!.phone).toBe('+49 30 7770000');

  // Going on without a choice is refused, and the focus goes to the choice.
  await op.continueAfterConflict();
  await expect(phone.getByText('Please choose which value to keep.')).toBeVisible();
  await expect(phone.getByRole('radio', { name: 'Keep my value' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Check your changes' })).toHaveCount(0);

  await op.choose('Phone', 'mine');
  await op.continueAfterConflict();
  await expect(page.getByRole('heading', { name: 'Check your changes' })).toBeFocused();
  await expect(page.getByText('Campaign’s current values are now the starting point.')).toBeVisible();
  const row = page.getByRole('table', { name: 'Changes that will be saved' }).getByRole('row', { name: /Phone/ });
  await expect(row).toContainText('+49 30 7770000'); // "Now in Campaign" is Campaign's current value
  await expect(row).toContainText('+49 30 5550199');
  expect(patches(sim)).toEqual([]); // still nothing sent: Review comes first

  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeFocused();
  await expect(page.getByRole('row', { name: /Phone/ })).toContainText('Confirmed');
  expect(patches(sim).map((r) => r.body)).toEqual([{ phone: '+49 30 5550199' }]);
  expect(sim.getProfile(pkey)!.phone).toBe('+49 30 5550199');
});

test('“Take the value from Campaign”: nothing of that field is sent, the other change still is', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[1]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 30 5550288');
  await op.field('City').fill('Potsdam');
  await op.review();
  sim.changeProfile(pkey, { phone: '+49 30 8880000' });
  await op.save();

  await expect(conflictHeading(page)).toBeFocused();
  await expect(page.getByRole('region', { name: 'City' })).toHaveCount(0); // only the phone was changed by both
  await op.choose('Phone', 'theirs');
  await op.continueAfterConflict();

  await expect(page.getByRole('heading', { name: 'Check your changes' })).toBeFocused();
  const changes = page.getByRole('table', { name: 'Changes that will be saved' });
  await expect(changes.getByRole('row')).toHaveCount(2); // header + City
  await expect(changes).not.toContainText('Phone');
  await op.backToEditing();
  await expect(op.field('Phone')).toHaveValue('+49 30 8880000'); // the form shows Campaign's value
  await expect(op.field('City')).toHaveValue('Potsdam');
  await op.review();
  await op.save();

  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeFocused();
  expect(patches(sim).map((r) => r.body)).toEqual([{ location: { city: 'Potsdam' } }]);
  expect(sim.getProfile(pkey)).toMatchObject({ phone: '+49 30 8880000', location: expect.objectContaining({ city: 'Potsdam' }) });
});

test('only other fields changed meanwhile: said so, and the operator reviews again before saving', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[4]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('089 1234567');
  await op.review();
  sim.changeProfile(pkey, { mobilePhone: '0170 5550000' });
  await op.save();

  await expect(conflictHeading(page)).toBeFocused();
  await expect(page.getByText('None of the fields you changed was changed in Campaign, but other fields of this profile were.')).toBeVisible();
  const elsewhere = page.getByRole('table', { name: /Also changed in Campaign in the meantime/ });
  await expect(elsewhere.getByRole('row', { name: /Mobile phone/ })).toContainText('0170 5550000');
  expect(patches(sim)).toEqual([]);

  await page.getByRole('button', { name: 'Review my changes again' }).click();
  await expect(page.getByRole('heading', { name: 'Check your changes' })).toBeFocused();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeFocused();
  expect(patches(sim).map((r) => r.body)).toEqual([{ phone: '089 1234567' }]);
  expect(sim.getProfile(pkey)).toMatchObject({ phone: '089 1234567', mobilePhone: '0170 5550000' });
});
