import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../main/simulator/test-hooks';
import { useSimulator } from './sim-helpers';

describe('seeded demo profiles', () => {
  const t = useSimulator();
  const profiles = () => t.sim.pkeys().map((pkey) => t.sim.getProfile(pkey) as Record<string, any>);

  it('are the same on every start: PKeys and values', async () => {
    const other = await startTestSimulator();
    try {
      expect(other.pkeys()).toEqual(t.sim.pkeys());
      const strip = (p: Record<string, unknown>) => ({ ...p, href: undefined, subscriptions: undefined, age: undefined });
      expect(other.pkeys().map((k) => strip(other.getProfile(k) as Record<string, unknown>))).toEqual(profiles().map(strip));
    } finally {
      await other.close();
    }
  });

  it('number 60 by default, with distinct opaque PKeys of 60–110 characters', () => {
    const pkeys = t.sim.pkeys();
    expect(pkeys).toHaveLength(60);
    expect(new Set(pkeys).size).toBe(60);
    for (const pkey of pkeys) {
      expect(pkey).toMatch(/^@[A-Za-z0-9_-]+$/);
      expect(pkey.length).toBeGreaterThanOrEqual(60);
      expect(pkey.length).toBeLessThanOrEqual(110);
    }
  });

  it('include German, Austrian and Swiss names with umlauts, ß and accents', () => {
    const names = profiles().map((p) => `${p.firstName} ${p.lastName}`.trim());
    expect(names).toEqual(expect.arrayContaining(['Jürgen Müller', 'Zoë Weiß', 'Björn Groß', 'Anaïs Lefèvre']));
    expect(new Set(profiles().map((p) => p.location.countryCode))).toEqual(new Set(['DE', 'AT', 'CH', '']));
  });

  it('include shared emails and profiles with empty fields', () => {
    const emails = profiles().map((p) => String(p.email).toLowerCase()).filter(Boolean);
    expect(emails.length - new Set(emails).size).toBeGreaterThanOrEqual(3);
    expect(profiles().some((p) => p.email === '')).toBe(true);
    expect(profiles().some((p) => p.birthDate === '' && p.phone === '' && p.firstName === '')).toBe(true);
  });

  it('use German-style phone numbers', () => {
    const phones = profiles().map((p) => p.phone as string).filter(Boolean);
    expect(phones.length).toBeGreaterThan(30);
    for (const phone of phones) expect(phone).toMatch(/^(\+\d{2} |0)[\d ()/+-]+$/);
  });

  it('contain nothing that looks like a real secret', () => {
    const text = JSON.stringify(profiles()) + t.sim.accessToken;
    expect(text).not.toMatch(/"eyJ|"p8e-/);
    expect(t.sim.accessToken).not.toMatch(/^(eyJ|p8e-)/);
  });

  it('follow profileCount', async () => {
    const small = await startTestSimulator({ profileCount: 3 });
    const large = await startTestSimulator({ profileCount: 110 });
    try {
      expect(small.pkeys()).toEqual(t.sim.pkeys().slice(0, 3));
      expect(large.pkeys().slice(0, 60)).toEqual(t.sim.pkeys());
      expect(new Set(large.pkeys()).size).toBe(110);
    } finally {
      await Promise.all([small.close(), large.close()]);
    }
  });
});
