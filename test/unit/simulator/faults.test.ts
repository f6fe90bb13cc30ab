import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../main/simulator/test-hooks';
import { call, campaignHeaders, firstPKey, profileUrl, useSimulator } from './sim-helpers';

describe('injected faults', () => {
  const t = useSimulator();
  const url = () => profileUrl(t.sim, firstPKey(t.sim));
  const get = () => call(t.sim, 'GET', url());

  it("'status' answers the given status with a fitting Campaign-style body by default", async () => {
    t.sim.injectFault({ kind: 'status', status: 503 });
    const answer = await get();
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ error_code: '503000', message: 'Service Unavailable' });
    expect(answer.headers.get('x-request-id')).toBeTruthy();
  });

  it("'status' 429 carries Retry-After by default", async () => {
    t.sim.injectFault({ kind: 'status', status: 429 });
    const answer = await get();
    expect([answer.status, answer.json.error_code, answer.headers.get('retry-after')]).toEqual([429, '429050', '1']);
  });

  it("'status' sends a given body and headers", async () => {
    t.sim.injectFault({ kind: 'status', status: 502, body: { oops: true }, headers: { 'x-extra': 'yes' } });
    const answer = await get();
    expect([answer.status, answer.json, answer.headers.get('x-extra')]).toEqual([502, { oops: true }, 'yes']);
  });

  it('affects `times` matching requests, then normal answers resume', async () => {
    t.sim.injectFault({ kind: 'status', status: 500, times: 2 });
    const statuses = [(await get()).status, (await get()).status, (await get()).status];
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('only hits requests of its method and path, string or RegExp', async () => {
    t.sim.injectFault({ kind: 'status', status: 500, method: 'PATCH', match: '/profile/@' });
    t.sim.injectFault({ kind: 'status', status: 504, match: /\/byEmail$/ });
    expect((await get()).status).toBe(200);
    expect((await call(t.sim, 'GET', `${t.sim.baseUrl}/profileAndServices/profile/byText?text=M`)).status).toBe(200);
    expect((await call(t.sim, 'GET', `${t.sim.baseUrl}/profileAndServices/profile/byEmail?email=x`)).status).toBe(504);
    expect((await call(t.sim, 'PATCH', url(), { phone: '1' })).status).toBe(500);
  });

  it('applies to the IMS route too, and before the gateway checks', async () => {
    t.sim.injectFault({ kind: 'status', status: 503 });
    const ims = await fetch(t.sim.imsUrl, { method: 'POST', body: 'grant_type=client_credentials' });
    expect(ims.status).toBe(503);
    t.sim.injectFault({ kind: 'status', status: 418, body: {} });
    expect((await call(t.sim, 'GET', url(), undefined, {})).status).toBe(418);
  });

  it('clearFaults() disarms everything', async () => {
    t.sim.injectFault({ kind: 'status', status: 500, times: 5 });
    t.sim.clearFaults();
    expect((await get()).status).toBe(200);
  });

  it("'reset' drops the connection without an answer", async () => {
    t.sim.injectFault({ kind: 'reset' });
    await expect(get()).rejects.toThrow();
    expect(t.sim.requests.at(-1)?.status).toBe(0);
    expect((await get()).status).toBe(200);
  });

  it("'malformed' answers 200 with a body that is not JSON", async () => {
    t.sim.injectFault({ kind: 'malformed' });
    const res = await fetch(url(), { headers: campaignHeaders(t.sim) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("'lostAnswer' applies the PATCH but the client never hears back", async () => {
    t.sim.injectFault({ kind: 'lostAnswer', method: 'PATCH' });
    await expect(call(t.sim, 'PATCH', url(), { phone: '0711 999' })).rejects.toThrow();
    expect((await get()).json.phone).toBe('0711 999');
  });

  it("'timeout' never answers; the client gives up", async () => {
    t.sim.injectFault({ kind: 'timeout' });
    const started = Date.now();
    await expect(fetch(url(), { headers: campaignHeaders(t.sim), signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('held sockets and latency', () => {
  it('close() ends a request held by a timeout fault instead of hanging', async () => {
    const sim = await startTestSimulator();
    sim.injectFault({ kind: 'timeout' });
    const pending = fetch(profileUrl(sim, firstPKey(sim)), { headers: campaignHeaders(sim) });
    while (sim.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await sim.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('adds latencyMs before every answer, and setLatency() changes it', async () => {
    const sim = await startTestSimulator({ latencyMs: 150 });
    try {
      const timed = async () => {
        const started = Date.now();
        await call(sim, 'GET', profileUrl(sim, firstPKey(sim)));
        return Date.now() - started;
      };
      expect(await timed()).toBeGreaterThanOrEqual(145);
      sim.setLatency(0);
      expect(await timed()).toBeLessThan(100);
    } finally {
      await sim.close();
    }
  });
});
