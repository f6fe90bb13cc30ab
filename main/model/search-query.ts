/**
 * What an operator typed into the one search box: a PKey, an email address, or the start of a last
 * name or email (Campaign's byText, which is case-sensitive).
 */
import type { FindKind } from './profile';

const PKEY = /^@[A-Za-z0-9_-]{20,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function classifyQuery(raw: string): { kind: FindKind; value: string } {
  const value = raw.trim();
  if (PKEY.test(value)) return { kind: 'pkey', value };
  if (EMAIL.test(value)) return { kind: 'email', value };
  return { kind: 'text', value };
}

/** Starts like a profile key but cannot be one (too short, wrong characters): "@@@", "@abc". */
export function isIncompleteProfileKey(raw: string): boolean {
  const value = raw.trim();
  return value.startsWith('@') && !PKEY.test(value) && !EMAIL.test(value);
}
