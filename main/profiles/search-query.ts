/**
 * What an operator typed into the one search box: a PKey, an email address, or the start of a last
 * name or email (Campaign's byText, which is case-sensitive).
 */
export type QueryKind = 'pkey' | 'email' | 'text';

const PKEY = /^@[A-Za-z0-9_-]{20,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function classifyQuery(raw: string): { kind: QueryKind; value: string } {
  const value = raw.trim();
  if (PKEY.test(value)) return { kind: 'pkey', value };
  if (EMAIL.test(value)) return { kind: 'email', value };
  return { kind: 'text', value };
}
