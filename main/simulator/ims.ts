import { randomBytes } from 'node:crypto';
import type { Reply } from './http-io';
import type { ExtraClient } from './types';

interface Grant {
  clientId: string;
  expiresAt: number;
}

/** Tokens issued by the simulated IMS, remembered in memory with their client and expiry. */
export class TokenStore {
  private readonly grants = new Map<string, Grant>();
  private readonly lifetimeSec: number;

  constructor(lifetimeSec: number) {
    this.lifetimeSec = lifetimeSec;
  }

  issue(clientId: string, now: number): string {
    // Opaque on purpose (real IMS tokens are JWTs): a client must never parse a token.
    const token = `simtok-${randomBytes(32).toString('base64url')}`;
    this.grants.set(token, { clientId, expiresAt: now + this.lifetimeSec * 1000 });
    return token;
  }

  /** The grant behind a token, or undefined when the token is unknown or expired. */
  lookup(token: string, now: number): Grant | undefined {
    const grant = this.grants.get(token);
    return grant && now < grant.expiresAt ? grant : undefined;
  }

  expireAll(): void {
    for (const grant of this.grants.values()) grant.expiresAt = 0;
  }
}

const imsError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

/** POST /ims/token/v3 with grant_type=client_credentials (OAuth Server-to-Server). Scope is not checked. */
export function issueToken(rawBody: string, clients: ExtraClient[], tokens: TokenStore, lifetimeSec: number, now: number): Reply {
  const form = new URLSearchParams(rawBody);
  if (form.get('grant_type') !== 'client_credentials') {
    return imsError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
  }
  const client = clients.find((c) => c.clientId === form.get('client_id'));
  if (!client) return imsError(401, 'invalid_client', 'invalid client_id parameter');
  if (client.clientSecret !== form.get('client_secret')) return imsError(401, 'invalid_client', 'invalid client_secret parameter');
  return {
    status: 200,
    body: { access_token: tokens.issue(client.clientId, now), token_type: 'bearer', expires_in: lifetimeSec },
  };
}
