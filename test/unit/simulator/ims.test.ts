import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../main/simulator/test-hooks';
import { call, campaignHeaders, firstPKey, profileUrl, useSimulator } from './sim-helpers';

const NO_ACCESS = { clientId: 'other-client-id', clientSecret: 'other-secret', campaignAccess: false };

async function requestToken(imsUrl: string, fields: Record<string, string>) {
  const res = await fetch(imsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, json: await res.json() };
}

describe('simulated IMS token endpoint', () => {
  const t = useSimulator({ tokenLifetimeSec: 3600, extraClients: [NO_ACCESS] });
  const grant = () => ({
    grant_type: 'client_credentials', client_id: t.sim.apiKey, client_secret: t.sim.clientSecret,
    scope: 'openid,AdobeID,campaign_sdk,additional_info.projectedProductContext',
  });

  it('issues an opaque bearer token with expires_in in seconds', async () => {
    const { status, json } = await requestToken(t.sim.imsUrl, grant());
    expect(status).toBe(200);
    expect(json).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
    expect(json.access_token).not.toMatch(/^eyJ/);
    expect(json.access_token).not.toBe(t.sim.accessToken);
  });

  it('accepts the issued token on Campaign calls', async () => {
    const { json } = await requestToken(t.sim.imsUrl, grant());
    const answer = await call(t.sim, 'GET', profileUrl(t.sim, firstPKey(t.sim)), undefined, campaignHeaders(t.sim, json.access_token));
    expect(answer.status).toBe(200);
  });

  it('refuses an unknown client id with invalid_client', async () => {
    const { status, json } = await requestToken(t.sim.imsUrl, { ...grant(), client_id: 'nope' });
    expect(status).toBe(401);
    expect(json).toEqual({ error: 'invalid_client', error_description: 'invalid client_id parameter' });
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const { status, json } = await requestToken(t.sim.imsUrl, { ...grant(), client_secret: 'wrong' });
    expect(status).toBe(401);
    expect(json).toEqual({ error: 'invalid_client', error_description: 'invalid client_secret parameter' });
  });

  it('answers 400 unsupported_grant_type without grant_type', async () => {
    const { grant_type: _omitted, ...rest } = grant();
    const { status, json } = await requestToken(t.sim.imsUrl, rest);
    expect(status).toBe(400);
    expect(json.error).toBe('unsupported_grant_type');
  });

  it('gives a client without a Campaign product profile 403 403023 on Campaign calls', async () => {
    const { json } = await requestToken(t.sim.imsUrl, { ...grant(), client_id: NO_ACCESS.clientId, client_secret: NO_ACCESS.clientSecret });
    const headers = { ...campaignHeaders(t.sim, json.access_token), 'X-Api-Key': NO_ACCESS.clientId };
    const answer = await call(t.sim, 'GET', profileUrl(t.sim, firstPKey(t.sim)), undefined, headers);
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ error_code: '403023', message: 'Profile is not valid' });
  });

  it('expireTokens() turns every issued token, the pre-issued one included, into 401 401013', async () => {
    const { json } = await requestToken(t.sim.imsUrl, grant());
    t.sim.expireTokens();
    for (const token of [t.sim.accessToken, json.access_token as string]) {
      const answer = await call(t.sim, 'GET', profileUrl(t.sim, firstPKey(t.sim)), undefined, campaignHeaders(t.sim, token));
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error_code: '401013', message: 'Oauth token is not valid' });
    }
    const fresh = await requestToken(t.sim.imsUrl, grant());
    const answer = await call(t.sim, 'GET', profileUrl(t.sim, firstPKey(t.sim)), undefined, campaignHeaders(t.sim, fresh.json.access_token));
    expect(answer.status).toBe(200);
  });
});

describe('token lifetime', () => {
  it('lets tokens expire on their own after tokenLifetimeSec', async () => {
    const sim = await startTestSimulator({ tokenLifetimeSec: 1 });
    try {
      expect((await call(sim, 'GET', profileUrl(sim, firstPKey(sim)))).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await call(sim, 'GET', profileUrl(sim, firstPKey(sim)))).status).toBe(401);
    } finally {
      await sim.close();
    }
  });
});
