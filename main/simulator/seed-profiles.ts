import { type ProfileValues, blankValues } from './fields';
import { pkeyFor } from './pkey';
import type { ProfileRecord } from './profile-store';
import {
  COUNTRY_CALLING_CODE, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, OTHER_LAST_NAMES, PLACES, type Place,
  SCH_LAST_NAMES, STREETS,
} from './seed-data';

const DAY = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

const address = (place: Place, address1: string, address2 = '') => ({
  address1, address2, address3: '', address4: '',
  city: place.city, zipCode: place.zipCode, stateCode: place.stateCode, countryCode: place.countryCode,
});
const placeIn = (city: string): Place => PLACES.find((p) => p.city === city) as Place;

/** Hand-written profiles first: umlauts, ß, a family sharing one email (in two spellings), near-empty records. */
const FAMILY_EMAIL = 'familie.mueller@example.com';
const HANDWRITTEN: ProfileValues[] = [
  {
    salutation: 'Herr', firstName: 'Jürgen', lastName: 'Müller', gender: 'male', birthDate: '1968-04-12',
    email: FAMILY_EMAIL, emailFormat: 'html', phone: '+49 30 23125 101', mobilePhone: '0171 3920011',
    preferredLanguage: 'de_de', timeZone: 'Europe/Berlin', externalId: 'CRM-000001',
    location: address(placeIn('Berlin'), 'Lindenweg 7'),
    cusLoyaltyTier: 'gold', cusCustomerNumber: 'K-100001', cusNewsletterConsentDate: '2023-05-02',
  },
  {
    salutation: 'Frau', firstName: 'Sabine', lastName: 'Müller', gender: 'female', birthDate: '1970-09-30',
    email: FAMILY_EMAIL, emailFormat: 'html', phone: '030 23125 101', preferredLanguage: 'de_de',
    timeZone: 'Europe/Berlin', location: address(placeIn('Berlin'), 'Lindenweg 7'), cusLoyaltyTier: 'silver',
  },
  {
    firstName: 'Lukas', lastName: 'Müller', gender: 'male', birthDate: '2004-02-29', email: 'Familie.Mueller@example.com',
    emailFormat: 'text', mobilePhone: '+49 171 3920012', location: address(placeIn('Berlin'), 'Lindenweg 7', '2. OG'),
  },
  {
    salutation: 'Frau', firstName: 'Zoë', middleName: 'Ines', lastName: 'Weiß', gender: 'female', birthDate: '1991-12-24',
    email: 'zoe.weiss@example.net', emailFormat: 'html', phone: '+43 1 5550 233', preferredLanguage: 'de_at',
    timeZone: 'Europe/Vienna', location: address(placeIn('Wien'), 'Kärntner Straße 12/4'), cusLoyaltyTier: 'bronze',
    cusCustomerNumber: 'K-100004',
  },
  {
    salutation: 'Herr', firstName: 'Björn', lastName: 'Groß', gender: 'male', email: 'bjoern.gross@example.org',
    phone: '089 99998 204', fax: '089 99998 299', preferredLanguage: 'de_de', timeZone: 'Europe/Berlin',
    location: address(placeIn('München'), 'Maximilianstraße 3'), blackListFax: true,
  },
  {
    salutation: 'Madame', firstName: 'Anaïs', lastName: 'Lefèvre', gender: 'female', birthDate: '1985-07-14',
    email: 'anais.lefevre@example.com', emailFormat: 'html', phone: '+41 22 555 01 23', preferredLanguage: 'fr_ch',
    timeZone: 'Europe/Zurich', location: address(placeIn('Genève'), 'Rue du Rhône 42'), cusLoyaltyTier: 'gold',
  },
  {
    salutation: 'Herr', firstName: 'Sören', lastName: 'Schäfer', gender: 'male', birthDate: '1979-03-01',
    email: 'soeren.schaefer@example.com', phone: '040 66969 310', preferredLanguage: 'de_de',
    location: address(placeIn('Hamburg'), 'Elbchaussee 210'), blackListEmail: true,
  },
  { firstName: 'Günther', lastName: 'Schröder', email: 'g.schroeder@example.net' },
  { email: 'info@example.org' },
  { lastName: 'Straßburger', phone: '0221 4710 555' },
];

function transliterate(name: string): string {
  const replaced = name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return replaced.normalize('NFD').replace(/[\u0300-\u036f\s]/g, '').toLowerCase();
}

function generatedEmail(g: number, first: string, last: string): string {
  if (g % 19 === 7) return '';
  if (g % 23 === 11) return 'kontakt@example.net'; // a second shared address, like an office mailbox
  const [f, l] = [transliterate(first), transliterate(last)];
  if (g % 3 === 0) return `${f}.${l}@example.com`;
  if (g % 3 === 1) return `${f[0]}.${l}@example.net`;
  return `${l}.${f}${(g % 90) + 10}@example.org`;
}

/** The g-th generated profile; every second one has a last name starting "Sch". */
function generated(i: number, g: number): ProfileValues {
  const female = g % 4 === 1 || g % 4 === 2;
  // floor(g/2) counts 0, 1, 2… within each gender; a step of 7 walks the whole (19- or 20-name) pool.
  const firstName = pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES, Math.floor(g / 2) * 7);
  const lastName = g % 2 === 0 ? pick(SCH_LAST_NAMES, g / 2) : pick(OTHER_LAST_NAMES, (g - 1) / 2);
  const place = pick(PLACES, g * 7);
  const subscriber = pad(100 + ((g * 37) % 900), 3);
  const international = `+${COUNTRY_CALLING_CODE[place.countryCode]} ${place.phone.slice(1)} ${subscriber}`;
  const french = place.language.startsWith('fr');
  return {
    salutation: g % 12 === 6 ? '' : french ? (female ? 'Madame' : 'Monsieur') : female ? 'Frau' : 'Herr',
    firstName, lastName, middleName: g % 8 === 3 ? (female ? 'Maria' : 'Johann') : '',
    gender: g % 13 === 9 ? 'unknown' : female ? 'female' : 'male',
    birthDate: g % 9 === 4 ? '' : `${1938 + ((g * 13) % 66)}-${pad(((g * 5) % 12) + 1)}-${pad(((g * 11) % 28) + 1)}`,
    email: generatedEmail(g, firstName, lastName),
    emailFormat: pick(['html', 'html', 'text', 'unknown'], g),
    phone: g % 6 === 5 ? '' : g % 3 === 0 ? international : `${place.phone} ${subscriber}`,
    mobilePhone: g % 3 === 1 ? `${place.mobile}${pad(g % 100)}` : '',
    fax: g % 10 === 7 ? `${place.phone} 9${pad(g % 100)}` : '',
    preferredLanguage: g % 7 === 2 ? 'none' : place.language,
    timeZone: g % 5 === 3 ? 'none' : place.timeZone,
    externalId: g % 4 === 3 ? '' : `CRM-${pad(i + 1, 6)}`,
    blackList: g % 17 === 8, blackListEmail: g % 7 === 6, blackListMobile: g % 11 === 5,
    blackListPhone: g % 13 === 2, blackListFax: g % 19 === 4, blackListPostalMail: g % 9 === 7,
    location: g % 10 === 9 ? {} : address(place, `${pick(STREETS, g)} ${((g * 17) % 120) + 1}`, g % 5 === 2 ? 'Hinterhaus' : ''),
    cusLoyaltyTier: pick(['none', 'bronze', 'silver', 'gold'], g * 3),
    cusCustomerNumber: g % 6 === 4 ? '' : `K-${200000 + i * 113}`,
    cusNewsletterConsentDate: g % 3 === 0 ? `${2019 + (g % 6)}-${pad((g % 12) + 1)}-${pad((g % 27) + 1)}` : '',
  };
}

/** The same `count` profiles every time: same PKeys, values and dates (all in the past). */
export function seedProfiles(count: number): ProfileRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const own = i < HANDWRITTEN.length ? (HANDWRITTEN[i] as ProfileValues) : generated(i, i - HANDWRITTEN.length);
    const blank = blankValues();
    const values = { ...blank, ...own, location: { ...(blank.location as ProfileValues), ...(own.location as ProfileValues | undefined) } };
    const created = Date.UTC(2021, 0, 4, 8) + (i % 150) * 9 * DAY + ((i * 7919) % 36_000) * 1000;
    const lastModified = created + (((i * 13) % 200) + 1) * DAY + ((i * 4241) % 30_000) * 1000;
    return { pkey: pkeyFor(i), values, created, lastModified };
  });
}
