import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Locale } from '../ipc/contract';
import { resolveLocale } from './locale';
import { writeJsonAtomic } from '../storage/json-file';

const preferencesSchema = z.object({ locale: z.enum(['de', 'en']).optional() });

/** The operator's language choice; nothing else, and never a secret. An unreadable file means "no choice yet". */
export function createLocalePreference(file: string, osLanguages: readonly string[]) {
  let chosen: Promise<Locale | undefined> | undefined;
  const read = async (): Promise<Locale | undefined> => {
    try {
      return preferencesSchema.parse(JSON.parse(await readFile(file, 'utf8'))).locale;
    } catch {
      return undefined;
    }
  };
  return {
    async get(): Promise<Locale> {
      chosen ??= read();
      return resolveLocale(await chosen, osLanguages);
    },
    async set(locale: Locale): Promise<void> {
      await writeJsonAtomic(file, { locale });
      chosen = Promise.resolve(locale);
    },
  };
}
