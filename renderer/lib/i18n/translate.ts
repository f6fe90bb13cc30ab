/** Pure text helpers shared by the i18n store and the unit tests (no runes here, so Node can import it). */

export type Params = Readonly<Record<string, string | number>>;

/**
 * Replaces `{name}` placeholders with the matching parameter. Single pass: a parameter value that itself
 * contains braces (e.g. Campaign's verbatim message) is never expanded again. Unknown placeholders stay visible.
 */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The placeholder names a template uses, sorted; used to check that both languages ask for the same values. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** The plural form a language uses for a count: German and English have "one" and "other". */
export function pluralForm(locale: string, count: number): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}

/** Labels kept elsewhere (the model's field names) as message keys: { firstName } → { 'field.firstName' }. */
export function prefixed<P extends string, T extends Readonly<Record<string, string>>>(
  prefix: P,
  labels: T,
): { readonly [K in keyof T & string as `${P}${K}`]: string } {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}${k}`, v])) as { [K in keyof T & string as `${P}${K}`]: string };
}
