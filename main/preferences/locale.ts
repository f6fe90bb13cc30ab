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
