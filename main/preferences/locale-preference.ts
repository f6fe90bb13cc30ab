import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { locales, type Locale } from '../model/connection';
import { resolveLocale } from './locale';
import { writeJsonAtomic } from '../storage/json-file';

const preferencesSchema = z.object({ locale: z.enum(locales).optional() });

/** The operator's language: their choice, else the OS's. */
export interface LocalePreference {
  get(): Promise<Locale>;
  set(locale: Locale): Promise<void>;
}

/** The choice is kept in a small file; nothing else, and never a secret. An unreadable file means "no choice yet". */
export function createLocalePreference(file: string, osLanguages: readonly string[]): LocalePreference {
  let chosen: Promise<Locale | undefined> | undefined;
  const read = async (): Promise<Locale | undefined> => {
    try {
      return preferencesSchema.parse(JSON.parse(await readFile(file, 'utf8'))).locale;
    } catch {
      return undefined;
    }
  };
  return {
    async get() {
      chosen ??= read();
      return resolveLocale(await chosen, osLanguages);
    },
    async set(locale) {
      await writeJsonAtomic(file, { locale });
      chosen = Promise.resolve(locale);
    },
  };
}
