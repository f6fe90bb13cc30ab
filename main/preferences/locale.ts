import type { Locale } from '../model/connection';

/**
 * The operator's chosen language wins; otherwise the first OS language we speak.
 * Operators are German first, so an OS in neither language gets German.
 */
export function resolveLocale(chosen: Locale | undefined, osLanguages: readonly string[]): Locale {
  if (chosen) return chosen;
  for (const tag of osLanguages) {
    const lang = tag.toLowerCase().split(/[-_]/)[0];
    if (lang === 'de' || lang === 'en') return lang;
  }
  return 'de';
}

/**
 * The language Chromium is started with (--lang), so that date fields and navigator.language follow the app:
 * the OS's own regional variant when it is of the same language (de-AT, en-GB), else the bare language.
 */
export function chromiumLanguage(locale: Locale, osLanguages: readonly string[]): string {
  const sameLanguage = osLanguages.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === locale);
  return sameLanguage && /^[a-z]{2}([-_][a-z]{2})?$/i.test(sameLanguage) ? sameLanguage.replace('_', '-') : locale;
}
