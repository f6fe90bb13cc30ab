import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

test('an expired pasted token at save ends in a clear message, and the edits stay', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!;
  const before = sim.getProfile(pkey)!.phone;
  const op = steps(page);
  // A connection with an access token pasted from IT (no client secret: nothing can renew it).
  await page.getByRole('button', { name: 'Add connection' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Pasted token');
  await page.getByRole('radio', { name: 'Stage (test)' }).check();
  await page.getByRole('textbox', { name: 'Tenant' }).fill(sim.tenant);
  await page.getByRole('radio', { name: 'Access token from IT' }).check();
  await page.getByRole('textbox', { name: 'Client ID (API key)' }).fill(sim.apiKey);
  await page.getByLabel('Access token', { exact: true }).fill(sim.accessToken);
  await page.getByText('Advanced settings (only if IT asks you to)').click();
  await page.getByRole('textbox', { name: 'Base address (Campaign)' }).fill(sim.baseUrl);
  await page.getByRole('button', { name: 'Save and test connection' }).click();
  await page.getByRole('button', { name: 'Use this connection now' }).click();

  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 89 111222');
  await op.field('First name').fill('Jürgen');
  await op.review();
  sim.expireTokens();
  await op.save();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The access token is no longer valid');
  await expect(alert).toContainText('Get a new access token from IT');
  expect(sim.getProfile(pkey)!.phone).toBe(before);
  await op.backToEditing();
  await expect(op.field('Phone')).toHaveValue('+49 89 111222');
  await expect(op.field('First name')).toHaveValue('Jürgen');
});

test('with client ID and secret (the demo), an expired token is renewed and the save goes through', async ({ app }) => {
  const { page, sim } = app;
  const pkey = sim.pkeys()[0]!;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(pkey);
  await op.field('Phone').fill('+49 89 111222');
  await op.review();
  sim.expireTokens();
  await op.save();
  await expect(page.getByRole('heading', { name: 'The change was confirmed by Campaign' })).toBeVisible();
  expect(sim.getProfile(pkey)!.phone).toBe('+49 89 111222');
});

test('a 500 on save shows Campaign’s message, and the edits stay', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(sim.pkeys()[3]!);
  await op.field('Phone').fill('0711 999');
  await op.review();
  sim.injectFault({
    kind: 'status',
    method: 'PATCH',
    status: 500,
    body: { code: 500, message: "RST-360011 An error has occurred - please repeat your request. The value '0711 999' is not valid for 'phone'." },
  });
  await op.save();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Campaign did not accept a value');
  await expect(alert).toContainText("The value '0711 999' is not valid");
  // Details for IT name the request and Campaign's code, and no secret.
  const details = await alert.getByRole('textbox', { name: 'Technical details for IT' }).inputValue();
  expect(details).toContain('PATCH');
  expect(details).toContain('RST-360011');
  expect(details).not.toContain(sim.accessToken);
  await op.backToEditing();
  await expect(op.field('Phone')).toHaveValue('0711 999');
});

test('an unknown profile key says so and what to do', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  const unknown = `${sim.pkeys()[0]!.slice(0, -4)}AAAA`;
  await op.loadProfile(unknown);
  const heading = page.getByRole('heading', { name: `No profile found for “${unknown}”` });
  await expect(heading).toBeFocused();
  await expect(page.getByText('No profile in Campaign has this profile key.')).toBeVisible();
  await expect(page.getByText('Copy the profile key again from Campaign, completely.')).toBeVisible();
  await expect(op.searchBox()).toHaveValue(unknown);
});

test('an invalid email is caught before anything is sent', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(sim.pkeys()[0]!);
  await op.field('Email').fill('anna.schmidt@');
  await op.field('Email').blur();
  await expect(page.getByText('This is not a complete email address')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeDisabled();
  expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
});

test('going offline is said at once, and the edits stay', async ({ app, context }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  await op.loadProfile(sim.pkeys()[0]!);
  await op.field('Phone').fill('+49 30 777');
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'This computer is offline' })).toBeVisible();
  await expect(op.field('Phone')).toHaveValue('+49 30 777');
  await context.setOffline(false);
  await expect(page.getByText('This computer is offline')).toHaveCount(0);
});
