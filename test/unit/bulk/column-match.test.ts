// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { headerSignature, mappingFits, suggestMapping } from '../../../main/bulk/column-match';
import type { BulkMapping } from '../../../main/model/bulk';
import type { FieldDef } from '../../../main/model/profile';
import { FIELDS } from './fields';

/** The suggested field per column, null where the column is ignored. */
const fieldsOf = (headers: string[], fields: FieldDef[] = FIELDS) => suggestMapping(headers, fields).mapping.columns.map((c) => c.field);

describe('suggestMapping: matching headers to fields', () => {
  it('maps a German Excel export ("300 customers moved") by the names operators write', () => {
    const s = suggestMapping(['E-Mail', 'PLZ', 'Straße', 'Vorname', 'Nachname', 'Ort'], FIELDS);
    expect(s.identityFound).toBe(true);
    expect(s.mapping.identity).toEqual({ by: 'email', column: 0 });
    expect(s.mapping.columns).toEqual([
      // The identity column is not also written as the email field.
      { column: 0, field: null, clearWhenEmpty: false },
      { column: 1, field: 'location.zipCode', clearWhenEmpty: false },
      { column: 2, field: 'location.address1', clearWhenEmpty: false },
      { column: 3, field: 'firstName', clearWhenEmpty: false },
      { column: 4, field: 'lastName', clearWhenEmpty: false },
      { column: 5, field: 'location.city', clearWhenEmpty: false },
    ]);
    // "E-Mail" folds to "email", the field's own name.
    expect(s.sources).toEqual({ 0: 'apiName', 1: 'appLabel', 2: 'appLabel', 3: 'appLabel', 4: 'appLabel', 5: 'appLabel' });
  });

  it('maps English headings and API names, and tells which was which', () => {
    const s = suggestMapping(['Profile key', 'First name', 'Email', 'Postcode', 'STRASSE', 'city', 'location.countryCode'], FIELDS);
    expect(s.mapping.identity).toEqual({ by: 'pkey', column: 0 });
    expect(fieldsOf(['Profile key', 'First name', 'Email', 'Postcode', 'STRASSE', 'city', 'location.countryCode'])).toEqual([
      null, 'firstName', 'email', 'location.zipCode', 'location.address1', 'location.city', 'location.countryCode',
    ]);
    // "First name" folds to "firstname", the field's own name.
    expect(s.sources).toEqual({ 0: 'appLabel', 1: 'apiName', 2: 'apiName', 3: 'appLabel', 4: 'appLabel', 5: 'apiName', 6: 'apiName' });
  });

  it.each([
    ['PLZ', 'location.zipCode'], ['Postleitzahl', 'location.zipCode'], ['ZIP', 'location.zipCode'], ['Postcode', 'location.zipCode'],
    ['Straße', 'location.address1'], ['Strasse', 'location.address1'], ['STRASSE', 'location.address1'], ['Street', 'location.address1'],
    ['Ort', 'location.city'], ['Stadt', 'location.city'], ['City', 'location.city'],
    ['E-Mail', 'email'], ['Email', 'email'], ['Mail', 'email'], ['E-Mail-Adresse', 'email'], ['e_mail', 'email'], ['E.Mail', 'email'],
    ['Vorname', 'firstName'], ['First name', 'firstName'], ['first_name', 'firstName'],
    ['Nachname', 'lastName'], ['Last name', 'lastName'], ['Surname', 'lastName'], ['Familienname', 'lastName'],
    ['Telefon', 'phone'], ['Tel', 'phone'], ['Tel.', 'phone'],
    ['Handy', 'mobilePhone'], ['Mobil', 'mobilePhone'], ['Mobile', 'mobilePhone'], ['Mobiltelefon', 'mobilePhone'],
    ['Anrede', 'salutation'],
    ['Geburtsdatum', 'birthDate'], ['Geburtstag', 'birthDate'], ['Date of birth', 'birthDate'], ['Birth date', 'birthDate'],
    ['Land', 'location.countryCode'], ['Country', 'location.countryCode'], ['Land (Code)', 'location.countryCode'],
    ['Geschlecht', 'gender'], ['Bevorzugte Sprache', 'preferredLanguage'], ['Keine E-Mails', 'blackListEmail'],
  ])('"%s" → %s', (heading, path) => {
    expect(fieldsOf(['PKey', heading])).toEqual([null, path]);
  });

  it('finds a custom field by its Campaign label', () => {
    const s = suggestMapping(['PKey', 'Kundennummer', 'Loyalty Tier'], FIELDS);
    expect(s.mapping.columns.map((c) => c.field)).toEqual([null, 'cusCustomerNumber', 'cusLoyaltyTier']);
    expect(s.sources).toEqual({ 0: 'apiName', 1: 'campaignLabel', 2: 'campaignLabel' });
  });

  it('ignores accents and umlaut spellings in Campaign labels too', () => {
    const fields: FieldDef[] = [{ path: 'cusPref', type: 'string', group: 'custom', label: 'Préférence für Grüße', readOnly: false }];
    expect(fieldsOf(['PREFERENCE FUER GRUESSE'], fields)).toEqual(['cusPref']);
  });

  it('never chooses a read-only field or a server timestamp', () => {
    const headers = ['PKey', 'Alter', 'age', 'Titel', 'title', 'Angelegt', 'created', 'Primary key'];
    const s = suggestMapping(headers, FIELDS);
    expect(s.mapping.columns.map((c) => c.field)).toEqual([null, null, null, null, null, null, null, null]);
    expect(s.sources).toEqual({ 0: 'apiName' });
  });

  it('gives each field one column: the surest source wins, then the first column', () => {
    expect(fieldsOf(['PKey', 'Postleitzahl', 'zipCode'])).toEqual([null, null, 'location.zipCode']);
    expect(fieldsOf(['PKey', 'PLZ', 'Postcode'])).toEqual([null, 'location.zipCode', null]);
    expect(fieldsOf(['PKey', 'Kundennummer', 'cusCustomerNumber'])).toEqual([null, null, 'cusCustomerNumber']);
    expect(suggestMapping(['PKey', 'Kundennummer', 'cusCustomerNumber'], FIELDS).sources).toEqual({ 0: 'apiName', 2: 'apiName' });
  });

  it('ignores every column it cannot match, and never clears by default', () => {
    const s = suggestMapping(['Vorname', 'Bemerkung', '', 'Name'], FIELDS);
    expect(s.mapping.columns).toEqual([
      { column: 0, field: 'firstName', clearWhenEmpty: false },
      { column: 1, field: null, clearWhenEmpty: false },
      { column: 2, field: null, clearWhenEmpty: false },
      { column: 3, field: null, clearWhenEmpty: false },
    ]);
  });
});

describe('suggestMapping: the identity', () => {
  it('prefers a profile key column; an email column then is the email field', () => {
    const s = suggestMapping(['E-Mail', 'Vorname', 'Profilschlüssel'], FIELDS);
    expect(s.mapping.identity).toEqual({ by: 'pkey', column: 2 });
    expect(s.identityFound).toBe(true);
    expect(s.mapping.columns.map((c) => c.field)).toEqual(['email', 'firstName', null]);
    expect(s.sources).toEqual({ 0: 'apiName', 1: 'appLabel', 2: 'appLabel' });
  });

  it('finds the profile key by Campaign\'s label for it', () => {
    expect(suggestMapping(['Vorname', 'Primary key'], FIELDS).mapping.identity).toEqual({ by: 'pkey', column: 1 });
  });

  it('takes an email column when there is no key', () => {
    const s = suggestMapping(['Nachname', 'Mail'], FIELDS);
    expect(s.mapping.identity).toEqual({ by: 'email', column: 1 });
    expect(s.mapping.columns.map((c) => c.field)).toEqual(['lastName', null]);
    expect(s.sources).toEqual({ 0: 'appLabel', 1: 'appLabel' });
  });

  it('says when neither exists, with column 0 as a placeholder', () => {
    const s = suggestMapping(['Vorname', 'Nachname'], FIELDS);
    expect(s.identityFound).toBe(false);
    expect(s.mapping.identity).toEqual({ by: 'pkey', column: 0 });
    expect(s.mapping.columns.map((c) => c.field)).toEqual(['firstName', 'lastName']);
  });
});

describe('suggestMapping: a remembered mapping', () => {
  const headers = ['E-Mail', 'Bemerkung', 'Stadt', 'Notiz'];
  const remembered: BulkMapping = {
    identity: { by: 'email', column: 0 },
    columns: [
      { column: 0, field: null, clearWhenEmpty: false },
      { column: 1, field: 'cusCustomerNumber', clearWhenEmpty: true },
      { column: 2, field: null, clearWhenEmpty: false },
    ],
  };

  it('is used as the operator confirmed it, every mapped column marked remembered', () => {
    const s = suggestMapping(headers, FIELDS, remembered);
    expect(s.identityFound).toBe(true);
    expect(s.mapping).toEqual({
      identity: { by: 'email', column: 0 },
      columns: [
        { column: 0, field: null, clearWhenEmpty: false },
        { column: 1, field: 'cusCustomerNumber', clearWhenEmpty: true },
        // The operator ignored "Stadt" on purpose: not matched again.
        { column: 2, field: null, clearWhenEmpty: false },
        { column: 3, field: null, clearWhenEmpty: false },
      ],
    });
    expect(s.sources).toEqual({ 0: 'remembered', 1: 'remembered' });
  });

  const automatic = [null, null, 'location.city', null];
  it.each<[string, BulkMapping]>([
    ['a column index past the headers', { ...remembered, columns: [...remembered.columns, { column: 4, field: 'lastName', clearWhenEmpty: false }] }],
    ['an identity column past the headers', { ...remembered, identity: { by: 'pkey', column: 9 } }],
    ['a field that no longer exists', { ...remembered, columns: [{ column: 1, field: 'cusGone', clearWhenEmpty: false }] }],
    ['a field that is now read-only', { ...remembered, columns: [{ column: 1, field: 'title', clearWhenEmpty: false }] }],
    ['a field written by two columns', { ...remembered, columns: [{ column: 1, field: 'firstName', clearWhenEmpty: false }, { column: 3, field: 'firstName', clearWhenEmpty: false }] }],
    ['a column listed twice', { ...remembered, columns: [{ column: 1, field: 'firstName', clearWhenEmpty: false }, { column: 1, field: null, clearWhenEmpty: false }] }],
  ])('is ignored when it no longer fits: %s', (_, stale) => {
    const s = suggestMapping(headers, FIELDS, stale);
    expect(s.mapping.columns.map((c) => c.field)).toEqual(automatic);
    expect(s.sources).toEqual({ 0: 'apiName', 2: 'appLabel' });
  });

  it('mappingFits tells main whether a mapping can be used as it is', () => {
    expect(mappingFits(remembered, 4, FIELDS)).toBe(true);
    expect(mappingFits(remembered, 2, FIELDS)).toBe(false);
    expect(mappingFits({ ...remembered, columns: [{ column: 1, field: 'created', clearWhenEmpty: false }] }, 4, FIELDS)).toBe(false);
  });
});

describe('headerSignature', () => {
  it('is the same whatever the case or spacing of the headers', () => {
    expect(headerSignature(['E-MAIL', 'plz', 'STRASSE '])).toBe(headerSignature(['e-mail', ' PLZ', 'strasse']));
    expect(headerSignature(['Post leitzahl'])).toBe(headerSignature(['Postleitzahl']));
  });

  it('differs for other headers or another order, without collisions at separators', () => {
    const base = headerSignature(['E-Mail', 'PLZ']);
    expect(headerSignature(['PLZ', 'E-Mail'])).not.toBe(base);
    expect(headerSignature(['E-Mail', 'PLZ', ''])).not.toBe(base);
    expect(headerSignature(['EMail', 'PLZ'])).not.toBe(base);
    expect(headerSignature(['a,b'])).not.toBe(headerSignature(['a', 'b']));
  });

  it('stays the same across versions, or remembered mappings are lost', () => {
    expect(headerSignature(['E-Mail', 'PLZ', 'Straße'])).toBe('f59ab91892b2fab80ab08d4fcf1fba002c6bafc2b14e29c64be1ed9476231aac');
  });
});
