import { describe, expect, it } from 'vitest';
import type { FieldDef, LoadedProfile } from '../../../main/model/profile';
import { changedValues, isChanged } from '../../../main/model/changes';
import { sameValue, toPatchBody } from '../../../main/model/values';

const fields: FieldDef[] = [
  { path: 'firstName', type: 'string', group: 'person', label: 'First name', maxLength: 30, readOnly: false },
  { path: 'lastName', type: 'string', group: 'person', label: 'Last name', maxLength: 50, readOnly: false },
  { path: 'email', type: 'email', group: 'contact', label: 'Email', maxLength: 128, readOnly: false },
  { path: 'gender', type: 'enum', group: 'person', label: 'Gender', values: ['unknown', 'male', 'female'], readOnly: false },
  { path: 'blackListEmail', type: 'boolean', group: 'optOuts', label: 'No email', readOnly: false },
  { path: 'location.city', type: 'string', group: 'address', label: 'City', maxLength: 50, readOnly: false },
  { path: 'location.zipCode', type: 'string', group: 'address', label: 'Zip', maxLength: 20, readOnly: false },
  { path: 'age', type: 'integer', group: 'system', label: 'Age', readOnly: true },
  { path: 'created', type: 'datetime', group: 'system', label: 'Created', readOnly: true },
  { path: 'cusPoints', type: 'integer', group: 'custom', label: 'Points', readOnly: false },
];

const original: Pick<LoadedProfile, 'fields' | 'values'> = {
  fields,
  values: {
    firstName: 'Jürgen',
    lastName: 'Müller',
    email: 'j.mueller@example.com',
    gender: 'male',
    blackListEmail: false,
    'location.city': 'Berlin',
    'location.zipCode': '',
    age: 56,
    created: '2020-01-01 10:00:00.000Z',
    cusPoints: 10,
  },
};

describe('changedValues', () => {
  it('returns nothing when nothing changed', () => {
    expect(changedValues(original, { ...original.values })).toEqual({});
  });

  it('returns only the fields whose value differs', () => {
    const edited = { ...original.values, firstName: 'Jörg', 'location.city': 'Köln', blackListEmail: true };
    expect(changedValues(original, edited)).toEqual({ firstName: 'Jörg', 'location.city': 'Köln', blackListEmail: true });
  });

  it('skips read-only fields and server timestamps even if edited', () => {
    const edited = { ...original.values, age: 30, created: '2024-01-01 00:00:00.000Z' };
    expect(changedValues(original, edited)).toEqual({});
  });

  it('treats "", null and a missing value as the same "not set"', () => {
    expect(changedValues(original, { ...original.values, 'location.zipCode': null })).toEqual({});
    expect(sameValue('', undefined)).toBe(true);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue('a', '')).toBe(false);
  });

  it('sends a cleared field as an empty string', () => {
    expect(changedValues(original, { ...original.values, lastName: '' })).toEqual({ lastName: '' });
  });

  it('ignores paths the profile does not define', () => {
    expect(changedValues(original, { ...original.values, hacker: 'x' })).toEqual({});
  });

  it('normalises emails and whole numbers the way they are sent', () => {
    expect(changedValues(original, { ...original.values, email: ' j.mueller@example.com ' })).toEqual({});
    expect(changedValues(original, { ...original.values, cusPoints: '10' })).toEqual({});
    expect(changedValues(original, { ...original.values, cusPoints: '12' })).toEqual({ cusPoints: 12 });
  });

  it('treats an unset and an unticked checkbox alike', () => {
    const def = fields.find((f) => f.path === 'blackListEmail')!;
    expect(isChanged(def, null, false)).toBe(false);
    expect(isChanged(def, null, true)).toBe(true);
  });

  it('is case-sensitive: a changed capital letter is a change', () => {
    expect(changedValues(original, { ...original.values, firstName: 'jürgen' })).toEqual({ firstName: 'jürgen' });
  });
});

describe('toPatchBody', () => {
  it('nests dotted paths like the request body Campaign receives', () => {
    expect(toPatchBody({ firstName: 'Jörg', 'location.city': 'Köln', 'location.zipCode': '50667', blackListEmail: true })).toEqual({
      firstName: 'Jörg',
      location: { city: 'Köln', zipCode: '50667' },
      blackListEmail: true,
    });
  });
});
