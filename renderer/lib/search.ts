/**
 * Pure helpers for the one search box: reading what the operator typed before asking Campaign, and the
 * hint for Campaign's case-sensitive name search ("müller" finds nothing, "Müller" does).
 */
import { parseProfileKey } from './profile-key';

/** As the contract allows: 1 to 320 characters after trimming. */
export const MAX_QUERY = 320;

export type PreparedQuery =
  | { ok: true; query: string; /** a profile key was taken out of a pasted Campaign address */ extracted: boolean }
  | { ok: false; reason: 'empty' | 'tooLong' };

export function prepareQuery(input: string): PreparedQuery {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  // A pasted Campaign address: search for the key inside it.
  const parsed = parseProfileKey(text);
  if (parsed.ok && parsed.extracted) return { ok: true, query: parsed.pkey, extracted: true };
  if (text.length > MAX_QUERY) return { ok: false, reason: 'tooLong' };
  return { ok: true, query: text, extracted: false };
}

/** What a last name or the start of one can look like: letters, and the spaces, hyphens, dots and apostrophes names have. */
const NAME_LIKE = /^\p{L}[\p{L}\p{M}' .-]*$/u;

/**
 * For a name search that starts with a small letter: the same text with a capital first letter
 * ("müller" → "Müller"), because Campaign matches the beginning of last names exactly as written.
 * null when the text already starts with a capital, or does not look like a name ("abc/../123").
 */
export function capitalisedSuggestion(query: string): string | null {
  const text = query.trim();
  if (!NAME_LIKE.test(text)) return null;
  const first = text.charAt(0);
  const upper = first.toLocaleUpperCase('de');
  if (upper === first || upper.length !== 1) return null;
  return upper + text.slice(1);
}
