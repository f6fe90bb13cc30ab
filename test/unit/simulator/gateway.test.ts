import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../main/simulator/test-hooks';
import { call, campaignHeaders, firstPKey, profileUrl, useSimulator } from './sim-helpers';

const OOPS = { code: 500, message: 'Oops. Something went wrong. Check your URI and try again.' };

describe('gateway checks in front of Campaign, in order', () => {
  const t = useSimulator();
  const url = () => profileUrl(t.sim, firstPKey(t.sim));
  const without = (...names: string[]) =>
    Object.fromEntries(Object.entries(campaignHeaders(t.sim)).filter(([name]) => !names.includes(name)));

  it('answers an unknown tenant with 500 "Oops", before looking at credentials', async () => {
    const wrongTenant = url().replace('/demo-tenant/', '/other-tenant/');
    const answer = await call(t.sim, 'GET', wrongTenant, undefined, {});
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(OOPS);
  });

  it('answers 403 403010 without a bearer token, even when the API key is missing too', async () => {
    const answer = await call(t.sim, 'GET', url(), undefined, without('Authorization', 'X-Api-Key'));
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error_code: '403010', message: 'Oauth token is missing.' });
  });

  it('answers 403 403000 without X-Api-Key', async () => {
    const answer = await call(t.sim, 'GET', url(), undefined, without('X-Api-Key'));
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error_code: '403000', message: 'Api Key is required' });
  });

  it('answers 403 403003 for an unknown X-Api-Key, before checking the token', async () => {
    const headers = { ...campaignHeaders(t.sim, 'not-a-token'), 'X-Api-Key': 'unknown-key' };
    const answer = await call(t.sim, 'GET', url(), undefined, headers);
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error_code: '403003', message: 'Api Key is invalid' });
  });

  it('answers 401 401013 for a token it never issued', async () => {
    const answer = await call(t.sim, 'GET', url(), undefined, campaignHeaders(t.sim, 'simtok-forged'));
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error_code: '401013', message: 'Oauth token is not valid' });
  });

  it('answers a known tenant but unknown API name with 500 "Oops"', async () => {
    const answer = await call(t.sim, 'GET', `${t.sim.baseUrl}/noSuchApi/profile`);
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(OOPS);
  });

  it('puts a distinct x-request-id on every answer, errors included', async () => {
    const answers = [await call(t.sim, 'GET', url()), await call(t.sim, 'GET', url()), await call(t.sim, 'GET', url(), undefined, {})];
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it('records every request in order with method, path, query, headers and status', async () => {
    t.sim.clearRequests();
    await call(t.sim, 'GET', `${t.sim.baseUrl}/profileAndServices/profile/byEmail?email=info%40example.org`);
    await call(t.sim, 'PATCH', url(), { phone: '030 1' });
    expect(t.sim.requests.map((r) => [r.method, r.status])).toEqual([['GET', 200], ['PATCH', 200]]);
    expect(t.sim.requests[0]?.query).toEqual({ email: 'info@example.org' });
    expect(t.sim.requests[1]?.body).toEqual({ phone: '030 1' });
    expect(t.sim.requests[1]?.headers['x-api-key']).toBe(t.sim.apiKey);
    t.sim.clearRequests();
    expect(t.sim.requests).toHaveLength(0);
  });
});

describe('rate limit', () => {
  it('answers the excess with 429 429050 and Retry-After, then lets calls through again', async () => {
    const sim = await startTestSimulator({ rateLimit: { requests: 3, perSeconds: 1 }, retryAfterSeconds: 2 });
    try {
      const url = profileUrl(sim, firstPKey(sim));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(sim, 'GET', url)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call(sim, 'GET', url);
      expect(refused.json).toEqual({ error_code: '429050', message: 'Too many requests' });
      expect(refused.headers.get('retry-after')).toBe('2');
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect((await call(sim, 'GET', url)).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('counts IMS token requests against the same limit', async () => {
    const sim = await startTestSimulator({ rateLimit: { requests: 1, perSeconds: 60 } });
    try {
      const form = { grant_type: 'client_credentials', client_id: sim.apiKey, client_secret: sim.clientSecret };
      expect((await fetch(sim.imsUrl, { method: 'POST', body: new URLSearchParams(form) })).status).toBe(200);
      expect((await call(sim, 'GET', profileUrl(sim, firstPKey(sim)))).status).toBe(429);
    } finally {
      await sim.close();
    }
  });
});
