/**
 * A Campaign instance that describes its fields differently from the simulator's default: enum values as an
 * object keyed by name with numeric codes, age as int64, created/lastModified as plain strings, and
 * preferred language / time zone without any values. The operator can still change every field.
 */
import { expect, screenshot, test } from './harness';
import { steps } from './steps';

const words = {
  en: { gender: 'Gender', female: 'Female', male: 'Male', unknown: 'Not specified', age: 'Age', created: 'Created', language: 'Preferred language', notSet: 'Not set', freeHint: 'Campaign did not say which values this field allows', confirmed: 'The change was confirmed by Campaign', row: /Gender/, ok: 'Confirmed' },
  de: { gender: 'Geschlecht', female: 'Weiblich', male: 'Männlich', unknown: 'Keine Angabe', age: 'Alter', created: 'Angelegt', language: 'Bevorzugte Sprache', notSet: 'Nicht festgelegt', freeHint: 'Campaign hat nicht mitgeteilt, welche Werte dieses Feld erlaubt', confirmed: 'Die Änderung wurde von Campaign bestätigt', row: /Geschlecht/, ok: 'Bestätigt' },
} as const;

for (const locale of ['de', 'en'] as const) {
  test.describe(`metadata in other shapes (${locale})`, () => {
    test.use({
      appLocale: locale,
      simOptions: { enumShape: 'keyed', sizedNumberTypes: true, timestampsAsStrings: true, enumsWithoutValues: ['preferredLanguage', 'timeZone'] },
    });
    const w = words[locale];

    test('gender from a keyed enum list can be changed, and every field is shown the way a person reads it', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      const pkey = sim.pkeys()[0]!;
      sim.changeProfile(pkey, { gender: 'male', preferredLanguage: 'none' });
      await op.startDemo();
      await op.loadProfile(pkey);

      const gender = op.field(w.gender);
      await expect(gender.locator('option')).toHaveText([w.unknown, w.male, w.female]);
      // Age (int64) is shown, locked; the string-typed timestamp reads as a local date, not Campaign's raw text.
      const locked = (label: string) => page.getByLabel(new RegExp(`^${label} \\(`));
      await expect(locked(w.age)).toHaveValue(/^\d+$/);
      await expect(locked(w.age)).not.toBeEditable();
      const created = await locked(w.created).inputValue();
      expect(created).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      expect(created).toMatch(/\d/);
      // No values listed: a text field with a hint, "none" shown as not set, never a list with one choice.
      const language = op.field(w.language);
      await expect(language).toHaveJSProperty('tagName', 'INPUT');
      await expect(language).toHaveValue('');
      await expect(language).toHaveAttribute('placeholder', w.notSet);
      await expect(page.getByText(w.freeHint).first()).toBeVisible();
      await screenshot(page, locale, '46-metadata-other-shapes');

      await gender.selectOption({ label: w.female });
      await op.review();
      await op.save();
      await expect(page.getByRole('heading', { name: w.confirmed })).toBeVisible();
      await expect(page.getByRole('row', { name: w.row })).toContainText(w.ok);
      expect(sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ gender: 'female' }]);
      expect(sim.getProfile(pkey)).toMatchObject({ gender: 'female', preferredLanguage: 'none' });
    });

    test('a preferred language typed into the free field is sent as typed; emptied again it stays unset', async ({ app }) => {
      const { page, sim } = app;
      const op = steps(page, locale);
      const pkey = sim.pkeys()[1]!;
      sim.changeProfile(pkey, { preferredLanguage: 'none' });
      await op.startDemo();
      await op.loadProfile(pkey);
      const language = op.field(w.language);
      await language.fill('de_at');
      await language.fill('');
      await expect(page.getByRole('button', { name: locale === 'de' ? 'Änderungen prüfen' : 'Review changes' })).toBeDisabled();
      await language.fill('de_at');
      await op.review();
      await op.save();
      await expect(page.getByRole('heading', { name: w.confirmed })).toBeVisible();
      expect(sim.getProfile(pkey)!.preferredLanguage).toBe('de_at');
    });
  });
}
