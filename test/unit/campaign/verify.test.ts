import { describe, expect, it } from 'vitest';
import { compareSent } from '../../../main/campaign/verify';
import { readPath } from '../../../main/campaign/field-catalog';

const server = { phone: '+49 30 1234', email: 'a@b.de', blackList: false, firstName: '', location: { city: 'Köln' } };
const lookup = (p: string) => readPath(server, p);

describe('compareSent', () => {
  it('confirms a value the server holds exactly', () => {
    expect(compareSent({ email: 'a@b.de', 'location.city': 'Köln' }, lookup).map((c) => c.match)).toEqual([true, true]);
  });

  it('reports a reformatted value as different, with the server value', () => {
    const [check] = compareSent({ phone: '030 1234' }, lookup);
    expect(check).toEqual({ path: 'phone', sent: '030 1234', server: '+49 30 1234', match: false });
  });

  it('never confirms a field missing from the answer', () => {
    const [check] = compareSent({ mobilePhone: '' }, lookup);
    expect(check?.match).toBe(false);
    expect(check?.server).toBeUndefined();
  });

  it('treats a cleared field as confirmed when the server reports it empty', () => {
    expect(compareSent({ firstName: null }, lookup)[0]?.match).toBe(true);
  });

  it('compares booleans strictly', () => {
    expect(compareSent({ blackList: true }, lookup)[0]?.match).toBe(false);
  });
});
