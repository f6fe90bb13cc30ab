// @vitest-environment node
/** The app's own pace: evenly spaced requests, a 429 halves the pace and waits Retry-After, then it recovers. */
import { afterEach, describe, expect, it } from 'vitest';
import { createAxiosHttp } from '../../../main/http/axios-http';
import { retryAfterSeconds } from '../../../main/http/http-client';
import { createPacer, pacedHttp } from '../../../main/http/pacer';
import { startTestSimulator, type TestSimulator } from '../../../main/simulator/test-hooks';

/** A clock that only moves when the pacer sleeps. */
function fakeClock() {
  let t = 1_000_000;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

describe('pacer', () => {
  it('never sends more than the rate in any one second, concurrent callers included', async () => {
    const pacer = createPacer({ requestsPerSecond: 10 });
    const sentAt: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        await pacer.take();
        sentAt.push(performance.now());
      }),
    );
    sentAt.sort((a, b) => a - b);
    const mostInOneSecond = Math.max(...sentAt.map((t) => sentAt.filter((u) => u >= t && u < t + 1000).length));
    expect(mostInOneSecond).toBe(10);
    // 25 requests at 10/s: two full windows of waiting.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('lets the few requests of a single save go at once', async () => {
    const pacer = createPacer({ requestsPerSecond: 5 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) await pacer.take();
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('spaces requests evenly beyond the first few, and a stall does not bunch them afterwards', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ requestsPerSecond: 20, now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 40; i++) {
      await pacer.take();
      sentAt.push(clock.now());
      if (i === 20) await clock.sleep(400); // the caller was held up (a busy event loop)
    }
    const gaps = sentAt.slice(3).map((t, i) => t - sentAt[i + 2]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(51); // 1000 ms / 20 × 1.03
    const mostInOneSecond = Math.max(...sentAt.map((t) => sentAt.filter((u) => u >= t && u < t + 1000).length));
    expect(mostInOneSecond).toBeLessThanOrEqual(20);
  });

  it('after a 429 waits Retry-After, halves the pace, and recovers a tenth per ten successes', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ requestsPerSecond: 10, now: clock.now, sleep: clock.sleep });
    await pacer.take();
    const before = clock.now();
    pacer.rateLimited(3);
    expect(pacer.current).toBe(5);
    await pacer.take();
    expect(clock.now() - before).toBeGreaterThanOrEqual(3000);
    for (let i = 0; i < 9; i++) pacer.succeeded();
    expect(pacer.current).toBe(5);
    pacer.succeeded();
    expect(pacer.current).toBe(6);
    for (let i = 0; i < 100; i++) pacer.succeeded();
    expect(pacer.current).toBe(10);
    for (let i = 0; i < 20; i++) pacer.rateLimited(0);
    expect(pacer.current).toBe(0.5);
  });

  it('applies an operator’s new rate at once', () => {
    const pacer = createPacer({ requestsPerSecond: 5 });
    pacer.rateLimited(0);
    pacer.setTarget(8);
    expect([pacer.target, pacer.current]).toEqual([8, 8]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(retryAfterSeconds('7', now)).toBe(7);
    expect(retryAfterSeconds('Mon, 30 Nov 2026 10:00:05 GMT', now)).toBe(5);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });
});

describe('paced HTTP against a rate-limited Campaign', () => {
  let sim: TestSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  const get = (s: TestSimulator) => ({
    method: 'GET' as const,
    url: `${s.baseUrl}/profileAndServices/profile?_lineCount=1`,
    headers: { Authorization: `Bearer ${s.accessToken}`, 'X-Api-Key': s.apiKey },
    timeoutMs: 5000,
  });

  it('unpaced, a burst meets 429s; paced at the limit, none', async () => {
    sim = await startTestSimulator({ rateLimit: { requests: 10, perSeconds: 1 } });
    const raw = createAxiosHttp();
    const burst = await Promise.all(Array.from({ length: 15 }, () => raw.send(get(sim!))));
    expect(burst.filter((r) => r.status === 429).length).toBeGreaterThan(0);

    await new Promise((r) => setTimeout(r, 1100)); // the simulator's window forgets the burst
    const paced = pacedHttp(raw, createPacer({ requestsPerSecond: 9 }));
    const answers = await Promise.all(Array.from({ length: 15 }, () => paced.send(get(sim!))));
    expect(answers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  });

  it('a 429 slows the pacer down and it waits out Retry-After', async () => {
    sim = await startTestSimulator({ retryAfterSeconds: 1 });
    sim.injectFault({ kind: 'status', status: 429, times: 1 });
    const pacer = createPacer({ requestsPerSecond: 20 });
    const paced = pacedHttp(createAxiosHttp(), pacer);
    expect((await paced.send(get(sim))).status).toBe(429);
    expect(pacer.current).toBe(10);
    const started = Date.now();
    expect((await paced.send(get(sim))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});
