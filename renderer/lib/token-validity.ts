/**
 * How long a connection's access lasts, in words an operator understands. Pure: returns a message key,
 * the ISO time to put into it (the component formats it in the current language) and how loudly to show it.
 */
import type { ConnectionSummary } from '../../main/model/connection';
import type { MessageKey } from './i18n/en';

export type ValidityTone = 'ok' | 'warn' | 'danger' | 'neutral';

export interface Validity {
  key: MessageKey;
  /** ISO time for the `{time}` placeholder, when the text has one. */
  at?: string;
  tone: ValidityTone;
  /** A pasted token that has expired or is missing: offer "Paste a new token". */
  needsNewToken: boolean;
}

/** Less than this left on a pasted token: warn, so the operator asks IT for a new one in time. */
export const SOON_MS = 60 * 60 * 1000;

function parse(iso: string | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export function tokenValidity(
  connection: Pick<ConnectionSummary, 'authMode' | 'tokenExpiresAt' | 'secrets'>,
  now: number = Date.now(),
): Validity {
  const expires = parse(connection.tokenExpiresAt);
  if (connection.authMode === 'oauth') {
    // Main renews OAuth access by itself: an expired cached token is no problem, so it is not mentioned.
    return expires !== null && expires > now
      ? { key: 'validity.oauthUntil', at: connection.tokenExpiresAt, tone: 'ok', needsNewToken: false }
      : { key: 'validity.oauth', tone: 'ok', needsNewToken: false };
  }
  if (!connection.secrets.accessToken.set) return { key: 'validity.tokenMissing', tone: 'danger', needsNewToken: true };
  if (expires === null) return { key: 'validity.tokenUnknown', tone: 'neutral', needsNewToken: false };
  if (expires <= now) return { key: 'validity.tokenExpired', at: connection.tokenExpiresAt, tone: 'danger', needsNewToken: true };
  if (expires - now < SOON_MS) return { key: 'validity.tokenSoon', at: connection.tokenExpiresAt, tone: 'warn', needsNewToken: false };
  return { key: 'validity.tokenUntil', at: connection.tokenExpiresAt, tone: 'ok', needsNewToken: false };
}
