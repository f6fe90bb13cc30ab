/**
 * When to call Campaign again after a failure, and how long to wait. Pure: sleep and randomness are passed in.
 * Retrying a PATCH is safe because it sets absolute values: sending it twice leaves the same profile.
 */
import type { AppError } from '../model/errors';
import { DeskError } from '../errors/desk-error';

export interface RetryPolicy {
  /** All calls, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking for a longer wait is not waited out: the operator is told Campaign is busy. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 4_000, maxRetryAfterMs: 60_000 };

export interface RetryDeps {
  sleep(ms: number): Promise<void>;
  /** In [0, 1), like Math.random. */
  random(): number;
}

/** Gateway trouble: the request most likely never reached Campaign. */
const TRANSIENT_STATUS = new Set([502, 503, 504]);

/**
 * Only failures that another try can cure. A 500 with a validation message (invalidValue), other 4xx,
 * notFound and unexpectedAnswer would fail the same way again; authExpired is renewed by the client itself.
 * Nor are proxy and certificate failures retried: an untrusted certificate or a refusing proxy needs IT, not time.
 */
export function isRetryable(info: AppError): boolean {
  if (info.kind === 'network' || info.kind === 'timeout' || info.kind === 'rateLimited') return true;
  return info.kind === 'serverError' && info.status !== undefined && TRANSIENT_STATUS.has(info.status);
}

export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof DeskError)) throw err;
      if (!isRetryable(err.info) || n >= policy.maxAttempts) throw givenUp(err, n);
      let delay: number;
      if (err.info.kind === 'rateLimited') {
        // Campaign said how long to wait; no Retry-After means "soon", one second.
        delay = Math.max(0, (err.info.retryAfterSeconds ?? 1) * 1000);
        if (delay > policy.maxRetryAfterMs) {
          throw givenUp(err, n, `Not retried: Retry-After ${delay / 1000} s exceeds ${policy.maxRetryAfterMs / 1000} s`);
        }
      } else {
        // Exponential backoff with full jitter, so that clients failing together do not retry together.
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
        delay = Math.floor(deps.random() * ceiling);
      }
      await deps.sleep(delay);
    }
  }
}

/** A new error (the original stays untouched) that tells IT how often the call was tried. */
function givenUp(err: DeskError, attempts: number, why?: string): DeskError {
  const lines = [err.info.details, why, `Attempts: ${attempts}`].filter(Boolean);
  return new DeskError({ ...err.info, details: lines.join('\n') });
}
