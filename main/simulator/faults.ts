import { STATUS_CODES } from 'node:http';
import { OOPS, gatewayError, notFound } from './errors';
import { tooManyRequests } from './gateway';
import type { Reply } from './http-io';
import type { Fault } from './types';

interface Armed {
  fault: Fault;
  remaining: number;
}

/** Injected faults, consumed one matching request at a time; the first armed match wins. */
export class FaultList {
  private armed: Armed[] = [];

  inject(fault: Fault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  take(method: string, path: string): Fault | undefined {
    const hit = this.armed.find(({ fault }) => matches(fault, method, path));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.fault;
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.match === undefined) return true;
  return typeof fault.match === 'string' ? path.includes(fault.match) : fault.match.test(path);
}

/** The answer of a 'status' fault: the given body, or what the gateway or Campaign would send with that status. */
export function statusFaultReply(fault: Fault, retryAfterSeconds: number): Reply {
  const status = fault.status ?? 500;
  const reply = defaultReply(status, retryAfterSeconds);
  return {
    status,
    body: fault.body === undefined ? reply.body : fault.body,
    headers: { ...reply.headers, ...fault.headers },
  };
}

function defaultReply(status: number, retryAfterSeconds: number): Reply {
  switch (status) {
    case 401:
      return gatewayError(401, '401013', 'Oauth token is not valid');
    case 403:
      return gatewayError(403, '403023', 'Profile is not valid');
    case 404:
      return notFound().reply();
    case 429:
      return tooManyRequests(retryAfterSeconds);
    case 500:
      return { status, body: { code: 500, message: OOPS } };
    default: // e.g. 502/503/504 gateway trouble; the code is inferred (the doc gives none)
      return gatewayError(status, `${status}000`, STATUS_CODES[status] ?? 'Error');
  }
}

/** A 200 whose body is not JSON, as a proxy error page would be. */
export const MALFORMED_BODY = '<html><body><h1>Bad gateway</h1>The upstream answer was cut';
