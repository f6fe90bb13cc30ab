import type { IncomingHttpHeaders } from 'node:http';
import { gatewayError } from './errors';
import type { Reply } from './http-io';
import type { TokenStore } from './ims';
import type { RateLimiter } from './rate-limiter';
import type { ExtraClient } from './types';

export interface GatewayDeps {
  clients: ExtraClient[];
  tokens: TokenStore;
  limiter: RateLimiter | null;
  retryAfterSeconds: number;
}

export function tooManyRequests(retryAfterSeconds: number): Reply {
  return gatewayError(429, '429050', 'Too many requests', { 'Retry-After': String(retryAfterSeconds) });
}

/** The Adobe I/O gateway's checks in front of Campaign, in the order it applies them; null = let through. */
export function checkGateway(headers: IncomingHttpHeaders, deps: GatewayDeps, now: number): Reply | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (!bearer) return gatewayError(403, '403010', 'Oauth token is missing.');
  const apiKey = headers['x-api-key'];
  if (!apiKey) return gatewayError(403, '403000', 'Api Key is required');
  if (!deps.clients.some((c) => c.clientId === apiKey)) return gatewayError(403, '403003', 'Api Key is invalid');
  const grant = deps.tokens.lookup(bearer, now);
  if (!grant) return gatewayError(401, '401013', 'Oauth token is not valid');
  // Whether the gateway also rejects a token of another client than X-Api-Key is undocumented: not checked.
  if (!deps.clients.find((c) => c.clientId === grant.clientId)?.campaignAccess) {
    return gatewayError(403, '403023', 'Profile is not valid');
  }
  if (deps.limiter && !deps.limiter.allow(now)) return tooManyRequests(deps.retryAfterSeconds);
  return null;
}
