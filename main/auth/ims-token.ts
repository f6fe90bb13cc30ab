import { fromErrorResponse, toDeskError, unexpectedAnswer } from '../campaign/errors';
import type { HttpClient } from '../http/http-client';

export const DEFAULT_IMS_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';

export interface OAuthCredentials {
  imsUrl: string;
  clientId: string;
  clientSecret: string;
  /** Comma-separated, as the Adobe Developer Console shows them. */
  scopes: string;
}

export interface IssuedToken {
  token: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  expiresAt: number;
}

/**
 * One OAuth Server-to-Server token request (client_credentials). expires_in is in SECONDS
 * (the retired JWT exchange used milliseconds). Wrong credentials come back as 400/401 invalid_client.
 */
export async function requestToken(
  http: HttpClient,
  c: OAuthCredentials,
  connectionName: string,
  now = Date.now,
  timeoutMs = 15_000,
): Promise<IssuedToken> {
  const ctx = { connectionName, method: 'POST', url: c.imsUrl };
  let res;
  try {
    res = await http.send({
      method: 'POST',
      url: c.imsUrl,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: c.scopes }).toString(),
      timeoutMs,
    });
  } catch (err) {
    throw toDeskError(err, ctx);
  }
  if (res.status < 200 || res.status >= 300) throw fromErrorResponse(res, ctx);
  let data: { access_token?: unknown; expires_in?: unknown } | null;
  try {
    data = JSON.parse(res.body) as typeof data;
  } catch {
    data = null;
  }
  if (typeof data?.access_token !== 'string' || typeof data.expires_in !== 'number') {
    throw unexpectedAnswer(ctx, 'no access_token/expires_in', res.status);
  }
  const issuedAt = now();
  return { token: data.access_token, issuedAt, expiresAt: issuedAt + data.expires_in * 1000 };
}
