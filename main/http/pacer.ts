/**
 * The app's own pace towards Campaign. Campaign does not throttle clients (Adobe: "the customer has to do it
 * on its side"); calls count against the licence and the gateway answers 429 when pushed. So every request
 * to a connection waits for its turn here: never more than the chosen number in any one second (the way the
 * gateway counts), evenly spaced, which drops after a 429 and recovers step by step while requests go through.
 * A few requests of an operator's single save go out at once; a bulk job runs at the chosen rate.
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
const RECOVER_AFTER = 10;
const DEFAULT_RETRY_AFTER_S = 1;
// The window is 3 % longer than the rate says: a request that reaches the gateway a few milliseconds early
// (network jitter) must not be one too many for the gateway's own window.
const MARGIN = 1.03;
// A few requests (one save: GET, PATCH, GET) go out at once; beyond that, requests are evenly spaced, so a
// stall on either side (a busy event loop, a slow disk) cannot bunch a second's worth into the gateway's window.
const BURST = 3;

export function createPacer(o: PacerOptions): Pacer {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let target = o.requestsPerSecond;
  let current = target;
  let blockedUntil = 0;
  let streak = 0;
  /** When the requests of the current window went out, oldest first. */
  const sent: number[] = [];
  /** Callers take their turn one after the other, in the order they asked. */
  let queue: Promise<void> = Promise.resolve();

  // At least one request per window; a window holds a second's worth of requests (longer below 1/s).
  const capacity = () => Math.max(1, Math.floor(current));
  const windowMs = () => ((capacity() / current) * 1000 * MARGIN);
  const spacing = () => (1000 * MARGIN) / current;

  async function turn(): Promise<void> {
    for (;;) {
      const t = now();
      if (t < blockedUntil) {
        await sleep(blockedUntil - t);
        continue;
      }
      while (sent.length > 0 && sent[0]! <= t - windowMs()) sent.shift();
      const windowWait = sent.length < capacity() ? 0 : sent[0]! + windowMs() - t;
      const spacingWait = sent.length < BURST ? 0 : sent.at(-1)! + spacing() - t;
      const wait = Math.max(windowWait, spacingWait);
      if (wait <= 0) {
        sent.push(t);
        return;
      }
      await sleep(wait);
    }
  }

  return {
    take() {
      const mine = queue.then(turn);
      queue = mine.catch(() => undefined);
      return mine;
    },
    rateLimited(retryAfterSeconds) {
      current = Math.max(MIN_RATE, current / 2);
      streak = 0;
      blockedUntil = Math.max(blockedUntil, now() + Math.max(0, retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S) * 1000);
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
      if (response.status === 429) pacer.rateLimited(retryAfterSeconds(response.headers['retry-after']));
      else pacer.succeeded();
      return response;
    },
  };
}
