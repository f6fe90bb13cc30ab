// Campaign's profile data model (nms:recipient) as the simulator serves it. Labels, categories, enumeration
// schema names and the value lists are inferred: the public docs give field names, types and lengths only.

export type ApiName = 'profileAndServices' | 'profileAndServicesExt';
export const API_NAMES: readonly string[] = ['profileAndServices', 'profileAndServicesExt'];

export type FieldType = 'string' | 'boolean' | 'date' | 'datetime' | 'long' | 'enumeration' | 'object' | 'link';

export interface EnumValue {
  name: string;
  label: string;
}

export interface FieldDef {
  label: string;
  type: FieldType;
  category: string;
  length?: number;
  values?: EnumValue[]; // the first one is what an unset field holds
  enumName?: string; // schema name used in enumeration errors; not part of the metadata
  readOnly?: boolean; // read-only fields are computed by the server, never stored
  sortable?: boolean;
  dataPolicy?: 'email';
  custom?: boolean; // cus* field: only under profileAndServicesExt
  content?: Record<string, FieldDef>; // sub-fields of an object
}

type Extra = Partial<FieldDef>;
const str = (label: string, length: number, category: string, extra: Extra = {}): FieldDef => ({
  label, type: 'string', length, category, ...extra,
});
const bool = (label: string): FieldDef => ({ label, type: 'boolean', category: 'optOuts' });
const system = (label: string, type: FieldType = 'string'): FieldDef => ({ label, type, category: 'system', readOnly: true });
const enumeration = (label: string, enumName: string, category: string, values: Array<[string, string]>, extra: Extra = {}): FieldDef => ({
  label, type: 'enumeration', category, enumName, values: values.map(([name, valueLabel]) => ({ name, label: valueLabel })), ...extra,
});

export const PROFILE_FIELDS: Record<string, FieldDef> = {
  PKey: system('Primary key'),
  href: system('Link'),
  salutation: str('Salutation', 20, 'identity'),
  firstName: str('First name', 30, 'identity', { sortable: true }),
  middleName: str('Middle name', 30, 'identity'),
  lastName: str('Last name', 50, 'identity', { sortable: true }),
  gender: enumeration('Gender', 'nms:recipient:gender', 'identity', [
    ['unknown', 'Not specified'], ['male', 'Male'], ['female', 'Female'],
  ]),
  birthDate: { label: 'Birth date', type: 'date', category: 'identity' },
  age: { label: 'Age', type: 'long', category: 'identity', readOnly: true },
  externalId: str('External ID', 100, 'identity'),
  email: str('Email', 128, 'contact', { sortable: true, dataPolicy: 'email' }),
  emailFormat: enumeration('Email format', 'nms:recipient:emailFormat', 'contact', [
    ['unknown', 'Unknown'], ['text', 'Text'], ['html', 'HTML'],
  ]),
  phone: str('Phone', 32, 'contact'),
  mobilePhone: str('Mobile phone', 32, 'contact'),
  fax: str('Fax', 32, 'contact'),
  preferredLanguage: enumeration('Preferred language', 'nms:recipient:preferredLanguage', 'preferences', [
    ['none', 'None'], ['de_de', 'German (Germany)'], ['de_at', 'German (Austria)'], ['de_ch', 'German (Switzerland)'],
    ['en_us', 'English (United States)'], ['en_gb', 'English (United Kingdom)'], ['fr_fr', 'French (France)'],
    ['fr_ch', 'French (Switzerland)'], ['it_it', 'Italian (Italy)'],
  ]),
  timeZone: enumeration('Time zone', 'nms:recipient:timeZone', 'preferences', [
    ['none', 'None'], ['Europe/Berlin', 'Europe/Berlin'], ['Europe/Vienna', 'Europe/Vienna'],
    ['Europe/Zurich', 'Europe/Zurich'], ['Europe/Paris', 'Europe/Paris'], ['Europe/London', 'Europe/London'],
    ['America/New_York', 'America/New_York'],
  ]),
  blackList: bool('No longer contact (by any channel)'),
  blackListEmail: bool('No longer contact by email'),
  blackListMobile: bool('No longer contact by SMS'),
  blackListPhone: bool('No longer contact by phone'),
  blackListFax: bool('No longer contact by fax'),
  blackListPostalMail: bool('No longer contact by direct mail'),
  location: {
    label: 'Address', type: 'object', category: 'address',
    content: {
      address1: str('Address line 1', 80, 'address'),
      address2: str('Address line 2', 80, 'address'),
      address3: str('Address line 3', 80, 'address'),
      address4: str('Address line 4', 80, 'address'),
      zipCode: str('Zip code', 20, 'address'),
      city: str('City', 50, 'address'),
      stateCode: str('State code', 16, 'address'),
      countryCode: str('Country code', 2, 'address'),
    },
  },
  created: system('Created', 'datetime'),
  lastModified: system('Last modified', 'datetime'),
  domain: system('Email domain'),
  title: system('Title'),
  cryptedId: system('Encrypted identifier'),
  thumbnail: system('Thumbnail'),
  subscriptions: system('Subscriptions', 'link'),
  cusLoyaltyTier: enumeration('Loyalty tier', 'cus:recipient:loyaltyTier', 'custom', [
    ['none', 'None'], ['bronze', 'Bronze'], ['silver', 'Silver'], ['gold', 'Gold'],
  ], { custom: true }),
  cusCustomerNumber: str('Customer number', 20, 'custom', { custom: true }),
  cusNewsletterConsentDate: { label: 'Newsletter consent date', type: 'date', category: 'custom', custom: true },
};

export function fieldsFor(api: ApiName): Array<[string, FieldDef]> {
  return Object.entries(PROFILE_FIELDS).filter(([, def]) => api === 'profileAndServicesExt' || !def.custom);
}

export type ProfileValues = Record<string, unknown>;

/** Stored values of a profile nobody filled in: "" strings and dates, false booleans, first enum value. */
export function blankValues(fields: Record<string, FieldDef> = PROFILE_FIELDS): ProfileValues {
  const values: ProfileValues = {};
  for (const [name, def] of Object.entries(fields)) {
    if (def.readOnly) continue;
    if (def.type === 'boolean') values[name] = false;
    else if (def.type === 'enumeration') values[name] = def.values?.[0]?.name ?? '';
    else if (def.type === 'object') values[name] = blankValues(def.content);
    else values[name] = '';
  }
  return values;
}
