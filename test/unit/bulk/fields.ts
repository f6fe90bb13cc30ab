/** Profile fields as the field catalog builds them from Campaign's metadata (labels as the simulator gives them). */
import type { FieldDef } from '../../../main/model/profile';

const str = (path: string, label: string, maxLength: number, extra: Partial<FieldDef> = {}): FieldDef => ({
  path, type: 'string', group: 'person', label, maxLength, readOnly: false, ...extra,
});

export const FIELDS: FieldDef[] = [
  { path: 'PKey', type: 'string', group: 'system', label: 'Primary key', readOnly: true },
  str('salutation', 'Salutation', 20),
  str('firstName', 'First name', 30),
  str('lastName', 'Last name', 50),
  { path: 'birthDate', type: 'date', group: 'person', label: 'Birth date', readOnly: false },
  {
    path: 'gender', type: 'enum', group: 'person', label: 'Gender', readOnly: false,
    values: ['unknown', 'male', 'female'], valueLabels: { unknown: 'Not specified', male: 'Male', female: 'Female' },
  },
  { path: 'age', type: 'integer', group: 'system', label: 'Age', readOnly: true },
  str('externalId', 'External ID', 100, { group: 'preferences' }),
  { path: 'email', type: 'email', group: 'contact', label: 'Email', maxLength: 128, readOnly: false },
  {
    path: 'emailFormat', type: 'enum', group: 'contact', label: 'Email format', readOnly: false,
    values: ['unknown', 'text', 'html'], valueLabels: { unknown: 'Unknown', text: 'Text', html: 'HTML' },
  },
  str('phone', 'Phone', 32, { group: 'contact' }),
  str('mobilePhone', 'Mobile phone', 32, { group: 'contact' }),
  {
    path: 'preferredLanguage', type: 'enum', group: 'preferences', label: 'Preferred language', readOnly: false,
    values: ['none', 'de_de', 'de_at', 'de_ch', 'en_us', 'en_gb', 'fr_ch'],
    valueLabels: { none: 'None', de_de: 'German (Germany)', de_at: 'German (Austria)', en_gb: 'English (United Kingdom)' },
  },
  // Described without values: any text is passed on, Campaign judges it.
  { path: 'timeZone', type: 'enum', group: 'preferences', label: 'Time zone', readOnly: false, values: [] },
  { path: 'blackListEmail', type: 'boolean', group: 'optOuts', label: 'No longer contact by email', readOnly: false },
  str('location.address1', 'Address line 1', 80, { group: 'address' }),
  str('location.zipCode', 'Zip code', 20, { group: 'address' }),
  str('location.city', 'City', 50, { group: 'address' }),
  str('location.countryCode', 'Country code', 2, { group: 'address' }),
  // A timestamp the metadata does not mark read-only: still never written (isLocked).
  { path: 'created', type: 'datetime', group: 'system', label: 'Created', readOnly: false },
  str('title', 'Title', 50, { group: 'system', readOnly: true }),
  {
    path: 'cusLoyaltyTier', type: 'enum', group: 'custom', label: 'Loyalty tier', readOnly: false,
    values: ['none', 'bronze', 'silver', 'gold'], valueLabels: { none: 'None', bronze: 'Bronze', silver: 'Silber', gold: 'Gold' },
  },
  str('cusCustomerNumber', 'Kundennummer', 20, { group: 'custom' }),
  { path: 'cusVisits', type: 'integer', group: 'custom', label: 'Visits', readOnly: false },
  { path: 'cusDiscount', type: 'number', group: 'custom', label: 'Discount rate', readOnly: false },
];

export function field(path: string): FieldDef {
  const def = FIELDS.find((f) => f.path === path);
  if (!def) throw new Error(`no fixture field ${path}`);
  return def;
}
