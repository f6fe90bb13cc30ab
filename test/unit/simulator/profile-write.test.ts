import { describe, expect, it } from 'vitest';
import { call, firstPKey, profileUrl, useSimulator } from './sim-helpers';

const RST = 'RST-360011 An error has occurred - please repeat your request.';

describe('PATCH profile/<PKey>', () => {
  const t = useSimulator();
  const patch = (body: unknown, api?: string) => call(t.sim, 'PATCH', profileUrl(t.sim, firstPKey(t.sim), api), body);
  const current = () => t.sim.getProfile(firstPKey(t.sim)) as Record<string, any>;

  it('answers exactly {PKey, href} and applies the change', async () => {
    const pkey = firstPKey(t.sim);
    const { status, json } = await patch({ phone: '3301020304' });
    expect(status).toBe(200);
    expect(json).toEqual({ PKey: pkey, href: profileUrl(t.sim, pkey) });
    expect((await call(t.sim, 'GET', json.href)).json.phone).toBe('3301020304');
  });

  it('bumps lastModified on every write, even two within one millisecond', async () => {
    const before = current().lastModified as string;
    await patch({ firstName: 'Jörg' });
    const stamps = [before, current().lastModified as string];
    for (const firstName of ['A', 'B', 'C']) {
      t.sim.changeProfile(firstPKey(t.sim), { firstName }); // back to back: same millisecond as a rule
      stamps.push(current().lastModified as string);
    }
    expect(new Set(stamps).size).toBe(5);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('merges a partial location and leaves the other address fields alone', async () => {
    await patch({ location: { zipCode: '10117' } });
    expect(current().location).toMatchObject({ zipCode: '10117', city: 'Berlin', address1: 'Lindenweg 7' });
  });

  it('refuses a read-only field with 500 and leaves the profile unchanged', async () => {
    const before = current();
    const { status, json } = await patch({ firstName: 'X', age: 30 });
    expect(status).toBe(500);
    expect(json).toEqual({ code: 500, message: "Cannot update the 'age' property that is read-only" });
    expect(current()).toEqual(before);
  });

  it.each(['PKey', 'href', 'created', 'lastModified', 'domain', 'title', 'cryptedId', 'thumbnail', 'subscriptions'])(
    'refuses the read-only %s', async (field) => {
      const { status, json } = await patch({ [field]: 'x' });
      expect(status).toBe(500);
      expect(json.message).toBe(`Cannot update the '${field}' property that is read-only`);
    },
  );

  it('refuses a value outside an enumeration with 500 RST-360011', async () => {
    const { status, json } = await patch({ gender: 'x' });
    expect(status).toBe(500);
    expect(json.message).toContain(`${RST} The value 'x' is not valid for the 'nms:recipient:gender' enumeration`);
  });

  it('refuses an unknown property with 500', async () => {
    const { status, json } = await patch({ nickname: 'Jo' });
    expect(status).toBe(500);
    expect(json.message).toBe("'nickname' property is not valid for the 'profile' resource.");
  });

  it('refuses the cus* fields under profileAndServices and accepts them under profileAndServicesExt', async () => {
    expect((await patch({ cusLoyaltyTier: 'silver' })).json.message).toContain("'cusLoyaltyTier' property is not valid");
    expect((await patch({ cusLoyaltyTier: 'silver' }, 'profileAndServicesExt')).status).toBe(200);
    expect(current().cusLoyaltyTier).toBe('silver');
    expect((await patch({ cusLoyaltyTier: 'platinum' }, 'profileAndServicesExt')).status).toBe(500);
  });

  it('refuses a string longer than the field with 500 naming field and maximum', async () => {
    const { status, json } = await patch({ firstName: 'x'.repeat(31) });
    expect(status).toBe(500);
    expect(json.message).toMatch(/'firstName'.*maximum 30/);
    expect((await patch({ location: { countryCode: 'DEU' } })).json.message).toMatch(/'countryCode'.*maximum 2/);
  });

  it.each(['31.12.1980', '1980-02-30', ''])('refuses the birth date %j with 500', async (birthDate) => {
    const { status, json } = await patch({ birthDate });
    expect(status).toBe(500);
    expect(json.message).toContain("'birthDate'");
  });

  it('clears a date with null', async () => {
    expect((await patch({ birthDate: null })).status).toBe(200);
    expect(current()).toMatchObject({ birthDate: '', age: 0 });
  });

  it.each([{ blackList: 'true' }, { firstName: 42 }, { location: 'Berlin' }])('refuses the wrong type in %j with 500', async (body) => {
    const { status, json } = await patch(body);
    expect(status).toBe(500);
    expect(json.message).toMatch(/^RST-360011 .* is not a valid (boolean|string|object)\.$/);
  });

  it('refuses a body that is not JSON with 500', async () => {
    const res = await fetch(profileUrl(t.sim, firstPKey(t.sim)), {
      method: 'PATCH', body: '{"phone":', headers: { Authorization: `Bearer ${t.sim.accessToken}`, 'X-Api-Key': t.sim.apiKey },
    });
    expect(res.status).toBe(500);
  });

  it('passes written values through a normalizer, as Campaign reformats phone numbers', async () => {
    t.sim.setNormalizer('phone', (v) => String(v).replace(/\s+/g, ''));
    t.sim.setNormalizer('location.city', (v) => String(v).toUpperCase());
    await patch({ phone: '+49 30 1234 567', location: { city: 'Potsdam' } });
    expect(current()).toMatchObject({ phone: '+49301234567', location: { city: 'POTSDAM' } });
    t.sim.setNormalizer('phone', null);
    await patch({ phone: '030 1' });
    expect(current().phone).toBe('030 1');
  });

  it('changeProfile() applies a change by someone else and bumps lastModified', async () => {
    const before = current().lastModified as string;
    t.sim.changeProfile(firstPKey(t.sim), { email: 'neu@example.com', cusLoyaltyTier: 'bronze' });
    expect(current()).toMatchObject({ email: 'neu@example.com', domain: 'example.com', cusLoyaltyTier: 'bronze' });
    expect((current().lastModified as string) > before).toBe(true);
    expect(() => t.sim.changeProfile(firstPKey(t.sim), { age: 3 })).toThrow(/read-only/);
    expect(() => t.sim.changeProfile('@unknown', { phone: '1' })).toThrow(/no profile/);
  });
});

describe('POST and DELETE profile', () => {
  const t = useSimulator();
  const collection = () => `${t.sim.baseUrl}/profileAndServices/profile`;

  it('creates a profile and answers it with a new PKey', async () => {
    const { status, json } = await call(t.sim, 'POST', collection(), { firstName: 'Ida', lastName: 'Öztürk', email: 'ida@example.net' });
    expect(status).toBe(201);
    expect(json).toMatchObject({ firstName: 'Ida', lastName: 'Öztürk', domain: 'example.net', gender: 'unknown' });
    expect(json.PKey).toMatch(/^@[A-Za-z0-9_-]{59,}$/);
    expect(t.sim.pkeys().at(-1)).toBe(json.PKey);
    expect((await call(t.sim, 'GET', json.href)).json.lastName).toBe('Öztürk');
  });

  it('validates a creation like a PATCH', async () => {
    const { status, json } = await call(t.sim, 'POST', collection(), { lastName: 'x', emailFormat: 'pdf' });
    expect(status).toBe(500);
    expect(json.message).toContain("'nms:recipient:emailFormat' enumeration");
    expect(t.sim.pkeys()).toHaveLength(60);
  });

  it('deletes with 200 {} and answers 404 afterwards', async () => {
    const pkey = firstPKey(t.sim);
    const deleted = await call(t.sim, 'DELETE', profileUrl(t.sim, pkey));
    expect([deleted.status, deleted.json]).toEqual([200, {}]);
    expect((await call(t.sim, 'GET', profileUrl(t.sim, pkey))).status).toBe(404);
    expect((await call(t.sim, 'PATCH', profileUrl(t.sim, pkey), { phone: '1' })).status).toBe(404);
    expect(t.sim.pkeys()).not.toContain(pkey);
  });
});
