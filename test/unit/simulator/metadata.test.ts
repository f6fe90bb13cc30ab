import { afterEach, describe, expect, it } from 'vitest';
import { type SimulatorOptions, type TestSimulator, startTestSimulator } from '../../../main/simulator/test-hooks';
import { call, firstPKey, profileUrl, useSimulator } from './sim-helpers';

describe('resourceType/profile metadata', () => {
  const t = useSimulator();
  const metadata = async (api = 'profileAndServices') => (await call(t.sim, 'GET', `${t.sim.baseUrl}/${api}/resourceType/profile`)).json;

  it('describes the resource with name, label, schema, content and filters', async () => {
    const json = await metadata();
    expect(json).toMatchObject({ name: 'profile', label: 'Profiles', schema: 'nms:recipient', filters: { href: expect.any(String) } });
    expect(Object.keys(json.content)).toEqual(expect.arrayContaining(['PKey', 'firstName', 'email', 'location', 'age', 'blackListEmail']));
  });

  it('gives strings their type and length, and email its data policy', async () => {
    const { content } = await metadata();
    expect(content.firstName).toMatchObject({ apiName: 'firstName', label: 'First name', type: 'string', length: 30, sortable: true });
    expect(content.lastName.length).toBe(50);
    expect(content.email).toMatchObject({ type: 'string', length: 128, dataPolicy: 'email' });
    expect(content.phone.length).toBe(32);
  });

  it('describes enumerations with their values', async () => {
    const { content } = await metadata();
    expect(content.gender.type).toBe('enumeration');
    expect(content.gender.values.map((v: { name: string }) => v.name)).toEqual(['unknown', 'male', 'female']);
    expect(content.preferredLanguage.values).toContainEqual({ name: 'none', label: 'None' });
    expect(content.timeZone.values.map((v: { name: string }) => v.name)).toContain('Europe/Vienna');
  });

  it('marks computed fields read-only with their types', async () => {
    const { content } = await metadata();
    expect(content.age).toMatchObject({ type: 'long', readOnly: true });
    expect(content.lastModified).toMatchObject({ type: 'datetime', readOnly: true });
    expect(content.birthDate).toMatchObject({ type: 'date' });
    expect(content.birthDate.readOnly).toBeUndefined();
    expect(content.blackList.type).toBe('boolean');
  });

  it('describes location as an object with its own string fields', async () => {
    const { content } = await metadata();
    expect(content.location.type).toBe('object');
    expect(Object.keys(content.location.content)).toEqual(
      ['address1', 'address2', 'address3', 'address4', 'zipCode', 'city', 'stateCode', 'countryCode'],
    );
    expect(content.location.content.countryCode).toMatchObject({ apiName: 'countryCode', type: 'string', length: 2 });
  });

  it('adds the cus* fields under profileAndServicesExt only', async () => {
    const plain = await metadata();
    const ext = await metadata('profileAndServicesExt');
    expect(Object.keys(plain.content).filter((k) => k.startsWith('cus'))).toEqual([]);
    expect(ext.content.cusLoyaltyTier.values.map((v: { name: string }) => v.name)).toEqual(['none', 'bronze', 'silver', 'gold']);
    expect(ext.content.cusCustomerNumber).toMatchObject({ type: 'string', length: 20 });
    expect(ext.content.cusNewsletterConsentDate.type).toBe('date');
  });

  it('keeps internal details out of the description', async () => {
    const { content } = await metadata('profileAndServicesExt');
    expect(content.gender).not.toHaveProperty('enumName');
    expect(content.cusLoyaltyTier).not.toHaveProperty('custom');
  });
});

describe('resourceType/profile metadata in other shapes (SimulatorOptions)', () => {
  let sim: TestSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });
  const metadataWith = async (options: SimulatorOptions, api = 'profileAndServicesExt') => {
    sim = await startTestSimulator(options);
    return (await call(sim, 'GET', `${sim.baseUrl}/${api}/resourceType/profile`)).json;
  };

  it("lists enum values as {name, label} by default ('labelled')", async () => {
    const { content } = await metadataWith({ enumShape: 'labelled' });
    expect(content.gender.values).toEqual([
      { name: 'unknown', label: 'Not specified' }, { name: 'male', label: 'Male' }, { name: 'female', label: 'Female' },
    ]);
  });

  it("lists enum values as bare names ('names')", async () => {
    const { content } = await metadataWith({ enumShape: 'names' });
    expect(content.gender.values).toEqual(['unknown', 'male', 'female']);
    expect(content.cusLoyaltyTier.values).toEqual(['none', 'bronze', 'silver', 'gold']);
  });

  it("lists enum values as an object keyed by name with a label and a 1-based number ('keyed')", async () => {
    const { content } = await metadataWith({ enumShape: 'keyed' });
    expect(content.gender.values).toEqual({
      unknown: { label: 'Not specified', value: 1 }, male: { label: 'Male', value: 2 }, female: { label: 'Female', value: 3 },
    });
    expect(Object.keys(content.timeZone.values)).toContain('Europe/Vienna');
    expect(content.gender.type).toBe('enumeration');
  });

  it('describes age as int64 with sizedNumberTypes, and as long without', async () => {
    expect((await metadataWith({ sizedNumberTypes: true })).content.age).toMatchObject({ type: 'int64', readOnly: true });
    await sim?.close();
    expect((await metadataWith({})).content.age).toMatchObject({ type: 'long', readOnly: true });
  });

  it('describes created and lastModified as strings with timestampsAsStrings', async () => {
    const { content } = await metadataWith({ timestampsAsStrings: true });
    expect(content.created).toMatchObject({ apiName: 'created', type: 'string', readOnly: true });
    expect(content.lastModified).toMatchObject({ apiName: 'lastModified', type: 'string', readOnly: true });
    expect(content.birthDate.type).toBe('date');
  });

  it('leaves the values out of the enums named in enumsWithoutValues, and only those', async () => {
    const { content } = await metadataWith({ enumsWithoutValues: ['preferredLanguage', 'timeZone'] });
    expect(content.preferredLanguage).toMatchObject({ type: 'enumeration', label: 'Preferred language' });
    expect(content.preferredLanguage).not.toHaveProperty('values');
    expect(content.timeZone).not.toHaveProperty('values');
    expect(content.gender.values).toHaveLength(3);
  });

  it('changes only the description: stored values, reads and enum-name writes stay the same', async () => {
    await metadataWith({ enumShape: 'keyed', sizedNumberTypes: true, timestampsAsStrings: true, enumsWithoutValues: ['timeZone'] });
    const s = sim as TestSimulator;
    const pkey = firstPKey(s);
    const write = await call(s, 'PATCH', profileUrl(s, pkey), { gender: 'female', timeZone: 'Europe/Vienna' });
    expect(write.status).toBe(200);
    const profile = (await call(s, 'GET', profileUrl(s, pkey))).json;
    expect(profile).toMatchObject({ gender: 'female', timeZone: 'Europe/Vienna' });
    expect(profile.lastModified).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await call(s, 'PATCH', profileUrl(s, pkey), { gender: 2 })).status).toBe(500); // the number is no write value
  });

  it('refuses an unknown enum shape and a field that is no enumeration', async () => {
    await expect(startTestSimulator({ enumShape: 'flat' as SimulatorOptions['enumShape'] })).rejects.toThrow('enumShape');
    await expect(startTestSimulator({ enumsWithoutValues: ['timezone'] })).rejects.toThrow('timezone');
    await expect(startTestSimulator({ enumsWithoutValues: ['firstName'] })).rejects.toThrow('firstName');
  });
});
