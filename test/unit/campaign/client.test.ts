// @vitest-environment node
/** The Campaign client against the simulator over real HTTP: one test per documented behaviour it relies on. */
import { afterEach, describe, expect, it } from 'vitest';
import { createCampaignClient } from '../../../main/campaign/client';
import { createAxiosHttp } from '../../../main/http/axios-http';
import type { ApiName } from '../../../main/model/connection';
import { startTestSimulator, type TestSimulator, type SimulatorOptions } from '../../../main/simulator/test-hooks';
import { failure } from '../helpers/desk-failure';

let sim: TestSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(
  options: SimulatorOptions = {},
  o: { apiName?: ApiName; baseUrl?: string; apiKey?: string; token?: string; timeoutMs?: number; attempts?: number } = {},
) {
  const s = await startTestSimulator(options);
  sim = s;
  const client = createCampaignClient({
    http: createAxiosHttp(),
    baseUrl: o.baseUrl ?? s.baseUrl,
    apiName: o.apiName ?? 'profileAndServices',
    connectionName: 'Test',
    auth: { current: async () => ({ apiKey: o.apiKey ?? s.apiKey, accessToken: o.token ?? s.accessToken }) },
    timeoutMs: o.timeoutMs,
    // One attempt unless a test is about retries: each test here is about how one failure is reported.
    retry: { maxAttempts: o.attempts ?? 1, baseDelayMs: 10 },
  });
  return { sim: s, client, pkey: s.pkeys()[0]! };
}

describe('Campaign client', () => {
  it('sends the four documented headers on every call', async () => {
    const { sim, client, pkey } = await setup();
    await client.getProfile(pkey);
    await client.patchProfileAt(client.profileUrl(pkey), { phone: '030 123' });
    for (const r of sim.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${sim.accessToken}`);
      expect(r.headers['x-api-key']).toBe(sim.apiKey);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
    expect(sim.requests).toHaveLength(2);
  });

  it('reads an unwrapped profile', async () => {
    const { client, pkey, sim } = await setup();
    const p = await client.getProfile(pkey);
    expect(p.PKey).toBe(pkey);
    expect(p.lastName).toBe(sim.getProfile(pkey)!.lastName);
  });

  it('reads a profile wrapped as {"content": [...]}', async () => {
    const { client, pkey } = await setup({ wrapGetInContent: true });
    expect((await client.getProfile(pkey)).PKey).toBe(pkey);
  });

  it('PATCHes exactly the body given and reads the {PKey, href} answer', async () => {
    const { client, pkey, sim } = await setup();
    const answer = await client.patchProfileAt(client.profileUrl(pkey), { location: { city: 'Görlitz' } });
    expect(answer.PKey).toBe(pkey);
    expect(answer.href).toContain(pkey);
    expect(sim.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { location: { city: 'Görlitz' } } });
    expect((sim.getProfile(pkey)!.location as { city: string }).city).toBe('Görlitz');
  });

  it('follows the href the server gave', async () => {
    const { client, pkey } = await setup();
    const p = await client.getProfile(pkey);
    expect((await client.getProfileAt(p.href!)).PKey).toBe(pkey);
  });

  it('refuses to send credentials to an href outside the connection', async () => {
    const { client, sim } = await setup();
    expect((await failure(client.getProfileAt('https://elsewhere.example/profile/@x'))).kind).toBe('unexpectedAnswer');
    expect(sim.requests).toHaveLength(0);
  });

  it('reads the metadata, with custom fields under profileAndServicesExt', async () => {
    const { client } = await setup({}, { apiName: 'profileAndServicesExt' });
    const meta = await client.getMetadata();
    expect(Object.keys(meta.content)).toEqual(expect.arrayContaining(['firstName', 'location', 'cusLoyaltyTier']));
  });

  it('maps an expired token (401 401013) to authExpired', async () => {
    const { client, pkey, sim } = await setup();
    sim.expireTokens();
    expect(await failure(client.getProfile(pkey))).toMatchObject({ kind: 'authExpired', status: 401, code: '401013' });
  });

  it('maps an invalid API key (403 403003) to forbidden with its code', async () => {
    const { client, pkey } = await setup({}, { apiKey: 'not-a-client' });
    expect(await failure(client.getProfile(pkey))).toMatchObject({ kind: 'forbidden', status: 403, code: '403003' });
  });

  it('maps an unknown PKey (404) to notFound', async () => {
    const { client, pkey } = await setup();
    const unknown = `${pkey.slice(0, -4)}AAAA`;
    expect(await failure(client.getProfile(unknown))).toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('maps a malformed PKey (500 XTK-170036) to notFound', async () => {
    const { client } = await setup();
    expect(await failure(client.getProfile('not-a-pkey'))).toMatchObject({ kind: 'notFound', status: 500, code: 'XTK-170036' });
  });

  it('maps a validation failure (HTTP 500) to invalidValue with Campaign’s message', async () => {
    const { client, pkey } = await setup();
    const err = await failure(client.patchProfileAt(client.profileUrl(pkey), { gender: 'x' }));
    expect(err).toMatchObject({ kind: 'invalidValue', status: 500, code: 'RST-360011' });
    expect(err.serverMessage).toContain("'x'");
  });

  it('maps an unknown tenant ("Oops" 500) to badAddress', async () => {
    const s = await startTestSimulator();
    sim = s;
    const client = createCampaignClient({
      http: createAxiosHttp(),
      baseUrl: s.baseUrl.replace(s.tenant, 'no-such-tenant'),
      apiName: 'profileAndServices',
      connectionName: 'Test',
      auth: { current: async () => ({ apiKey: s.apiKey, accessToken: s.accessToken }) },
    });
    expect(await failure(client.listProfiles(1))).toMatchObject({ kind: 'badAddress', status: 500 });
  });

  it('maps 429 to rateLimited with Retry-After', async () => {
    const { client, pkey } = await setup({ rateLimit: { requests: 1, perSeconds: 60 }, retryAfterSeconds: 7 });
    await client.getProfile(pkey);
    expect(await failure(client.getProfile(pkey))).toMatchObject({ kind: 'rateLimited', status: 429, code: '429050', retryAfterSeconds: 7 });
  });

  it('maps 503 to serverError', async () => {
    const { client, pkey, sim } = await setup();
    sim.injectFault({ kind: 'status', status: 503 });
    expect(await failure(client.getProfile(pkey))).toMatchObject({ kind: 'serverError', status: 503 });
  });

  it('maps a refused connection to network', async () => {
    const { client, pkey, sim } = await setup();
    await sim.close();
    expect((await failure(client.getProfile(pkey))).kind).toBe('network');
  });

  it('maps a reset connection to network', async () => {
    const { client, pkey, sim } = await setup();
    sim.injectFault({ kind: 'reset' });
    expect((await failure(client.getProfile(pkey))).kind).toBe('network');
  });

  it('gives up after its timeout', async () => {
    const { client, pkey, sim } = await setup({}, { timeoutMs: 300 });
    sim.injectFault({ kind: 'timeout' });
    expect((await failure(client.getProfile(pkey))).kind).toBe('timeout');
  });

  it('reports an answer that is not JSON as unexpectedAnswer', async () => {
    const { client, pkey, sim } = await setup();
    sim.injectFault({ kind: 'malformed' });
    expect((await failure(client.getProfile(pkey))).kind).toBe('unexpectedAnswer');
  });

  it('keeps the request id and writes details for IT without any secret', async () => {
    const { client, pkey, sim } = await setup();
    sim.expireTokens();
    const err = await failure(client.getProfile(pkey));
    expect(err.requestId).toMatch(/\S{8,}/);
    expect(err.details).toContain(err.requestId);
    expect(err.details).toContain('GET ');
    expect(err.details).not.toContain(sim.accessToken);
    expect(err.details).not.toContain(sim.apiKey);
  });

  it('retries a 503, a reset and a timeout, and succeeds when Campaign recovers', async () => {
    const { client, pkey, sim } = await setup({}, { attempts: 4, timeoutMs: 300 });
    sim.injectFault({ kind: 'status', status: 503 });
    sim.injectFault({ kind: 'reset' });
    sim.injectFault({ kind: 'timeout' });
    expect((await client.getProfile(pkey)).PKey).toBe(pkey);
    expect(sim.requests).toHaveLength(4);
  });

  it('gives up after the last attempt and says how often it tried', async () => {
    const { client, pkey, sim } = await setup({}, { attempts: 3 });
    sim.injectFault({ kind: 'status', status: 502, times: 5 });
    const err = await failure(client.getProfile(pkey));
    expect(err).toMatchObject({ kind: 'serverError', status: 502 });
    expect(err.details).toContain('Attempts: 3');
    expect(sim.requests).toHaveLength(3);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const { client, pkey, sim } = await setup({ retryAfterSeconds: 1 }, { attempts: 2 });
    sim.injectFault({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    expect((await client.getProfile(pkey)).PKey).toBe(pkey);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not retry a value Campaign refused (HTTP 500 validation)', async () => {
    const { client, pkey, sim } = await setup({}, { attempts: 3 });
    await failure(client.patchProfileAt(client.profileUrl(pkey), { gender: 'x' }));
    expect(sim.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('repeats a PATCH whose answer was lost; the profile ends as sent', async () => {
    const { client, pkey, sim } = await setup({}, { attempts: 3 });
    sim.injectFault({ kind: 'lostAnswer', method: 'PATCH' });
    await client.patchProfileAt(client.profileUrl(pkey), { phone: '0800 123' });
    expect(sim.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
    expect(sim.getProfile(pkey)!.phone).toBe('0800 123');
  });

  it('lists profiles for a harmless connection check', async () => {
    const { client } = await setup();
    const page = await client.listProfiles(1);
    expect(page.content).toHaveLength(1);
    expect(page.nextHref).toContain('_lineStart=');
  });
});

