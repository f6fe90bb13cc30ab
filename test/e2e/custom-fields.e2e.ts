/**
 * The company's own cus* fields (the demo connection uses profileAndServicesExt): built from Campaign's
 * metadata, enum values shown with Campaign's labels, edited, sent and verified like any other field.
 */
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

test('edit a custom enum and a custom text field: only those two are sent, both confirmed', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!; // Jürgen Müller: loyalty tier gold, customer number K-100001
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);

  const group = page.getByRole('group', { name: 'Your company’s fields' });
  const tier = group.getByLabel('Loyalty tier', { exact: true });
  const number = group.getByLabel('Customer number', { exact: true });
  // The enum shows Campaign's labels, not the stored names.
  await expect(tier.locator('option:checked')).toHaveText('Gold');
  await expect(tier.getByRole('option')).toHaveText(['None', 'Bronze', 'Silver', 'Gold']);
  await expect(number).toHaveValue('K-100001');

  await tier.selectOption({ label: 'Silver' });
  await number.fill('K-100999');
  await expect(group).toContainText('Changed · was: Gold');
  await op.review();

  const changes = page.getByRole('table', { name: 'Changes that will be saved' });
  await expect(changes.getByRole('row', { name: /Loyalty tier/ })).toContainText('Gold');
  await expect(changes.getByRole('row', { name: /Loyalty tier/ })).toContainText('Silver');
  await expect(changes.getByRole('row', { name: /Customer number/ })).toContainText('K-100999');

  await op.save();
  await expect(page.getByRole('heading', { name: 'All 2 changes confirmed by Campaign' })).toBeFocused();
  const result = page.getByRole('table', { name: 'Result for each field' });
  await expect(result.getByRole('row', { name: /Loyalty tier/ })).toContainText('Silver');
  await expect(result.getByRole('row', { name: /Loyalty tier/ })).toContainText('Confirmed');
  await expect(result.getByRole('row', { name: /Customer number/ })).toContainText('Confirmed');

  const patches = sim.requests.filter((r) => r.method === 'PATCH');
  expect(patches.map((r) => r.body)).toEqual([{ cusLoyaltyTier: 'silver', cusCustomerNumber: 'K-100999' }]);
  expect(patches[0]!.path).toContain('/profileAndServicesExt/profile/');
  expect(sim.getProfile(pkey)).toMatchObject({ cusLoyaltyTier: 'silver', cusCustomerNumber: 'K-100999' });
  expect(app.consoleErrors).toEqual([]);
});
