import type { HttpClient } from '../http/http-client';
import { requestToken, type IssuedToken, type OAuthCredentials } from './ims-token';

/** Where the current token is kept between runs: the keychain, next to the connection's other secrets. */
export interface TokenCache {
  read(): Promise<IssuedToken | null>;
  write(token: IssuedToken): Promise<void>;
}

export interface TokenProviderOptions {
  connectionName: string;
  credentials(): Promise<OAuthCredentials>;
  cache: TokenCache;
  now?: () => number;
  http: HttpClient;
}

/** OAuth Server-to-Server tokens of one connection. */
export interface TokenProvider {
  /** A token that is valid for a while yet. */
  token(): Promise<string>;
  /** A token other than the one Campaign just rejected (renewing it unless someone already did). */
  renewAfterRejection(rejected: string): Promise<string>;
  /** When the current token expires (epoch ms), if one is known. */
  expiresAt(): number | undefined;
}

// Renew a little before expiry: five minutes, or a tenth of the lifetime for short-lived tokens.
const MAX_MARGIN_MS = 5 * 60_000;

/**
 * OAuth Server-to-Server tokens for one connection: reused while fresh, renewed shortly before they expire
 * or after Campaign rejected them, and never requested twice at once (concurrent callers share one request).
 */
export function createTokenProvider(o: TokenProviderOptions): TokenProvider {
  const now = o.now ?? Date.now;
  let memo: IssuedToken | undefined;
  let pending: Promise<string> | undefined;

  const fresh = (t: IssuedToken) => t.expiresAt - now() > Math.min(MAX_MARGIN_MS, (t.expiresAt - t.issuedAt) / 10);
  const usable = (t: IssuedToken | undefined, rejected?: string): t is IssuedToken => !!t && fresh(t) && t.token !== rejected;

  function acquire(rejected?: string): Promise<string> {
    if (usable(memo, rejected)) return Promise.resolve(memo.token);
    pending ??= (async () => {
      memo ??= (await o.cache.read()) ?? undefined;
      if (!usable(memo, rejected)) {
        memo = await requestToken(o.http, await o.credentials(), o.connectionName, now);
        await o.cache.write(memo);
      }
      return memo.token;
    })().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    token: () => acquire(),
    renewAfterRejection: (rejected) => acquire(rejected),
    expiresAt: () => memo?.expiresAt,
  };
}
