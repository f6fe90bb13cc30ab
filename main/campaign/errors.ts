import type { AppError, ErrorKind } from '../model/errors';
import { DeskError } from '../errors/desk-error';
import { HttpFailure, retryAfterSeconds, type HttpResponse } from '../http/http-client';

/** What we tell IT about the call that failed; never headers, so never a token or key. */
export interface CallContext {
  connectionName: string;
  method: string;
  url: string;
}

interface ServerSays {
  code?: string;
  message?: string;
}

/** Campaign, the API gateway and IMS each wrap their errors differently; pull out code and text. */
export function readServerError(body: unknown): ServerSays {
  const parsed = typeof body === 'string' ? tryParse(body) : body;
  if (!parsed || typeof parsed !== 'object') return typeof body === 'string' && body ? { message: body.slice(0, 500) } : {};
  const o = parsed as Record<string, unknown>;
  const message = str(o.message) ?? str(o.error_description) ?? str(o.error);
  // Campaign prefixes messages with a general code and may add a specific one: keep the last, most specific.
  const campaignCode = message?.match(/\b(?:RST|XTK|SCM|SQL)-\d+/g)?.at(-1);
  return { code: str(o.error_code) ?? campaignCode ?? str(o.error), message };
}

function kindForStatus(status: number, says: ServerSays): ErrorKind {
  if ((status === 400 || status === 401) && says.code === 'invalid_client') return 'invalidCredentials'; // IMS
  if (status === 401) return 'authExpired';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  // Only a proxy says 407 (Proxy Authentication Required); Campaign and IMS never do.
  if (status === 407) return 'proxy';
  if (status === 500 && says.message?.includes('Oops')) return 'badAddress';
  // An unparsable PKey comes back as a 500: for the operator it is a key that finds no profile.
  if (status === 500 && says.code === 'XTK-170036') return 'notFound';
  // Campaign reports validation failures as HTTP 500 (see campaign-api.md).
  if (status === 500 && says.message) return 'invalidValue';
  if (status === 400 || status === 422) return 'invalidValue';
  return 'serverError';
}

/** A call that got no answer (or failed before sending) as the error the operator and IT see. */
export function toDeskError(err: unknown, ctx: CallContext): DeskError {
  if (err instanceof DeskError) return err;
  if (err instanceof HttpFailure) {
    const what = err.code ?? err.message;
    const [summary, hint] = NO_ANSWER[err.kind](hostOf(ctx.url));
    return build(err.kind, `${summary} (${what})`, ctx, { code: err.code }, [`Transport says: ${err.message}`, hint]);
  }
  return build('internal', `Unexpected failure: ${(err as Error)?.message ?? String(err)}`, ctx, {});
}

/** Per kind of "no answer": a summary and, where IT has something to do, what. */
const NO_ANSWER: Record<HttpFailure['kind'], (host: string) => [string, string | undefined]> = {
  network: () => ['No answer from Campaign', undefined],
  timeout: () => ['No answer from Campaign', undefined],
  proxy: (host) => [
    'The proxy refused the connection or could not be reached',
    `For IT: the system proxy (or PAC file) must let this computer reach ${host} (a CONNECT tunnel for HTTPS) without asking for credentials Profile Desk cannot give.`,
  ],
  certificate: (host) => [
    `This computer does not trust the certificate ${host} presented`,
    `For IT: with TLS inspection, the company's root certificate must be in this computer's certificate store; otherwise check the address and the certificate of ${host}.`,
  ],
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** An answer with an error status, with Campaign's or the gateway's code and words. */
export function fromErrorResponse(res: HttpResponse, ctx: CallContext): DeskError {
  const says = readServerError(res.body);
  const kind = kindForStatus(res.status, says);
  if (kind === 'proxy') {
    // The proxy's words (often an HTML page) are for IT, not shown as Campaign's.
    const proxySays = says.message && `Proxy says: ${says.message}`;
    return build(kind, `The proxy answered HTTP ${res.status}`, ctx, { status: res.status }, [proxySays, NO_ANSWER.proxy(hostOf(ctx.url))[1]]);
  }
  return build(kind, `Campaign answered HTTP ${res.status}`, ctx, {
    status: res.status,
    code: says.code,
    serverMessage: says.message,
    requestId: res.headers['x-request-id'],
    retryAfterSeconds: retryAfterSeconds(res.headers['retry-after']),
  });
}

export function unexpectedAnswer(ctx: CallContext, why: string, status?: number): DeskError {
  return build('unexpectedAnswer', `Campaign's answer could not be read: ${why}`, ctx, { status });
}

function build(
  kind: ErrorKind,
  message: string,
  ctx: CallContext,
  extra: Omit<Partial<AppError>, 'kind' | 'message' | 'details'>,
  more: (string | undefined)[] = [],
): DeskError {
  const lines = [
    `Time: ${new Date().toISOString()}`,
    `Connection: ${ctx.connectionName}`,
    `Request: ${ctx.method} ${ctx.url}`,
    `Problem: ${kind} — ${message}`,
    extra.status !== undefined && `HTTP status: ${extra.status}`,
    extra.code && `Code: ${extra.code}`,
    extra.serverMessage && `Campaign says: ${extra.serverMessage}`,
    extra.requestId && `Request id: ${extra.requestId}`,
    extra.retryAfterSeconds !== undefined && `Retry-After: ${extra.retryAfterSeconds} s`,
    ...more,
  ].filter(Boolean);
  const info: AppError = { kind, message, details: lines.join('\n') };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (info as unknown as Record<string, unknown>)[k] = v;
  return new DeskError(info);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
