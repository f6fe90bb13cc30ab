import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Draft, DraftInput } from '../model/save';
import { writeJsonAtomic } from '../storage/json-file';

const value = z.union([z.string(), z.boolean(), z.number(), z.null()]);
const draftSchema = z.object({
  connectionId: z.string(),
  pkey: z.string(),
  profileName: z.string(),
  changes: z.record(z.string(), value),
  base: z.object({ values: z.record(z.string(), value), lastModified: z.string().optional() }),
  savedAt: z.string(),
}) satisfies z.ZodType<Draft>;

/** Unsaved edits of single profiles, kept by main until Campaign has them or the operator lets them go. */
export interface DraftStore {
  /** Newest first; an unreadable draft is skipped, never fatal. */
  list(): Promise<Draft[]>;
  save(draft: DraftInput): Promise<Draft>;
  discard(connectionId: string, pkey: string): Promise<void>;
}

/**
 * Unsaved edits, one file per profile, written atomically on every change, so a crash, a restart or a
 * failed save never costs the operator's work. A draft goes only when saved or discarded.
 */
export function createDraftStore(dir: string, now: () => Date = () => new Date()): DraftStore {
  // A hash as file name: PKeys are opaque and may hold characters a file system dislikes.
  const fileOf = (connectionId: string, pkey: string) =>
    join(dir, `${createHash('sha256').update(`${connectionId}\u0000${pkey}`).digest('hex').slice(0, 32)}.json`);

  async function list(): Promise<Draft[]> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const drafts = await Promise.all(
      names.map(async (n) => {
        try {
          return draftSchema.parse(JSON.parse(await readFile(join(dir, n), 'utf8')));
        } catch {
          return undefined; // an unreadable draft is skipped, never fatal
        }
      }),
    );
    return drafts.filter((d): d is Draft => d !== undefined).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  return {
    list,
    async save(draft) {
      const saved: Draft = { ...draft, savedAt: now().toISOString() };
      await writeJsonAtomic(fileOf(draft.connectionId, draft.pkey), saved);
      return saved;
    },
    async discard(connectionId, pkey) {
      await rm(fileOf(connectionId, pkey), { force: true });
    },
  };
}
