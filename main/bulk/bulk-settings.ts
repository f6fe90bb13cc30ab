/** The pace and limits of bulk changes, as the operator set them (IT's policy may cap them later). */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_BULK_SETTINGS, type BulkSettings } from '../model/bulk';
import { writeJsonAtomic } from '../storage/json-file';

const stored = z.object({ requestsPerSecond: z.number().positive() }).partial();

export interface BulkSettingsStore {
  get(): Promise<BulkSettings>;
  save(settings: BulkSettings): Promise<void>;
}

/** Only the operator's own choice (the pace) is stored; the maxima are the app's (or IT's). */
export function createBulkSettings(file: string, limits: Partial<BulkSettings> = {}): BulkSettingsStore {
  const base: BulkSettings = { ...DEFAULT_BULK_SETTINGS, ...limits };
  let cached: BulkSettings | undefined;
  return {
    async get() {
      if (cached) return cached;
      let chosen: z.infer<typeof stored> = {};
      try {
        chosen = stored.parse(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        // No file yet, or an unreadable one: the defaults.
      }
      const requestsPerSecond = Math.min(chosen.requestsPerSecond ?? base.requestsPerSecond, base.maxRequestsPerSecond);
      cached = { ...base, requestsPerSecond };
      return cached;
    },
    async save(settings) {
      await writeJsonAtomic(file, { requestsPerSecond: settings.requestsPerSecond });
      cached = { ...base, requestsPerSecond: Math.min(settings.requestsPerSecond, base.maxRequestsPerSecond) };
    },
  };
}
