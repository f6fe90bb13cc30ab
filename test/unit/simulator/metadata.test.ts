import { describe, expect, it } from 'vitest';
import { call, useSimulator } from './sim-helpers';

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
