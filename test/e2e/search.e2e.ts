/**
 * Finding people with the one search box: by an email several profiles share, by the beginning of a last
 * name over more than one page (following Campaign's own next link), by profile key, and no match —
 * including Campaign's case-sensitive name search ("müller" finds nothing, "Müller" does).
 */
import type { Result } from '../../main/model/errors';
import type { FindResult } from '../../main/model/profile';
import { expect, test } from './harness';
import { steps } from './steps';

test.use({ appLocale: 'en' });

const FAMILY_EMAIL = 'familie.mueller@example.com';

test('by an email address three profiles share: all are shown, the operator picks one and comes back', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  await op.search(FAMILY_EMAIL);

  await expect(page.getByRole('heading', { name: `Results for “${FAMILY_EMAIL}”` })).toBeFocused();
  await expect(page.getByText('3 profiles share this email address — choose the right person.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Profiles found' });
  await expect(table.getByRole('row')).toHaveCount(4); // header + 3
  for (const name of ['Jürgen Müller', 'Sabine Müller', 'Lukas Müller']) await expect(op.result(name)).toBeVisible();
  // Each row tells the people apart: email as stored, city, last change in the operator's format.
  const sabine = table.getByRole('row').filter({ has: op.result('Sabine Müller') });
  await expect(sabine).toContainText(FAMILY_EMAIL);
  await expect(sabine).toContainText('Berlin');
  await expect(sabine).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(table.getByRole('row').filter({ has: op.result('Lukas Müller') })).toContainText('Familie.Mueller@example.com');
  expect(sim.requests.filter((r) => r.path.endsWith('/profile/byEmail')).map((r) => r.query['email'])).toEqual([FAMILY_EMAIL]);

  await op.result('Sabine Müller').click();
  await expect(page.getByRole('heading', { name: 'Sabine Müller', level: 1 })).toBeFocused();
  await expect(op.field('First name')).toHaveValue('Sabine');

  // Back to the search: query and results are still there, and the focus is on the person just opened.
  await page.getByRole('button', { name: 'Back to search' }).click();
  await expect(op.result('Sabine Müller')).toBeFocused();
  await expect(op.searchBox()).toHaveValue(FAMILY_EMAIL);
  await expect(table.getByRole('row')).toHaveCount(4);
  expect(sim.requests.filter((r) => r.path.endsWith('/profile/byEmail'))).toHaveLength(1); // not searched again
  expect(app.consoleErrors).toEqual([]);
});

test('by the beginning of a last name, over two pages that follow Campaign’s next link', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  await op.search('Sch');

  await expect(page.getByRole('heading', { name: 'Results for “Sch”' })).toBeFocused();
  await expect(page.getByText('Showing the first 25 profiles. There are more.')).toBeVisible();
  const openButtons = page.getByRole('table', { name: 'Profiles found' }).getByRole('button');
  await expect(openButtons).toHaveCount(25);

  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(openButtons).toHaveCount(27);
  await expect(page.getByText('27 profiles found.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more results' })).toHaveCount(0); // the last page
  // The focus moved to the first new result, where the operator carries on.
  await expect(openButtons.nth(25)).toBeFocused();
  for (const name of await openButtons.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
    expect(name).toMatch(/^Open profile of .*\bSch/);
  }

  // The second page is exactly the server's next link, cursor and all: never built by the app.
  const byText = sim.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/profile/byText'));
  expect(byText).toHaveLength(2);
  expect(byText[0]!.query['_lineStart']).toBeUndefined();
  expect(byText[1]!.query['_lineStart']).toMatch(/^@/);
  const firstPage = app.ipcAnswers.find(
    (a): a is { ok: true; value: FindResult } => (a as Result<FindResult>).ok && (a as { value?: FindResult }).value?.kind === 'text' && !!(a as { value: FindResult }).value.next,
  );
  const next = new URL(firstPage!.value.next!);
  expect(byText[1]!.path).toBe(next.pathname);
  expect(byText[1]!.query).toEqual(Object.fromEntries(next.searchParams));
  expect(byText[0]!.query['text']).toBe('Sch');
});

test('by profile key: the one profile opens straight away', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  const pkey = sim.pkeys()[3]!;
  await op.startDemo();
  await op.search(`  ${pkey} `);
  await expect(page.getByRole('heading', { name: 'Zoë Weiß', level: 1 })).toBeFocused();
  await expect(page.getByText(pkey, { exact: true })).toBeVisible();
  expect(sim.requests.some((r) => r.path.includes('/profile/by'))).toBe(false);

  await page.getByRole('button', { name: 'Back to search' }).click();
  await expect(page.getByRole('heading', { name: `Results for “${pkey}”` })).toBeVisible();
  await expect(page.getByText('1 profile found.')).toBeVisible();
  await expect(op.result('Zoë Weiß')).toBeFocused();
});

test('no match says what to try', async ({ app }) => {
  const { page } = app;
  const op = steps(page);
  await op.startDemo();

  // Nothing typed: said at the box, nothing asked.
  await op.search('   ');
  await expect(page.getByText('Please enter a name, an email address or a profile key.')).toBeVisible();
  await expect(op.searchBox()).toBeFocused();
  await expect(op.searchBox()).toHaveAttribute('aria-invalid', 'true');

  await op.search('Zzyzx');
  await expect(page.getByRole('heading', { name: 'No profile found for “Zzyzx”' })).toBeFocused();
  await expect(page.getByText('Campaign finds last names and email addresses by their beginning, exactly as written')).toBeVisible();
  const tips = page.getByRole('list', { name: 'What you can try:' });
  await expect(tips).toContainText('Check the spelling and the capital letters');
  await expect(tips).toContainText('Search by the complete email address.');
  await expect(tips).toContainText('Paste the profile key from Campaign (it starts with @).');
  await expect(page.getByRole('button', { name: /instead/ })).toHaveCount(0); // it already starts with a capital

  await op.search('nobody@example.com');
  await expect(page.getByRole('heading', { name: 'No profile found for “nobody@example.com”' })).toBeFocused();
  await expect(page.getByText('No profile in Campaign has this email address.')).toBeVisible();
});

test('lowercase “müller” finds nothing, and the capital-letters hint leads to “Müller”', async ({ app }) => {
  const { page, sim } = app;
  const op = steps(page);
  await op.startDemo();
  await op.search('müller');

  await expect(page.getByRole('heading', { name: 'No profile found for “müller”' })).toBeFocused();
  await expect(page.getByText('Your search starts with a small letter. Last names in Campaign start with a capital letter.')).toBeVisible();
  await expect(page.getByText('Check the spelling and the capital letters: “Müller” finds Müller, “müller” finds nothing.')).toBeVisible();
  expect(sim.requests.filter((r) => r.path.endsWith('/profile/byText')).map((r) => r.query['text'])).toEqual(['müller']);

  await page.getByRole('button', { name: 'Search for “Müller” instead' }).click();
  await expect(page.getByRole('heading', { name: 'Results for “Müller”' })).toBeFocused();
  await expect(op.searchBox()).toHaveValue('Müller');
  for (const name of ['Jürgen Müller', 'Sabine Müller', 'Lukas Müller']) await expect(op.result(name)).toBeVisible();
});
