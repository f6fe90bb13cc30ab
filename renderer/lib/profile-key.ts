/** Reads a profile key from what the operator typed or pasted (the key itself, or a Campaign address containing it). */

export type ParsedKey = { ok: true; pkey: string; extracted: boolean } | { ok: false; reason: 'empty' | 'format' };

const PLAIN = /^[^\s/?#]+$/;
const MAX = 512;

export function parseProfileKey(input: string): ParsedKey {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (PLAIN.test(text) && text.length <= MAX) return { ok: true, pkey: text, extracted: false };
  // A pasted address: take the one path segment that looks like a key (PKeys start with @).
  if (!/\s/.test(text)) {
    const candidates = text.split(/[/?#&=]/).filter((part) => part.startsWith('@') && part.length > 1 && part.length <= MAX);
    if (candidates.length === 1 && candidates[0]) return { ok: true, pkey: candidates[0], extracted: true };
  }
  return { ok: false, reason: 'format' };
}
