/**
 * The app's own pace towards Campaign. Campaign does not throttle clients (Adobe: "the customer has to do it
 * on its side"); calls count against the licence and the gateway answers 429 when pushed. So every request
 * to a connection waits for its turn here: evenly spaced at the current rate, which drops after a 429 and
 * recovers step by step while requests go through.
 */
import { retryAfterSeconds, type HttpClient } from './http-client';

export interface Pacer {
  /** Resolves when the next request may be sent. */
  take(): Promise<void>;
  /** Campaign said "too many requests": nobody sends before Retry-After, and the pace halves. */
  rateLimited(retryAfterSeconds: number | undefined): void;
  /** A request went through: the pace creeps back towards the target. */
  succeeded(): void;
  setTarget(requestsPerSecond: number): void;
  /** Requests per second: what was asked for, and what is used now. */
  readonly target: number;
  readonly current: number;
}

export interface PacerOptions {
  requestsPerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

// After a 429 the pace halves (never below one request in two seconds) and regains a tenth of the target
// every RECOVER_AFTER successes: gradual, so one 429 does not turn into a saw-tooth of them.
const MIN_RATE = 0.5;
// Requests go out at 97 % of the chosen rate: evenly spaced at exactly the limit, a request that reaches the
// gateway a millisecond early (network jitter) is one too many for its one-second window.
const MARGIN = 0.97;
const RECOVER_AFTER = 10;
const DEFAULT_RETRY_AFTER_S = 1;

export function createPacer(o: PacerOptions): Pacer {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let target = o.requestsPerSecond;
  let current = target;
  /** The earliest moment the next request may go. */
  let nextAt = 0;
  let streak = 0;

  return {
    async take() {
      const at = Math.max(now(), nextAt);
      // Claim the slot before waiting, so concurrent callers queue up one interval apart.
      nextAt = at + 1000 / (current * MARGIN);
      const wait = at - now();
      if (wait > 0) await sleep(wait);
    },
    rateLimited(retryAfterSeconds) {
      current = Math.max(MIN_RATE, current / 2);
      streak = 0;
      nextAt = Math.max(nextAt, now() + Math.max(0, retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000);
    },
    succeeded() {
      if (current >= target) return;
      if (++streak < RECOVER_AFTER) return;
      streak = 0;
      current = Math.min(target, current + target / 10);
    },
    setTarget(requestsPerSecond) {
      // The operator's choice applies at once; should Campaign still be busy, the next 429 slows it again.
      target = current = requestsPerSecond;
      streak = 0;
    },
    get target() {
      return target;
    },
    get current() {
      return current;
    },
  };
}

/** Every request through this client waits for the pacer; a 429 tells it to slow down. */
export function pacedHttp(http: HttpClient, pacer: Pacer): HttpClient {
  return {
    async send(request) {
      await pacer.take();
      const response = await http.send(request);
      if (response.status === 429) {
        pacer.rateLimited(retryAfterSeconds(response.headers['retry-after']));
      } else {
        pacer.succeeded();
      }
      return response;
    },
  };
}
