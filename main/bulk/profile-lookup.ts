/**
 * Which profile a row means: by profile key, or by email address, where only exactly one profile is a match
 * (a family may share an address: several is "N profiles share this email", never a guess).
 */
import type { RowIdentity, RowProblem } from '../model/bulk';
import type { CampaignClient, RawProfile } from '../campaign/client';
import { DeskError } from '../errors/desk-error';

/** Enough to say "N profiles share this email" for any family; more says "10 or more". */
const EMAIL_PAGE = 10;

export type Lookup = { profile: RawProfile } | { problem: RowProblem };

export async function lookupProfile(client: CampaignClient, by: RowIdentity['by'], key: string): Promise<Lookup> {
  if (by === 'pkey') {
    try {
      return { profile: await client.getProfile(key) };
    } catch (err) {
      if (err instanceof DeskError && err.info.kind === 'notFound') return { problem: { cause: 'notFound', value: key } };
      throw err;
    }
  }
  const page = await client.findByEmail(key, EMAIL_PAGE);
  const [only] = page.content;
  if (page.content.length === 1 && only) return { profile: only };
  if (page.content.length === 0) return { problem: { cause: 'notFound', value: key } };
  return { problem: { cause: 'ambiguousEmail', value: key, count: page.content.length, ...(page.nextHref ? { detail: 'more' } : {}) } };
}

/** Rows that name the same profile (same key; email compared without case): none of them is applied. */
export function duplicateLines(keys: ReadonlyArray<{ line: number; key: string }>, by: RowIdentity['by']): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (const { line, key } of keys) {
    if (key === '') continue;
    const k = by === 'email' ? key.toLowerCase() : key;
    const lines = byKey.get(k);
    if (lines) lines.push(line);
    else byKey.set(k, [line]);
  }
  const duplicates = new Map<number, number[]>();
  for (const lines of byKey.values()) {
    if (lines.length < 2) continue;
    for (const line of lines) duplicates.set(line, lines.filter((l) => l !== line));
  }
  return duplicates;
}
