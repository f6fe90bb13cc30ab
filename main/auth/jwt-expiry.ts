/**
 * When a pasted access token expires, if it says so: Adobe's tokens are JWTs whose payload carries
 * `created_at` + `expires_in` (milliseconds) or a standard `exp` (seconds). Read for display only; never trusted.
 */
export function jwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof payload.exp === 'number') return payload.exp * 1000;
    const created = Number(payload.created_at);
    const lifetime = Number(payload.expires_in);
    return Number.isFinite(created) && Number.isFinite(lifetime) && created > 0 ? created + lifetime : undefined;
  } catch {
    return undefined;
  }
}
