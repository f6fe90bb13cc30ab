import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

test('demo: load a profile, change the phone, save, see it verified', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 30 5550123');
  await op.review();
  await expect(page.getByRole('table')).toContainText('+49 30 5550123');
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Phone/ })).toContainText('Confirmed');

  const patches = sim.requests.filter((r) => r.method === 'PATCH');
  expect(patches.map((r) => r.body)).toEqual([{ phone: '+49 30 5550123' }]);
  expect(sim.getProfile(pkey)!.phone).toBe('+49 30 5550123');
  expect(app.consoleErrors).toEqual([]);
});

test('a nested address field and an opt-out are sent as Campaign expects', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[1]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('City').fill('Görlitz');
  const noEmails = op.field('No emails');
  const wasChecked = await noEmails.isChecked();
  await noEmails.setChecked(!wasChecked);
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: 'All 2 changes confirmed by Campaign' })).toBeVisible();
  expect(sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
    { location: { city: 'Görlitz' }, blackListEmail: !wasChecked },
  ]);
});

test('a value Campaign reformats is shown as different, never as confirmed', async ({ app }) => {
  const { page, sim } = app;
  sim.setNormalizer('phone', (v) => String(v).replace(/\s+/g, ''));
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(sim.pkeys()[2]!);
  await op.field('Phone').fill('030 1234 5678');
  await op.review();
  await op.save();
  await expect(page.getByRole('heading', { name: '1 of 1 change differs' })).toBeVisible();
  const row = page.getByRole('row', { name: /Phone/ });
  await expect(row).toContainText('Different');
  await expect(row).toContainText('03012345678');
  await expect(row).not.toContainText('Confirmed');
});
