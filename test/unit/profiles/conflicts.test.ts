import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../../main/profiles/conflicts';

const server: Record<string, string> = { phone: '030 999', email: 'a@b.de', 'location.city': 'Köln' };
const at = (p: string) => server[p];

describe('findConflicts', () => {
  it('finds nothing when the edited fields and lastModified are as loaded', () => {
    expect(findConflicts(at, 'T1', { phone: '040 1' }, { values: { phone: '030 999' }, lastModified: 'T1' })).toBeNull();
  });

  it('reports an edited field someone else changed, with all three values', () => {
    expect(findConflicts(at, 'T2', { phone: '040 1' }, { values: { phone: '030 111' }, lastModified: 'T1' })).toEqual({
      conflicts: [{ path: 'phone', loaded: '030 111', server: '030 999', mine: '040 1' }],
      changedElsewhere: true,
    });
  });

  it('stops on a change elsewhere in the profile even when the edited fields are untouched', () => {
    expect(findConflicts(at, 'T2', { 'location.city': 'Bonn' }, { values: { 'location.city': 'Köln' }, lastModified: 'T1' })).toEqual({
      conflicts: [],
      changedElsewhere: true,
    });
  });

  it('treats an empty and a missing value as the same', () => {
    expect(findConflicts(() => '', 'T1', { fax: '1' }, { values: { fax: null }, lastModified: 'T1' })).toBeNull();
  });
});
