// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { MetadataField, ResourceMetadata } from '../../../main/campaign/client';
import { fieldsFromMetadata } from '../../../main/campaign/field-catalog';
import type { FieldDef } from '../../../main/model/profile';
import { type SimulatorOptions, type TestSimulator, startTestSimulator } from '../../../main/simulator/test-hooks';
import { call } from '../simulator/sim-helpers';

const catalog = (content: Record<string, MetadataField>): FieldDef[] => fieldsFromMetadata({ content });
const only = (m: MetadataField, name = 'field'): FieldDef | undefined => catalog({ [name]: m }).find((f) => f.path === name);
const enumOf = (values: unknown) => {
  const f = only({ label: 'Gender', type: 'enumeration', values }, 'gender');
  return { values: f?.values, valueLabels: f?.valueLabels };
};

const GENDER = ['unknown', 'male', 'female'];
const GENDER_LABELS = { unknown: 'Not specified', male: 'Male', female: 'Female' };

describe('fieldsFromMetadata: enum values', () => {
  it('reads a list of names', () => {
    expect(enumOf(['unknown', 'male', 'female'])).toEqual({ values: GENDER, valueLabels: undefined });
  });

  it('reads a list of {name, label}', () => {
    const values = [{ name: 'unknown', label: 'Not specified' }, { name: 'male', label: 'Male' }, { name: 'female', label: 'Female' }];
    expect(enumOf(values)).toEqual({ values: GENDER, valueLabels: GENDER_LABELS });
  });

  it('reads a list of {value, label} where value is the name', () => {
    const values = [{ value: 'unknown', label: 'Not specified' }, { value: 'male', label: 'Male' }, { value: 'female', label: 'Female' }];
    expect(enumOf(values)).toEqual({ values: GENDER, valueLabels: GENDER_LABELS });
  });

  it('reads an object keyed by name, taking the key (never the numeric value) as the write name', () => {
    const values = { unknown: { label: 'Not specified', value: 0 }, male: { label: 'Male', value: 1 }, female: { label: 'Female', value: 2 } };
    expect(enumOf(values)).toEqual({ values: GENDER, valueLabels: GENDER_LABELS });
  });

  it('reads an object keyed by name whose entries are the labels', () => {
    expect(enumOf({ unknown: 'Not specified', male: 'Male', female: 'Female' })).toEqual({ values: GENDER, valueLabels: GENDER_LABELS });
  });

  it('keeps the labels it has when only some entries carry one', () => {
    expect(enumOf([{ name: 'unknown' }, { name: 'male', label: 'Male' }, 'female'])).toEqual({ values: GENDER, valueLabels: { male: 'Male' } });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['an empty list', []],
    ['an empty object', {}],
    ['a string', 'male,female'],
    ['a number', 3],
    ['only unreadable entries', [null, 42, {}, { label: 'Male' }, { value: 1, label: 'Male' }, '', true]],
  ])('gives values [] when they are %s', (_what, values) => {
    const f = only({ label: 'Time zone', type: 'enumeration', values }, 'timeZone');
    expect(f).toMatchObject({ path: 'timeZone', type: 'enum', group: 'preferences', readOnly: false });
    expect(f?.values).toEqual([]);
    expect(f?.valueLabels).toBeUndefined();
  });

  it('skips garbage entries mixed into a list, and duplicates', () => {
    const values = [null, 'unknown', 7, { name: 'male', label: 'Male' }, { label: 'orphan label' }, [], { value: 2, label: 'Two' }, { value: 'female', label: 'Female' }, 'male'];
    expect(enumOf(values)).toEqual({ values: GENDER, valueLabels: { male: 'Male', female: 'Female' } });
  });

  it('skips garbage entries mixed into a keyed object', () => {
    const values = { unknown: { label: 'Not specified', value: 0 }, broken: null, odd: 12, male: { label: 'Male', value: 1 }, female: { value: 2 } };
    expect(enumOf(values)).toEqual({ values: GENDER, valueLabels: { unknown: 'Not specified', male: 'Male' } });
  });
});

describe('fieldsFromMetadata: types', () => {
  it.each(['long', 'int', 'short', 'byte', 'int8', 'int16', 'int32', 'int64', 'integer', 'INT64', 'Long', 'Integer'])(
    '%s is an integer field', (type) => {
      expect(only({ label: 'Age', type, readOnly: true }, 'age')).toEqual({ path: 'age', type: 'integer', group: 'system', label: 'Age', readOnly: true });
    },
  );

  it.each(['double', 'float', 'number', 'decimal', 'real', 'DOUBLE', 'Decimal'])('%s is a number field', (type) => {
    expect(only({ label: 'Score', type }, 'cusScore')).toEqual({ path: 'cusScore', type: 'number', group: 'custom', label: 'Score', readOnly: false });
  });

  it('keeps an editable integer editable', () => {
    expect(only({ label: 'Children', type: 'int32' }, 'cusChildren')).toMatchObject({ type: 'integer', readOnly: false, group: 'custom' });
  });

  it.each(['link', 'object', 'blob', undefined])('drops a field of type %s', (type) => {
    expect(only({ label: 'Something', type }, 'something')).toBeUndefined();
  });

  it('maps the other types as before', () => {
    const fields = catalog({
      birthDate: { label: 'Birth date', type: 'date' },
      blackListEmail: { label: 'No email', type: 'boolean' },
      email: { label: 'Email', type: 'string', length: 128, dataPolicy: 'email' },
      cusContact: { label: 'Contact', type: 'memo', dataPolicy: 'email' },
      firstName: { label: 'First name', type: 'string', length: 30 },
    });
    expect(fields).toEqual([
      { path: 'birthDate', type: 'date', group: 'person', label: 'Birth date', readOnly: false },
      { path: 'blackListEmail', type: 'boolean', group: 'optOuts', label: 'No email', readOnly: false },
      { path: 'email', type: 'email', group: 'contact', label: 'Email', maxLength: 128, readOnly: false },
      { path: 'cusContact', type: 'email', group: 'custom', label: 'Contact', readOnly: false },
      { path: 'firstName', type: 'string', group: 'person', label: 'First name', maxLength: 30, readOnly: false },
    ]);
  });
});

describe('fieldsFromMetadata: timestamps, structure and hidden fields', () => {
  it('keeps created and lastModified described as strings, read-only in the system group, with their type', () => {
    const fields = catalog({
      created: { label: 'Created', type: 'string', readOnly: true },
      lastModified: { label: 'Last modified', type: 'string' }, // even without readOnly: the server sets it
    });
    expect(fields).toEqual([
      { path: 'created', type: 'string', group: 'system', label: 'Created', readOnly: true },
      { path: 'lastModified', type: 'string', group: 'system', label: 'Last modified', readOnly: true },
    ]);
  });

  it('keeps datetime timestamps as datetime', () => {
    expect(only({ label: 'Created', type: 'datetime', readOnly: true }, 'created')).toMatchObject({ type: 'datetime', readOnly: true, group: 'system' });
  });

  it('flattens nested location content into dotted paths in the address group', () => {
    const fields = catalog({
      location: {
        label: 'Address', type: 'object',
        content: { city: { apiName: 'city', label: 'City', type: 'string', length: 50 }, zipCode: { label: 'Zip code', type: 'string', length: 20 } },
      },
    });
    expect(fields).toEqual([
      { path: 'location.city', type: 'string', group: 'address', label: 'City', maxLength: 50, readOnly: false },
      { path: 'location.zipCode', type: 'string', group: 'address', label: 'Zip code', maxLength: 20, readOnly: false },
    ]);
  });

  it('puts cus* fields in the custom group, keyed enums included', () => {
    const fields = catalog({
      cusLoyaltyTier: { label: 'Loyalty tier', type: 'enumeration', values: { none: { label: 'None', value: 1 }, gold: { label: 'Gold', value: 2 } } },
      cusCustomerNumber: { label: 'Customer number', type: 'string', length: 20 },
    });
    expect(fields).toEqual([
      { path: 'cusLoyaltyTier', type: 'enum', group: 'custom', label: 'Loyalty tier', values: ['none', 'gold'], valueLabels: { none: 'None', gold: 'Gold' }, readOnly: false },
      { path: 'cusCustomerNumber', type: 'string', group: 'custom', label: 'Customer number', maxLength: 20, readOnly: false },
    ]);
  });

  it('hides href, subscriptions, thumbnail and cryptedId, and locks PKey', () => {
    const fields = catalog({
      PKey: { label: 'Primary key', type: 'string' },
      href: { label: 'Link', type: 'string', readOnly: true },
      subscriptions: { label: 'Subscriptions', type: 'string' },
      thumbnail: { label: 'Thumbnail', type: 'string', readOnly: true },
      cryptedId: { label: 'Encrypted identifier', type: 'string', readOnly: true },
      phone: { label: 'Phone', type: 'string', length: 32 },
    });
    expect(fields.map((f) => [f.path, f.readOnly, f.group])).toEqual([['PKey', true, 'system'], ['phone', false, 'contact']]);
  });

  it('names a field by its apiName over its key, and by its key when its label is missing', () => {
    expect(catalog({ k1: { apiName: 'mobilePhone', label: 'Mobile', type: 'string' }, fax: { type: 'string' } })).toEqual([
      { path: 'mobilePhone', type: 'string', group: 'contact', label: 'Mobile', readOnly: false },
      { path: 'fax', type: 'string', group: 'contact', label: 'fax', readOnly: false },
    ]);
  });
});

describe('fieldsFromMetadata over HTTP against the simulator', () => {
  let sim: TestSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  const fieldsFrom = async (options: SimulatorOptions, api = 'profileAndServicesExt'): Promise<Map<string, FieldDef>> => {
    sim = await startTestSimulator(options);
    const answer = await call(sim, 'GET', `${sim.baseUrl}/${api}/resourceType/profile`);
    expect(answer.status).toBe(200);
    return new Map(fieldsFromMetadata(answer.json as ResourceMetadata).map((f) => [f.path, f]));
  };

  it.each(['labelled', 'names', 'keyed'] as const)('offers every gender, emailFormat and loyalty tier when enums come %s', async (enumShape) => {
    const fields = await fieldsFrom({ enumShape });
    const gender = fields.get('gender');
    expect(gender?.type).toBe('enum');
    expect(gender?.values).toEqual(GENDER);
    expect(fields.get('emailFormat')?.values).toEqual(['unknown', 'text', 'html']);
    expect(fields.get('cusLoyaltyTier')?.values).toEqual(['none', 'bronze', 'silver', 'gold']);
    expect(fields.get('timeZone')?.values).toContain('Europe/Vienna');
    if (enumShape === 'names') expect(gender?.valueLabels).toBeUndefined(); // a list of names carries no labels
    else expect(gender?.valueLabels).toEqual(GENDER_LABELS);
  });

  it('reads the default description: age an integer, timestamps datetime', async () => {
    const fields = await fieldsFrom({});
    expect(fields.get('age')).toEqual({ path: 'age', type: 'integer', group: 'system', label: 'Age', readOnly: true });
    expect(fields.get('lastModified')).toMatchObject({ type: 'datetime', readOnly: true, group: 'system' });
  });

  it('reads sized number types, timestamps as strings and enums without values', async () => {
    const fields = await fieldsFrom({
      enumShape: 'keyed', sizedNumberTypes: true, timestampsAsStrings: true, enumsWithoutValues: ['preferredLanguage', 'timeZone'],
    }, 'profileAndServices');
    expect(fields.get('age')).toEqual({ path: 'age', type: 'integer', group: 'system', label: 'Age', readOnly: true });
    expect(fields.get('created')).toEqual({ path: 'created', type: 'string', group: 'system', label: 'Created', readOnly: true });
    expect(fields.get('lastModified')).toEqual({ path: 'lastModified', type: 'string', group: 'system', label: 'Last modified', readOnly: true });
    expect(fields.get('preferredLanguage')).toMatchObject({ type: 'enum', values: [], readOnly: false, group: 'preferences' });
    expect(fields.get('timeZone')).toMatchObject({ type: 'enum', values: [], readOnly: false, group: 'preferences' });
    expect(fields.get('timeZone')?.valueLabels).toBeUndefined();
    expect(fields.get('gender')?.values).toEqual(GENDER);
  });
});
