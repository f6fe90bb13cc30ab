import type { ApiName } from '../model/connection';
import { fromErrorResponse, toDeskError, unexpectedAnswer, type CallContext } from './errors';
import { DeskError } from '../errors/desk-error';
import type { HttpClient, HttpRequest } from '../http/http-client';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryDeps, type RetryPolicy } from './retry';

/** A Campaign profile exactly as the API returns it. */
export type RawProfile = Record<string, unknown> & { PKey: string; href?: string };

export interface MetadataField {
  apiName?: string;
  label?: string;
  type?: string;
  length?: number;
  values?: unknown;
  readOnly?: boolean;
  dataPolicy?: string;
  content?: Record<string, MetadataField>;
}
export interface ResourceMetadata {
  content: Record<string, MetadataField>;
}
export interface ListPage {
  content: RawProfile[];
  nextHref?: string;
}

export interface Auth {
  apiKey: string;
  accessToken: string;
}
/** Where the credentials come from. */
export interface AuthSource {
  current(): Promise<Auth>;
  /** A new token after Campaign refused `rejected`; absent for a pasted token, which cannot be renewed. */
  renew?(rejected: Auth): Promise<Auth>;
}

type Method = HttpRequest['method'];

export interface CampaignClientOptions {
  /** e.g. https://mc.adobe.io/<tenant>/campaign */
  baseUrl: string;
  apiName: ApiName;
  connectionName: string;
  auth: AuthSource;
  http: HttpClient;
  timeoutMs?: number;
  /** Overrides of DEFAULT_RETRY_POLICY; tests of a single failure pass {maxAttempts: 1}. */
  retry?: Partial<RetryPolicy>;
  retryDeps?: RetryDeps;
}

const realRetryDeps: RetryDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface CampaignClient {
  /** The profile's address built from its PKey, for when the server gave no href. */
  profileUrl(pkey: string): string;
  getProfile(pkey: string): Promise<RawProfile>;
  getProfileAt(href: string): Promise<RawProfile>;
  patchProfileAt(href: string, body: Record<string, unknown>): Promise<{ PKey: string; href: string }>;
  getMetadata(): Promise<ResourceMetadata>;
  listProfiles(lineCount: number): Promise<ListPage>;
  /** Profiles with exactly this email (email is not unique in Campaign). */
  findByEmail(email: string, lineCount: number): Promise<ListPage>;
  /** Case-sensitive prefix match on email and last name. */
  findByText(text: string, lineCount: number): Promise<ListPage>;
  /** The next page of a list, by the opaque href the server gave. */
  listPageAt(href: string): Promise<ListPage>;
}

export function createCampaignClient(opts: CampaignClientOptions): CampaignClient {
  const root = opts.baseUrl.replace(/\/+$/, '');
  const apiRoot = `${root}/${opts.apiName}`;
  const profilesUrl = `${apiRoot}/profile`;
  const profileUrl = (pkey: string) => `${profilesUrl}/${encodePKey(pkey)}`;
  const timeoutMs = opts.timeoutMs ?? 15_000;

  async function send(method: Method, url: string, body: unknown, auth: Auth): Promise<unknown> {
    const ctx: CallContext = { connectionName: opts.connectionName, method, url };
    let res;
    try {
      res = await opts.http.send({
        method,
        url,
        timeoutMs,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headers: {
          Authorization: `Bearer ${auth.accessToken}`,
          'X-Api-Key': auth.apiKey,
          'Content-Type': 'application/json',
          'Cache-Control': 'no-cache',
        },
      });
    } catch (err) {
      throw toDeskError(err, ctx);
    }
    if (res.status < 200 || res.status >= 300) throw fromErrorResponse(res, ctx);
    try {
      return JSON.parse(res.body);
    } catch {
      throw unexpectedAnswer(ctx, 'not JSON', res.status);
    }
  }

  /** A 401 means the token was refused before Campaign did anything: renew once and send the same request again. */
  async function callOnce(method: Method, url: string, body?: unknown): Promise<unknown> {
    const auth = await opts.auth.current();
    try {
      return await send(method, url, body, auth);
    } catch (err) {
      if (!(err instanceof DeskError && err.info.kind === 'authExpired' && opts.auth.renew)) throw err;
      return send(method, url, body, await opts.auth.renew(auth));
    }
  }

  // Reads and PATCH alike are retried on transient failures: a PATCH sets absolute values, so repeating it is safe.
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const call = (method: Method, url: string, body?: unknown): Promise<unknown> =>
    withRetries(() => callOnce(method, url, body), policy, opts.retryDeps ?? realRetryDeps);

  /** hrefs come from the server; only follow those under this connection's base, so the token never leaves it. */
  function ownHref(href: string, method: string): string {
    if (!href.startsWith(`${root}/`)) {
      throw unexpectedAnswer({ connectionName: opts.connectionName, method, url: href }, `link outside ${root}`);
    }
    return href;
  }

  async function readProfile(url: string): Promise<RawProfile> {
    const data = await call('GET', url);
    const profile = unwrapProfile(data);
    if (!profile) throw unexpectedAnswer({ connectionName: opts.connectionName, method: 'GET', url }, 'no profile in the answer');
    return profile;
  }

  async function readList(url: string): Promise<ListPage> {
    const data = (await call('GET', url)) as { content?: unknown; next?: { href?: unknown } } | null;
    if (!Array.isArray(data?.content)) throw unexpectedAnswer({ connectionName: opts.connectionName, method: 'GET', url }, 'no list');
    const next = data.next?.href;
    return { content: data.content as RawProfile[], nextHref: typeof next === 'string' ? next : undefined };
  }

  return {
    profileUrl,
    getProfile: (pkey) => readProfile(profileUrl(pkey)),
    getProfileAt: async (href) => readProfile(ownHref(href, 'GET')),
    async patchProfileAt(href, body) {
      const url = ownHref(href, 'PATCH');
      const data = (await call('PATCH', url, body)) as { PKey?: unknown; href?: unknown } | null;
      if (typeof data?.PKey !== 'string') {
        throw unexpectedAnswer({ connectionName: opts.connectionName, method: 'PATCH', url }, 'no PKey in the answer');
      }
      return { PKey: data.PKey, href: typeof data.href === 'string' ? data.href : url };
    },
    async getMetadata() {
      const url = `${apiRoot}/resourceType/profile`;
      const data = (await call('GET', url)) as Partial<ResourceMetadata> | null;
      if (!data?.content || typeof data.content !== 'object') {
        throw unexpectedAnswer({ connectionName: opts.connectionName, method: 'GET', url }, 'no field list');
      }
      return { content: data.content };
    },
    listProfiles: (lineCount) => readList(`${profilesUrl}?_lineCount=${lineCount}`),
    findByEmail: (email, lineCount) => readList(`${profilesUrl}/byEmail?email=${encodeURIComponent(email)}&_lineCount=${lineCount}`),
    findByText: (text, lineCount) => readList(`${profilesUrl}/byText?text=${encodeURIComponent(text)}&_lineCount=${lineCount}`),
    listPageAt: async (href) => readList(ownHref(href, 'GET')),
  };
}

/** One Adobe page shows a single GET wrapped as {"content": [profile]}; accept both shapes. */
export function unwrapProfile(data: unknown): RawProfile | undefined {
  const candidate = Array.isArray((data as { content?: unknown })?.content)
    ? (data as { content: unknown[] }).content[0]
    : data;
  return candidate && typeof candidate === 'object' && typeof (candidate as RawProfile).PKey === 'string'
    ? (candidate as RawProfile)
    : undefined;
}

/** PKeys are opaque; encode them as one path segment ("@" is legal there and kept readable). */
function encodePKey(pkey: string): string {
  return encodeURIComponent(pkey).replace(/%40/g, '@');
}
