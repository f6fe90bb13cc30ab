import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../../main/model/connection';
import { de } from '../../../renderer/lib/i18n/de';
import { en } from '../../../renderer/lib/i18n/en';
import { SOON_MS, tokenValidity } from '../../../renderer/lib/token-validity';

const NOW = Date.parse('2025-06-02T10:00:00Z');
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
type C = Pick<ConnectionSummary, 'authMode' | 'tokenExpiresAt' | 'secrets'>;
const conn = (authMode: C['authMode'], tokenExpiresAt?: string, tokenSet = true): C => ({
  authMode,
  tokenExpiresAt,
  secrets: { apiKey: { set: true, last4: 'abcd' }, clientSecret: { set: authMode === 'oauth' }, accessToken: { set: tokenSet } },
});

describe('tokenValidity', () => {
  it('OAuth: renews by itself; says until when the current access lasts, if known', () => {
    expect(tokenValidity(conn('oauth', iso(3_600_000 * 5)), NOW)).toMatchObject({ key: 'validity.oauthUntil', tone: 'ok', needsNewToken: false });
    expect(tokenValidity(conn('oauth'), NOW)).toMatchObject({ key: 'validity.oauth', tone: 'ok' });
    // An expired cached token is renewed on the next call: no alarm, no time.
    const expired = tokenValidity(conn('oauth', iso(-1000)), NOW);
    expect(expired).toMatchObject({ key: 'validity.oauth', tone: 'ok', needsNewToken: false });
    expect(expired.at).toBeUndefined();
  });

  it('pasted token: valid until, soon, expired, unknown, missing', () => {
    expect(tokenValidity(conn('token', iso(SOON_MS * 3)), NOW)).toMatchObject({ key: 'validity.tokenUntil', tone: 'ok', needsNewToken: false });
    expect(tokenValidity(conn('token', iso(SOON_MS / 2)), NOW)).toMatchObject({ key: 'validity.tokenSoon', tone: 'warn' });
    expect(tokenValidity(conn('token', iso(-60_000)), NOW)).toMatchObject({ key: 'validity.tokenExpired', tone: 'danger', needsNewToken: true });
    expect(tokenValidity(conn('token', iso(0)), NOW)).toMatchObject({ key: 'validity.tokenExpired' });
    expect(tokenValidity(conn('token'), NOW)).toMatchObject({ key: 'validity.tokenUnknown', tone: 'neutral', needsNewToken: false });
    expect(tokenValidity(conn('token', 'not a date'), NOW)).toMatchObject({ key: 'validity.tokenUnknown' });
    expect(tokenValidity(conn('token', iso(SOON_MS * 3), false), NOW)).toMatchObject({ key: 'validity.tokenMissing', needsNewToken: true });
  });

  it('passes the expiry through for the {time} placeholder, and the texts ask for it', () => {
    const at = iso(SOON_MS * 3);
    const v = tokenValidity(conn('token', at), NOW);
    expect(v.at).toBe(at);
    for (const key of ['validity.oauthUntil', 'validity.tokenUntil', 'validity.tokenSoon', 'validity.tokenExpired'] as const) {
      expect(en[key]).toContain('{time}');
      expect(de[key]).toContain('{time}');
    }
  });

  it('tells the operator what to do with an expired token, in both languages', () => {
    expect(en['validity.tokenExpired']).toMatch(/Paste a new one/);
    expect(de['validity.tokenExpired']).toMatch(/Fügen Sie ein neues ein/);
  });
});
