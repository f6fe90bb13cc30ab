/**
 * How a bulk job rides out trouble that time cures: the network gone, Campaign busy (429 beyond the client's
 * own retries), a gateway error. The job waits and tries the same row again, never marks it failed for it,
 * and says it is waiting, so the operator sees why nothing moves.
 */
import type { AppError } from '../model/errors';
import { DeskError } from '../errors/desk-error';

const TRANSIENT_STATUS = new Set([502, 503, 504]);

export function isTransient(error: AppError): boolean {
  // Not proxy or certificate: waiting does not make a certificate trusted or a proxy let us through (IT does).
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'rateLimited') return true;
  return error.kind === 'serverError' && error.status !== undefined && TRANSIENT_STATUS.has(error.status);
}

export interface PatienceHooks {
  /** Called each time the job starts waiting (with the reason) and when it can go on again (null). */
  waiting(error: AppError | null): void;
  /** True once the job is stopped: waiting ends and the call is not tried again. */
  stopped(): boolean;
  sleep(ms: number): Promise<void>;
}

export class Stopped extends Error {
  constructor() {
    super('stopped');
  }
}

const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 30_000;

/** Runs `call` until it succeeds or fails for a reason time does not cure (that error is thrown). */
export async function withPatience<T>(call: () => Promise<T>, hooks: PatienceHooks): Promise<T> {
  let wait = FIRST_WAIT_MS;
  let waited = false;
  for (;;) {
    if (hooks.stopped()) throw new Stopped();
    try {
      const value = await call();
      if (waited) hooks.waiting(null);
      return value;
    } catch (err) {
      if (!(err instanceof DeskError) || !isTransient(err.info)) throw err;
      waited = true;
      hooks.waiting(err.info);
      await hooks.sleep(Math.max(wait, (err.info.retryAfterSeconds ?? 0) * 1000));
      wait = Math.min(LONGEST_WAIT_MS, wait * 2);
    }
  }
}
