import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { locales, type Locale } from '../model/connection';
import { resolveLocale } from './locale';
import { writeJsonAtomic } from '../storage/json-file';
import { deskError } from '../errors/desk-error';
import { PolicyRule } from '../model/policy';

const preferencesSchema = z.object({ locale: z.enum(locales).optional() });

/** The operator's language: IT's where the policy fixes it, else their choice, else the OS's. */
export interface LocalePreference {
  get(): Promise<Locale>;
  set(locale: Locale): Promise<void>;
}

/**
 * The stored choice, read synchronously: Chromium's language (--lang) must be set while main's first tick runs,
 * before Electron is ready, so there is no time to wait for a file. undefined when none or unreadable.
 */
export function readLocaleChoiceSync(file: string): Locale | undefined {
  try {
    return choiceIn(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const choiceIn = (text: string): Locale | undefined => preferencesSchema.parse(JSON.parse(text)).locale;

/** The choice is kept in a small file; nothing else, and never a secret. An unreadable file means "no choice yet". */
export function createLocalePreference(file: string, osLanguages: readonly string[], fixed?: Locale): LocalePreference {
  let chosen: Promise<Locale | undefined> | undefined;
  const read = async (): Promise<Locale | undefined> => {
    try {
      return choiceIn(await readFile(file, 'utf8'));
    } catch {
      return undefined;
    }
  };
  return {
    async get() {
      if (fixed) return fixed;
      chosen ??= read();
      return resolveLocale(await chosen, osLanguages);
    },
    async set(locale) {
      if (fixed) throw deskError('policy', `IT's policy sets the language on this computer (${fixed})`, { code: PolicyRule.languageFixed });
      await writeJsonAtomic(file, { locale });
      chosen = Promise.resolve(locale);
    },
  };
}
