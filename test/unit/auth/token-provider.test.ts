// @vitest-environment node
/** Token lifecycle against the simulator's IMS endpoint over real HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../../main/auth/token-provider';
import type { IssuedToken } from '../../../main/auth/ims-token';
import { createCampaignClient } from '../../../main/campaign/client';
import { createAxiosHttp } from '../../../main/http/axios-http';
import { DeskError } from '../../../main/errors/desk-error';
import { startTestSimulator, type TestSimulator, type SimulatorOptions } from '../../../main/simulator/test-hooks';

let sim: TestSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A cache that keeps the token in memory; the keychain-backed one is tested with the connection store. */
function memoryCache() {
  let stored: IssuedToken | null = null;
  return { read: async () => stored, write: async (t: IssuedToken) => void (stored = t), peek: () => stored };
}

async function setup(options: SimulatorOptions = {}, secret?: string) {
  const s = await startTestSimulator(options);
  sim = s;
  const cache = memoryCache();
  let clock = Date.now();
  const provider = createTokenProvider({
    connectionName: 'Test',
    credentials: async () => ({ imsUrl: s.imsUrl, clientId: s.apiKey, clientSecret: secret ?? s.clientSecret, scopes: 'openid,AdobeID,campaign_sdk' }),
    cache,
    http: createAxiosHttp(),
    now: () => clock,
  });
  const client = createCampaignClient({
    http: createAxiosHttp(),
    baseUrl: s.baseUrl,
    apiName: 'profileAndServices',
    connectionName: 'Test',
    auth: {
      current: async () => ({ apiKey: s.apiKey, accessToken: await provider.token() }),
      renew: async (rejected) => ({ apiKey: s.apiKey, accessToken: await provider.renewAfterRejection(rejected.accessToken) }),
    },
  });
  const tokenRequests = () => s.requests.filter((r) => r.path.endsWith('/ims/token/v3'));
  return { sim: s, provider, client, cache, tokenRequests, advance: (ms: number) => (clock += ms) };
}

describe('token provider', () => {
  it('gets a first token with client_credentials and caches it with its expiry', async () => {
    const { provider, cache, tokenRequests } = await setup({ tokenLifetimeSec: 86399 });
    const token = await provider.token();
    expect(token).toMatch(/^simtok-/);
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]!.body).toMatchObject({ grant_type: 'client_credentials', scope: 'openid,AdobeID,campaign_sdk' });
    const cached = cache.peek()!;
    expect(cached.token).toBe(token);
    expect(cached.expiresAt - cached.issuedAt).toBe(86399 * 1000); // expires_in is in seconds
  });

  it('reuses a fresh token', async () => {
    const { provider, tokenRequests, advance } = await setup();
    const first = await provider.token();
    advance(60 * 60_000);
    expect(await provider.token()).toBe(first);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('reuses a token cached by an earlier run', async () => {
    const { provider, cache, sim: s, tokenRequests } = await setup();
    await cache.write({ token: s.accessToken, issuedAt: Date.now(), expiresAt: Date.now() + 3_600_000 });
    expect(await provider.token()).toBe(s.accessToken);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('renews shortly before expiry', async () => {
    const { provider, tokenRequests, advance } = await setup({ tokenLifetimeSec: 100 });
    const first = await provider.token();
    advance(85_000); // 15 s left: more than a tenth of the lifetime
    expect(await provider.token()).toBe(first);
    advance(6_000); // 9 s left: renew
    const second = await provider.token();
    expect(second).not.toBe(first);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('after a 401 401013 renews once and retries the request once', async () => {
    const { client, sim: s, tokenRequests } = await setup();
    const pkey = s.pkeys()[0]!;
    await client.getProfile(pkey);
    s.expireTokens();
    s.clearRequests();
    expect((await client.getProfile(pkey)).PKey).toBe(pkey);
    expect(s.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 401', 'POST 200', 'GET 200']);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('does not retry twice when the new token is refused too', async () => {
    const { client, sim: s } = await setup();
    const pkey = s.pkeys()[0]!;
    await client.getProfile(pkey);
    s.clearRequests();
    s.injectFault({ kind: 'status', status: 401, match: '/profile/', times: 5 });
    await expect(client.getProfile(pkey)).rejects.toSatisfy((e) => e instanceof DeskError && e.info.kind === 'authExpired');
    expect(s.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('asks IMS once for 10 concurrent requests that all need a token', async () => {
    const { client, sim: s, tokenRequests } = await setup({ latencyMs: 30 });
    const pkeys = s.pkeys().slice(0, 10);
    const profiles = await Promise.all(pkeys.map((p) => client.getProfile(p)));
    expect(profiles.map((p) => p.PKey)).toEqual(pkeys);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('asks IMS once when 10 concurrent requests are all refused with the same expired token', async () => {
    const { client, sim: s, tokenRequests } = await setup({ latencyMs: 30 });
    await client.getProfile(s.pkeys()[0]!);
    s.expireTokens();
    const pkeys = s.pkeys().slice(0, 10);
    await Promise.all(pkeys.map((p) => client.getProfile(p)));
    expect(tokenRequests()).toHaveLength(2);
  });

  it('reports a wrong client secret as invalidCredentials, without the secret', async () => {
    const { provider } = await setup({}, 'wrong-secret-value-123');
    const err = await provider.token().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DeskError);
    const info = (err as DeskError).info;
    expect(info).toMatchObject({ kind: 'invalidCredentials', code: 'invalid_client' });
    expect(JSON.stringify(info)).not.toContain('wrong-secret-value-123');
  });
});
