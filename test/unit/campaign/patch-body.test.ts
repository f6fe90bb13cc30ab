import { describe, expect, it } from 'vitest';
import { buildPatchBody } from '../../../main/campaign/patch-body';
import type { FieldDef } from '../../../main/model/profile';
import { DeskError } from '../../../main/errors/desk-error';

const fields: FieldDef[] = [
  { path: 'phone', type: 'string', group: 'contact', label: 'Phone', readOnly: false },
  { path: 'location.city', type: 'string', group: 'address', label: 'City', readOnly: false },
  { path: 'location.zipCode', type: 'string', group: 'address', label: 'Zip', readOnly: false },
  { path: 'age', type: 'integer', group: 'system', label: 'Age', readOnly: true },
];

describe('buildPatchBody', () => {
  it('sends only the given fields, nesting dotted paths', () => {
    expect(buildPatchBody({ phone: '0301234', 'location.city': 'Köln', 'location.zipCode': '50667' }, fields)).toEqual({
      phone: '0301234',
      location: { city: 'Köln', zipCode: '50667' },
    });
  });

  it('refuses a read-only field before anything is sent', () => {
    expect(() => buildPatchBody({ age: 30 }, fields)).toThrow(DeskError);
  });

  it('refuses a field Campaign did not describe', () => {
    try {
      buildPatchBody({ nickname: 'x' }, fields);
      expect.unreachable();
    } catch (e) {
      expect((e as DeskError).info.kind).toBe('invalidRequest');
    }
  });
});
