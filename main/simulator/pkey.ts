import { createHash } from 'node:crypto';

/** A deterministic, opaque-looking PKey (`@` + URL-safe base64, 60–86 chars) for the n-th profile ever created. */
export function pkeyFor(index: number): string {
  const body = createHash('sha512').update(`profile-desk-sim/profile/${index}`).digest('base64url');
  return `@${body.slice(0, 59 + ((index * 7) % 27))}`;
}

/** Well-formed means `@` + URL-safe base64; anything else is what Campaign fails to parse (XTK-170036). */
export function isWellFormedPKey(value: string): boolean {
  return /^@[A-Za-z0-9_-]+$/.test(value);
}
