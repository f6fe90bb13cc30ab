/** How field names and values are shown to the operator, in the current language. */
import type { FieldDef, FieldValue } from '../../main/model/profile';
import { getLocale, isMessageKey, t } from './i18n/i18n.svelte';

/** Translated label for standard fields; Campaign's own label for custom (cus*) and unknown fields. */
export function fieldLabel(def: Pick<FieldDef, 'path' | 'label'>): string {
  const key = `field.${def.path}`;
  if (isMessageKey(key)) return t(key);
  return def.label.trim() || def.path;
}

/** Campaign locale-style names such as "de_de" or "en" read better as "German (Germany)". */
function languageName(value: string): string | null {
  if (!/^[a-z]{2,3}([_-][a-z]{2})?$/i.test(value)) return null;
  try {
    const tag = value.replace('_', '-');
    const name = new Intl.DisplayNames([getLocale()], { type: 'language' }).of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : null;
  } catch {
    return null;
  }
}

/**
 * An enum value as the operator reads it: the app's translation; for languages the name in the operator's
 * language; otherwise Campaign's own label of the value (custom cus* enums); the raw value as a last resort.
 */
export function enumLabel(def: Pick<FieldDef, 'path'> & Partial<Pick<FieldDef, 'valueLabels'>>, value: string): string {
  const field = def.path.slice(def.path.lastIndexOf('.') + 1);
  const key = `enum.${field}.${value}`;
  if (isMessageKey(key)) return t(key);
  if (field === 'preferredLanguage') {
    const name = languageName(value);
    if (name) return name;
  }
  const campaignLabel = def.valueLabels && Object.prototype.hasOwnProperty.call(def.valueLabels, value) ? def.valueLabels[value] : undefined;
  if (typeof campaignLabel === 'string' && campaignLabel.trim() !== '') return campaignLabel.trim();
  // Campaign's unset enum value ("none") reads as such, even where metadata lists no values.
  if (value === 'none') return t('common.notSet');
  return value;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)Z?$/;

/** Campaign's "2024-03-01 10:22:33.000Z" (UTC) shown in the operator's local time. */
export function formatDateTime(raw: string): string {
  const m = TIMESTAMP.exec(raw.trim());
  const date = m ? new Date(`${m[1]}T${m[2]}Z`) : new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return raw;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return raw;
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A value as text for tables and "was:" notes; empty values become "(empty)". */
export function displayValue(
  def: (Pick<FieldDef, 'path' | 'type'> & Partial<Pick<FieldDef, 'valueLabels' | 'readOnly'>>) | undefined,
  value: FieldValue | undefined,
): string {
  if (value === undefined) return t('common.notReturned');
  if (value === null || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return new Intl.NumberFormat(getLocale(), { useGrouping: false }).format(value);
  if (def?.type === 'enum') return enumLabel(def, value);
  if (def?.type === 'datetime') return formatDateTime(value);
  if (def?.type === 'date') return formatDate(value);
  // Some instances describe created/lastModified as plain strings: still a time the operator reads locally.
  if (def?.readOnly && TIMESTAMP.test(value.trim())) return formatDateTime(value);
  return value;
}
