// Name and address pools for the demo seed. Phone prefixes are fictional (German ranges reserved for film and TV
// where they exist); all email domains are example.* domains.

export interface Place {
  city: string;
  zipCode: string;
  stateCode: string;
  countryCode: 'DE' | 'AT' | 'CH';
  language: string;
  timeZone: string;
  phone: string; // national prefix; a subscriber number is appended
  mobile: string;
}

const de = (city: string, zipCode: string, stateCode: string, phone: string): Place => ({
  city, zipCode, stateCode, countryCode: 'DE', language: 'de_de', timeZone: 'Europe/Berlin', phone, mobile: '0171 39200',
});
const at = (city: string, zipCode: string, stateCode: string, phone: string): Place => ({
  city, zipCode, stateCode, countryCode: 'AT', language: 'de_at', timeZone: 'Europe/Vienna', phone, mobile: '0664 5550',
});
const ch = (city: string, zipCode: string, stateCode: string, phone: string, language = 'de_ch'): Place => ({
  city, zipCode, stateCode, countryCode: 'CH', language, timeZone: 'Europe/Zurich', phone, mobile: '079 555',
});

export const PLACES: Place[] = [
  de('Berlin', '10115', 'BE', '030 23125'),
  de('München', '80331', 'BY', '089 99998'),
  at('Wien', '1010', 'W', '01 5550'),
  de('Hamburg', '20095', 'HH', '040 66969'),
  ch('Zürich', '8001', 'ZH', '044 555'),
  de('Köln', '50667', 'NW', '0221 4710'),
  de('Frankfurt am Main', '60311', 'HE', '069 90009'),
  at('Graz', '8010', 'ST', '0316 5550'),
  de('Nürnberg', '90402', 'BY', '0911 5550'),
  ch('Genève', '1204', 'GE', '022 555', 'fr_ch'),
  de('Düsseldorf', '40213', 'NW', '0211 5550'),
  at('Salzburg', '5020', 'S', '0662 5550'),
  ch('Basel', '4051', 'BS', '061 555'),
];

export const COUNTRY_CALLING_CODE: Record<Place['countryCode'], string> = { DE: '49', AT: '43', CH: '41' };

export const STREETS = [
  'Hauptstraße', 'Bahnhofstraße', 'Lindenweg', 'Schillerstraße', 'Goethestraße', 'Mühlenweg', 'Gartenstraße',
  'Kirchgasse', 'Am Marktplatz', 'Rosenstraße', 'Königsallee', 'Schloßberg', 'Seestrasse',
];

export const FEMALE_FIRST_NAMES = [
  'Anna', 'Lena', 'Sophie', 'Marie', 'Käthe', 'Hannah', 'Leonie', 'Ursula', 'Renate', 'Gisela',
  'Heike', 'Mia', 'Emma', 'Katharina', 'Françoise', 'Chloé', 'Ilse', 'Brigitte', 'Annelie',
];

export const MALE_FIRST_NAMES = [
  'Maximilian', 'Felix', 'Jonas', 'Paul', 'Elias', 'Noah', 'Ben', 'Stefan', 'Andreas', 'Thomas', 'Dieter',
  'Wolfgang', 'Hans-Peter', 'Jörg', 'Uwe', 'Matthias', 'Florian', 'Tobias', 'René', 'Loïc',
];

/** Enough last names starting "Sch" that byText=Sch needs two pages of 25. */
export const SCH_LAST_NAMES = [
  'Schmidt', 'Schneider', 'Schulz', 'Schwarz', 'Schubert', 'Scholz', 'Schuster', 'Schmitt', 'Schumacher',
  'Schreiber', 'Schulte', 'Schwab', 'Schuhmann', 'Schilling', 'Schenk', 'Schlegel', 'Schütz', 'Schönberger',
  'Schweizer', 'Schindler', 'Schäfer', 'Schmid', 'Schober', 'Schlüter', 'Schürmann',
];

export const OTHER_LAST_NAMES = [
  'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf',
  'Neumann', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Köhler', 'Huber', 'Gruber', 'Pichler',
  'Moser', 'Steiner', 'Keller', 'Meier', 'Brunner', 'Baumann', 'Frei', 'Müller-Lüdenscheidt', 'Dubois',
];
