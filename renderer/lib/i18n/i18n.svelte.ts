import type { Locale } from '../../../main/model/connection';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';
import { interpolate, pluralForm, type Params } from './translate';

export type { MessageKey, Params };

/** Keys with a `.one` and an `.other` form, chosen by a count. */
type PluralBase<K extends string> = K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

const catalogs: Record<Locale, Messages> = { en, de };

/** The current language; reading it inside a template or $derived makes that text follow a switch. */
const current = $state<{ locale: Locale }>({ locale: 'en' });

export function getLocale(): Locale {
  return current.locale;
}

/** Switches every text on screen at once and keeps `<html lang>` in step. */
export function setLocale(locale: Locale): void {
  current.locale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function t(key: MessageKey, params?: Params): string {
  return interpolate(catalogs[current.locale][key], params);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** A counted phrase in the current language's plural form; `{count}` is filled in with the count. */
export function plural(key: PluralKey, count: number, params?: Params): string {
  return t(`${key}.${pluralForm(current.locale, count)}`, { ...params, count });
}
