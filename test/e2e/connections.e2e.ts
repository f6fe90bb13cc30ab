/**
 * Connections the way an operator sets them up: the guided form with "Save and test connection" against
 * the simulator's IMS and Campaign, two connections and the header switcher, production marked, deleting,
 * and a failed test that names the wrong value and marks its field.
 */
import type { Page } from '@playwright/test';
import type { TestSimulator } from '../../main/simulator/test-hooks';
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

const header = (page: Page) => page.getByRole('banner');
const switcher = (page: Page) => header(page).getByRole('combobox', { name: 'Connection' });
const option = (name: string, env: 'Production' | 'Stage (test)', sim: TestSimulator) => `${name} · ${env} · ${sim.tenant}`;

test('set up two OAuth connections, switch in the header, production marked, delete one', async ({ app }) => {
  const { page, sim } = app;

  // (a) The first connection, through the guided form: saved, tested, "Connection works".
  await page.getByRole('button', { name: 'Add connection' }).click();
  await expect(page.getByRole('heading', { name: 'Add a connection' })).toBeFocused();
  await steps(page).fillOAuthForm(sim, {
    name: 'Acme live',
    environment: 'production',
    clientId: sim.apiKey,
    clientSecret: sim.clientSecret,
  });
  await page.getByRole('button', { name: 'Save and test connection' }).click();
  const works = page.getByRole('heading', { name: 'Connection works' });
  await expect(works).toBeFocused();
  await expect(page.getByText(/Campaign answered\. Access valid until .+\./)).toBeVisible();
  // The secret left the form: only its last four characters are shown.
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('');
  await expect(page.getByText(`Stored: •••• ${sim.clientSecret.slice(-4)}`)).toBeVisible();
  expect(sim.requests.some((r) => r.path.endsWith('/ims/token/v3') && r.status === 200)).toBe(true);

  await page.getByRole('button', { name: 'Use this connection now' }).click();
  await expect(page.getByRole('heading', { name: 'Find a profile' })).toBeFocused();
  await expect(switcher(page).locator('option:checked')).toHaveText(option('Acme live', 'Production', sim));
  await expect(header(page).getByText('PRODUCTION', { exact: true })).toBeVisible();

  // (b) A second one, stage: the list shows both with their environment and sign-in method.
  await header(page).getByRole('button', { name: 'Manage connections' }).click();
  await page.getByRole('button', { name: 'Add connection' }).click();
  await steps(page).fillOAuthForm(sim, { name: 'Acme test', environment: 'stage', clientId: sim.apiKey, clientSecret: sim.clientSecret });
  await page.getByRole('button', { name: 'Save and test connection' }).click();
  await expect(page.getByRole('heading', { name: 'Connection works' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Use connection Acme test' })).toBeFocused();

  const card = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(card('Acme live')).toContainText('PRODUCTION');
  await expect(card('Acme test')).toContainText('STAGE');
  await expect(card('Acme test')).toContainText('Client ID and client secret');
  await expect(card('Acme test')).toContainText(/Access renews automatically · valid until .+/);
  await expect(card('Acme test')).toContainText(`•••• ${sim.clientSecret.slice(-4)}`);
  await expect(card('Acme test')).not.toContainText(sim.clientSecret);

  // The switcher lists both; choosing one checks it and opens "Find a profile".
  await expect(switcher(page).getByRole('option')).toHaveText([option('Acme live', 'Production', sim), option('Acme test', 'Stage (test)', sim)]);
  await switcher(page).selectOption({ label: option('Acme test', 'Stage (test)', sim) });
  await expect(page.getByText('Connected to Acme test')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Find a profile' })).toBeFocused();
  await expect(header(page).getByText('STAGE', { exact: true })).toBeVisible();
  await expect(header(page).getByText('PRODUCTION', { exact: true })).toHaveCount(0);
  await expect(page.locator('.frame.production')).toHaveCount(0);

  await switcher(page).selectOption({ label: option('Acme live', 'Production', sim) });
  await expect(page.getByText('Connected to Acme live')).toBeVisible();
  await expect(header(page).getByText('PRODUCTION', { exact: true })).toBeVisible();
  await expect(header(page).getByText('STAGE', { exact: true })).toHaveCount(0);
  await expect(page.locator('.frame.production')).toHaveCount(1);

  // Arrow keys on the closed switcher open the list; they never switch connections by themselves.
  await switcher(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  const requestsBefore = sim.requests.length;
  await page.waitForTimeout(500); // a switch would start at once: give it the chance to show
  expect(sim.requests.length).toBe(requestsBefore);
  await expect(switcher(page).locator('option:checked')).toHaveText(option('Acme live', 'Production', sim));
  await expect(header(page).getByRole('status')).toHaveText('');

  // Production is named again right before saving.
  await steps(page).loadProfile(sim.pkeys()[0]!);
  await page.getByLabel('Phone', { exact: true }).fill('+49 30 1112223');
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByText('You are changing PRODUCTION data (connection Acme live).')).toBeVisible();
  await page.getByRole('button', { name: 'Back to editing' }).click();

  // Switching away with unsaved edits asks first; cancelling keeps everything.
  await switcher(page).selectOption({ label: option('Acme test', 'Stage (test)', sim) });
  const ask = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Phone', { exact: true })).toHaveValue('+49 30 1112223');
  await expect(switcher(page).locator('option:checked')).toHaveText(option('Acme live', 'Production', sim));

  // (c) Delete one: the dialog says the keychain entries go too; it is gone from the list and the switcher.
  await header(page).getByRole('button', { name: 'Manage connections' }).click();
  await page.getByRole('button', { name: 'Delete connection Acme test' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this connection?' });
  await expect(confirm).toContainText('client ID, client secret and access tokens are deleted from this computer’s password storage (keychain)');
  await confirm.getByRole('button', { name: 'Delete connection' }).click();
  await expect(page.getByText('Connection “Acme test” deleted.')).toBeVisible();
  await expect(card('Acme test')).toHaveCount(0);
  await expect(switcher(page).getByRole('option')).toHaveText([option('Acme live', 'Production', sim)]);
  expect(app.consoleErrors).toEqual([]);
});

test.describe('a failed test names the wrong value', () => {
  test.use({
    simOptions: { extraClients: [{ clientId: 'no-campaign-client', clientSecret: 'no-campaign-secret', campaignAccess: false }] },
  });

  test('(d) a wrong client secret: the client secret is named, marked and focused', async ({ app }) => {
    const { page, sim } = app;
    await page.getByRole('button', { name: 'Add connection' }).click();
    await steps(page).fillOAuthForm(sim, { name: 'Acme test', environment: 'stage', clientId: sim.apiKey, clientSecret: 'not-the-secret' });
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Adobe did not accept the client secret');
    await expect(page.getByText('The connection is saved, but the test found a problem.')).toBeVisible();
    const secret = page.getByLabel('Client secret', { exact: true });
    await expect(secret).toHaveAttribute('aria-invalid', 'true');
    await expect(secret).toBeFocused();
    await expect(secret).toHaveAccessibleDescription(/Adobe says this client secret is wrong/);
    await expect(page.getByRole('textbox', { name: 'Client ID', exact: true })).not.toHaveAttribute('aria-invalid', 'true');

    // Paste the right one and test again: works, the mark is gone. Nothing else had to be typed again.
    await secret.fill(sim.clientSecret);
    await expect(secret).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    await expect(page.getByRole('heading', { name: 'Connection works' })).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Edit connection “Acme test”' })).toBeVisible();
    await expect(page.getByRole('list').getByRole('listitem')).toHaveCount(1); // saved once, not twice
  });

  test('(e) a credential without Campaign access: the tenant is named and marked', async ({ app }) => {
    const { page, sim } = app;
    await page.getByRole('button', { name: 'Add connection' }).click();
    await steps(page).fillOAuthForm(sim, { name: 'Acme live', environment: 'production', clientId: 'no-campaign-client', clientSecret: 'no-campaign-secret' });
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    await expect(page.getByRole('alert')).toContainText(`This credential has no Campaign access for tenant ${sim.tenant}`);
    const tenant = page.getByRole('textbox', { name: 'Tenant' });
    await expect(tenant).toHaveAttribute('aria-invalid', 'true');
    await expect(tenant).toBeFocused();
    await expect(tenant).toHaveAccessibleDescription(/no Campaign access for demo-tenant/);
    expect(sim.requests.filter((r) => r.status === 403).length).toBeGreaterThan(0);
  });

  test('missing values are caught before anything is sent', async ({ app }) => {
    const { page, sim } = app;
    await page.getByRole('button', { name: 'Add connection' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Acme');
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    await expect(page.getByText('Please correct the marked fields.')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Production — real customer data' })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Client ID', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(sim.requests).toEqual([]);
  });
});
