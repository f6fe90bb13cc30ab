import { describe, expect, it } from 'vitest';
import type { FieldDef, LoadedProfile } from '../../../main/model/profile';
import { changedValues, editBase } from '../../../main/model/changes';
import { applyChoices, changedMeanwhile, unanswered } from '../../../renderer/lib/conflict';

const fields: FieldDef[] = [
  { path: 'firstName', type: 'string', group: 'person', label: 'First name', maxLength: 30, readOnly: false },
  { path: 'phone', type: 'string', group: 'contact', label: 'Phone', maxLength: 32, readOnly: false },
  { path: 'location.city', type: 'string', group: 'address', label: 'City', maxLength: 50, readOnly: false },
  { path: 'cusLoyaltyTier', type: 'enum', group: 'custom', label: 'Loyalty tier', values: ['none', 'gold'], readOnly: false },
  { path: 'lastModified', type: 'datetime', group: 'system', label: 'Last modified', readOnly: true },
];

const loaded: LoadedProfile = {
  connectionId: 'demo',
  pkey: '@abc',
  displayName: 'Jürgen Müller',
  fields,
  values: { firstName: 'Jürgen', phone: '030 1', 'location.city': 'Berlin', cusLoyaltyTier: 'gold', lastModified: '2024-01-01 10:00:00.000Z' },
};
const server: LoadedProfile = {
  ...loaded,
  values: { firstName: 'Jürgen', phone: '030 2', 'location.city': 'Köln', cusLoyaltyTier: 'gold', lastModified: '2024-02-02 10:00:00.000Z' },
};

describe('editBase', () => {
  it('holds the loaded values of exactly the edited fields and the profile’s lastModified', () => {
    expect(editBase(loaded, { phone: '040 9', cusLoyaltyTier: 'none' })).toEqual({
      values: { phone: '030 1', cusLoyaltyTier: 'gold' },
      lastModified: '2024-01-01 10:00:00.000Z',
    });
  });

  it('sends a field that was unset as null, and leaves lastModified out when the profile has none', () => {
    expect(editBase({ values: {} }, { phone: 'x' })).toEqual({ values: { phone: null } });
  });
});

describe('changedMeanwhile', () => {
  it('lists editable fields changed in Campaign, except the conflicts, and never the timestamps', () => {
    expect(changedMeanwhile(loaded, server, ['phone'])).toEqual([{ path: 'location.city', loaded: 'Berlin', server: 'Köln' }]);
  });
});

describe('unanswered', () => {
  it('names every conflict without a choice', () => {
    const conflicts = [
      { path: 'phone', loaded: '030 1', server: '030 2', mine: '040 9' },
      { path: 'firstName', loaded: 'a', server: 'b', mine: 'c' },
    ];
    expect(unanswered(conflicts, {})).toEqual(['phone', 'firstName']);
    expect(unanswered(conflicts, { phone: 'mine', firstName: '' })).toEqual(['firstName']);
    expect(unanswered(conflicts, { phone: 'mine', firstName: 'theirs' })).toEqual([]);
  });
});

describe('applyChoices', () => {
  it('keeps my value where chosen, drops the field where Campaign’s is taken, shows Campaign’s values elsewhere', () => {
    const mine = { phone: '040 9', cusLoyaltyTier: 'none' };
    const edited = applyChoices(server, mine, { phone: 'mine' });
    expect(edited).toEqual({ ...server.values, phone: '040 9', cusLoyaltyTier: 'none' });
    // Against the server's profile as the new original, only my kept changes are left to send.
    expect(changedValues(server, edited)).toEqual({ phone: '040 9', cusLoyaltyTier: 'none' });

    const taken = applyChoices(server, mine, { phone: 'theirs' });
    expect(taken['phone']).toBe('030 2');
    expect(changedValues(server, taken)).toEqual({ cusLoyaltyTier: 'none' });
  });
});
