import { describe, expect, it } from 'vitest';
import type { AppError, ErrorKind } from '../../../main/model/errors';
import { DeskError, deskError } from '../../../main/errors/desk-error';
import { DEFAULT_RETRY_POLICY, isRetryable, withRetries, type RetryPolicy } from '../../../main/campaign/retry';
import { isTransient } from '../../../main/bulk/patience';

/** mulberry32: a small seeded generator, so jitter is random yet the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function harness(random: () => number = seeded(42)) {
  const delays: number[] = [];
  return { delays, deps: { sleep: async (ms: number) => void delays.push(ms), random } };
}

const err = (kind: ErrorKind, extra: Partial<AppError> = {}) => deskError(kind, `failed: ${kind}`, { details: 'Request: PATCH /profile/@x', ...extra });

/** An attempt function that fails with the given errors in turn, then succeeds; it records each n it is called with. */
function failing(...errors: Error[]) {
  const calls: number[] = [];
  const attempt = async (n: number) => {
    calls.push(n);
    const e = errors[n - 1];
    if (e) throw e;
    return 'ok';
  };
  return { calls, attempt };
}

async function rejection(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (e) {
    return e as DeskError;
  }
  throw new Error('expected a rejection');
}

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 30_000 };

describe('isRetryable', () => {
  it('retries what another try can cure', () => {
    expect(isRetryable(err('network').info)).toBe(true);
    expect(isRetryable(err('timeout').info)).toBe(true);
    expect(isRetryable(err('rateLimited', { status: 429 }).info)).toBe(true);
    for (const status of [502, 503, 504]) expect(isRetryable(err('serverError', { status }).info)).toBe(true);
  });

  it('does not retry what would fail the same way again', () => {
    expect(isRetryable(err('invalidValue', { status: 500 }).info)).toBe(false); // Campaign's validation "500"
    expect(isRetryable(err('serverError', { status: 500 }).info)).toBe(false);
    expect(isRetryable(err('serverError', { status: 501 }).info)).toBe(false);
    expect(isRetryable(err('serverError').info)).toBe(false);
    for (const kind of ['authExpired', 'forbidden', 'notFound', 'badAddress', 'unexpectedAnswer', 'invalidRequest', 'busy', 'internal'] as const) {
      expect(isRetryable(err(kind).info)).toBe(false);
    }
  });

  it('neither retries nor waits out a refusing proxy or an untrusted certificate: IT fixes those, not time', () => {
    for (const kind of ['proxy', 'certificate'] as const) {
      expect(isRetryable(err(kind).info), kind).toBe(false);
      expect(isTransient(err(kind).info), kind).toBe(false);
    }
  });
});

describe('withRetries', () => {
  it('returns the first success and passes the attempt number', async () => {
    const { calls, attempt } = failing(err('network'), err('serverError', { status: 503 }));
    const { delays, deps } = harness();
    await expect(withRetries(attempt, policy, deps)).resolves.toBe('ok');
    expect(calls).toEqual([1, 2, 3]);
    expect(delays).toHaveLength(2);
  });

  it('does not retry a validation error, and says it was tried once', async () => {
    const original = err('invalidValue', { status: 500, serverMessage: 'RST-360011 bad enum' });
    const { calls, attempt } = failing(original);
    const { delays, deps } = harness();
    const thrown = await rejection(withRetries(attempt, policy, deps));
    expect(calls).toEqual([1]);
    expect(delays).toEqual([]);
    expect(thrown.info).toEqual({ ...original.info, details: 'Request: PATCH /profile/@x\nAttempts: 1' });
    expect(original.info.details).toBe('Request: PATCH /profile/@x'); // not mutated
  });

  it('gives up after maxAttempts, counting every attempt in the details', async () => {
    const { calls, attempt } = failing(...Array.from({ length: 9 }, () => err('timeout')));
    const { delays, deps } = harness();
    const thrown = await rejection(withRetries(attempt, { ...policy, maxAttempts: 4 }, deps));
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(delays).toHaveLength(3);
    expect(thrown).toBeInstanceOf(DeskError);
    expect(thrown.info.kind).toBe('timeout');
    expect(thrown.info.details.split('\n').at(-1)).toBe('Attempts: 4');
  });

  it('stops retrying once an error that cannot be cured follows a transient one', async () => {
    const { calls, attempt } = failing(err('serverError', { status: 502 }), err('notFound', { status: 404 }));
    const thrown = await rejection(withRetries(attempt, policy, harness().deps));
    expect(calls).toEqual([1, 2]);
    expect(thrown.info.kind).toBe('notFound');
    expect(thrown.info.details).toMatch(/Attempts: 2$/);
  });

  it('lets errors that are not DeskErrors through untouched, without retrying', async () => {
    const bug = new TypeError('a bug');
    const { calls, attempt } = failing(bug);
    await expect(withRetries(attempt, policy, harness().deps)).rejects.toBe(bug);
    expect(calls).toEqual([1]);
  });

  it('grows the backoff ceiling exponentially up to maxDelayMs (random at its maximum)', async () => {
    const { attempt } = failing(...Array.from({ length: 7 }, () => err('network')));
    const { delays, deps } = harness(() => 0.999_999);
    await rejection(withRetries(attempt, { ...policy, maxAttempts: 7 }, deps));
    expect(delays).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws every delay from [0, ceiling) with full jitter', async () => {
    const random = seeded(7);
    const { delays, deps } = harness(random);
    const { attempt } = failing(...Array.from({ length: 200 }, () => err('network')));
    await rejection(withRetries(attempt, { ...policy, maxAttempts: 200 }, deps));
    const ceilings = delays.map((_, i) => Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** i));
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(ceilings[i]!);
    });
    // Full jitter spreads over the whole range, not just near the top.
    const capped = delays.slice(4);
    expect(Math.min(...capped)).toBeLessThan(100);
    expect(Math.max(...capped)).toBeGreaterThan(900);
    expect(new Set(capped).size).toBeGreaterThan(100);
  });

  it('uses random() = 0 as no wait at all', async () => {
    const { attempt } = failing(err('network'));
    const { delays, deps } = harness(() => 0);
    await withRetries(attempt, policy, deps);
    expect(delays).toEqual([0]);
  });

  it('waits exactly as long as a 429 Retry-After asks', async () => {
    const { calls, attempt } = failing(err('rateLimited', { status: 429, retryAfterSeconds: 7 }), err('rateLimited', { status: 429, retryAfterSeconds: 0 }));
    const { delays, deps } = harness();
    await expect(withRetries(attempt, policy, deps)).resolves.toBe('ok');
    expect(calls).toEqual([1, 2, 3]);
    expect(delays).toEqual([7_000, 0]);
  });

  it('waits one second for a 429 without Retry-After', async () => {
    const { attempt } = failing(err('rateLimited', { status: 429 }));
    const { delays, deps } = harness();
    await withRetries(attempt, policy, deps);
    expect(delays).toEqual([1_000]);
  });

  it('gives up at once when Retry-After is longer than the policy allows, so the operator hears "busy"', async () => {
    const { calls, attempt } = failing(err('rateLimited', { status: 429, retryAfterSeconds: 31 }));
    const { delays, deps } = harness();
    const thrown = await rejection(withRetries(attempt, policy, deps));
    expect(calls).toEqual([1]);
    expect(delays).toEqual([]);
    expect(thrown.info).toMatchObject({ kind: 'rateLimited', retryAfterSeconds: 31 });
    expect(thrown.info.details).toBe('Request: PATCH /profile/@x\nNot retried: Retry-After 31 s exceeds 30 s\nAttempts: 1');
  });

  it('counts 429 retries against maxAttempts too', async () => {
    const { calls, attempt } = failing(...Array.from({ length: 9 }, () => err('rateLimited', { status: 429, retryAfterSeconds: 1 })));
    const { delays, deps } = harness();
    await rejection(withRetries(attempt, { ...policy, maxAttempts: 3 }, deps));
    expect(calls).toEqual([1, 2, 3]);
    expect(delays).toEqual([1_000, 1_000]);
  });

  it('has a default policy of three attempts, 300 ms base, 4 s cap', async () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 4_000 });
    const { calls, attempt } = failing(...Array.from({ length: 9 }, () => err('network')));
    const { delays, deps } = harness(() => 0.999_999);
    await rejection(withRetries(attempt, DEFAULT_RETRY_POLICY, deps));
    expect(calls).toEqual([1, 2, 3]);
    expect(delays).toEqual([299, 599]);
  });
});
