import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../main/simulator/test-hooks';
import { call, firstPKey, profileUrl, useSimulator } from './sim-helpers';

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('GET profile/<PKey>', () => {
  const t = useSimulator();

  it('answers the unwrapped profile with every standard field', async () => {
    const pkey = firstPKey(t.sim);
    const { status, json } = await call(t.sim, 'GET', profileUrl(t.sim, pkey));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      PKey: pkey, href: profileUrl(t.sim, pkey), firstName: 'Jürgen', lastName: 'Müller', middleName: '',
      email: 'familie.mueller@example.com', domain: 'example.com', gender: 'male', birthDate: '1968-04-12',
      blackListEmail: false, subscriptions: { href: expect.stringContaining(pkey) },
      location: expect.objectContaining({ city: 'Berlin', countryCode: 'DE', address2: '' }),
    });
    expect(json.created).toMatch(DATETIME);
    expect(json.lastModified).toMatch(DATETIME);
    expect(json.title).toBe('Jürgen Müller (familie.mueller@example.com)');
  });

  it('computes age from birthDate, and 0 without one', async () => {
    const profiles = await Promise.all(t.sim.pkeys().slice(0, 5).map((p) => call(t.sim, 'GET', profileUrl(t.sim, p))));
    const jürgen = profiles[0]?.json;
    const now = new Date(); // born 1968-04-12
    const hadBirthday = now.getUTCMonth() > 3 || (now.getUTCMonth() === 3 && now.getUTCDate() >= 12);
    expect(jürgen.age).toBe(now.getUTCFullYear() - 1968 - (hadBirthday ? 0 : 1));
    const björn = profiles[4]?.json;
    expect([björn.firstName, björn.birthDate, björn.age]).toEqual(['Björn', '', 0]);
  });

  it('shows unset enums as their unset value and unset strings as ""', async () => {
    const info = t.sim.pkeys()[8] as string;
    const { json } = await call(t.sim, 'GET', profileUrl(t.sim, info));
    expect(json).toMatchObject({ email: 'info@example.org', firstName: '', phone: '', preferredLanguage: 'none', timeZone: 'none', gender: 'unknown' });
  });

  it('leaves the cus* fields out under profileAndServices and returns them under profileAndServicesExt', async () => {
    const pkey = firstPKey(t.sim);
    const plain = await call(t.sim, 'GET', profileUrl(t.sim, pkey));
    const ext = await call(t.sim, 'GET', profileUrl(t.sim, pkey, 'profileAndServicesExt'));
    expect(Object.keys(plain.json).filter((k) => k.startsWith('cus'))).toEqual([]);
    expect(ext.json).toMatchObject({ cusLoyaltyTier: 'gold', cusCustomerNumber: 'K-100001', cusNewsletterConsentDate: '2023-05-02' });
    expect(ext.json.href).toContain('/profileAndServicesExt/profile/');
  });

  it('answers an unknown but well-formed PKey with 404 RST-360011', async () => {
    const { status, json } = await call(t.sim, 'GET', profileUrl(t.sim, '@AAAAbbbbCCCCddddEEEEffff0000____----'));
    expect(status).toBe(404);
    expect(json.code).toBe(404);
    expect(json.message).toMatch(/^RST-360011 /);
  });

  it('answers a malformed PKey with 500 XTK-170036', async () => {
    const { status, json } = await call(t.sim, 'GET', profileUrl(t.sim, 'not-a-pkey'));
    expect(status).toBe(500);
    expect(json.message).toContain("XTK-170036 Unable to parse expression 'not-a-pkey'");
  });

  it('getProfile() returns a deep copy with the Ext fields, as GET shows it', async () => {
    const pkey = firstPKey(t.sim);
    const copy = t.sim.getProfile(pkey) as { location: { city: string } };
    copy.location.city = 'Changed';
    expect((t.sim.getProfile(pkey) as typeof copy).location.city).toBe('Berlin');
    const { json } = await call(t.sim, 'GET', profileUrl(t.sim, pkey, 'profileAndServicesExt'));
    expect(t.sim.getProfile(pkey)).toEqual(json);
    expect(t.sim.getProfile('@nope')).toBeUndefined();
  });
});

describe('GET profile/<PKey> with wrapGetInContent', () => {
  it('answers {"content": [profile]}', async () => {
    const sim = await startTestSimulator({ wrapGetInContent: true });
    try {
      const pkey = firstPKey(sim);
      const { json } = await call(sim, 'GET', profileUrl(sim, pkey));
      expect(Object.keys(json)).toEqual(['content']);
      expect(json.content).toHaveLength(1);
      expect(json.content[0].PKey).toBe(pkey);
    } finally {
      await sim.close();
    }
  });
});
