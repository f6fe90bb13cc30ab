/**
 * What the Campaign client and the token request need of HTTP, and nothing of any library: the app plugs in
 * Chromium's network stack, tests Node's (http/axios-http.ts is the one adapter, the only axios user).
 */

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** Any HTTP status comes back as a response (redirects are not followed); only "no answer" throws. */
export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  body: string;
}

/** proxy and certificate: what an office network adds (a company proxy, TLS inspection with its own root certificate). */
export const httpFailureKinds = ['timeout', 'network', 'proxy', 'certificate'] as const;
export type HttpFailureKind = (typeof httpFailureKinds)[number];

/** No answer at all: the request may or may not have reached the server. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    /** The transport's own code, e.g. ECONNREFUSED, for IT. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** Retry-After as seconds: Campaign's gateway sends seconds; HTTP also allows a date. undefined when unreadable. */
export function retryAfterSeconds(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
