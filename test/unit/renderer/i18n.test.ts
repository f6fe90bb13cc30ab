import { describe, expect, it } from 'vitest';
import { de } from '../../../renderer/lib/i18n/de';
import { en } from '../../../renderer/lib/i18n/en';
import { interpolate, placeholders, pluralForm } from '../../../renderer/lib/i18n/translate';

describe('messages', () => {
  it('de and en have exactly the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty texts', () => {
    for (const [lang, dict] of Object.entries({ en, de })) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('asks for the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('writes German with real umlauts, not ae/oe/ue spellings of common words', () => {
    const all = Object.values(de).join('\n');
    expect(all).toContain('Änderungen prüfen');
    expect(all).not.toMatch(/\b(Aenderung|pruefen|loeschen|zurueck|fuer)\w*/i);
  });

  it('uses the formal Sie-form in German', () => {
    const all = Object.values(de).join('\n');
    expect(all).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
  });

  it('translates the key screen words as agreed', () => {
    expect(de['review.save']).toBe('In Campaign speichern');
    expect(de['result.confirmed']).toContain('Bestätigt');
    expect(de['result.different']).toBe('Abweichend');
    expect(de['field.blackListEmail']).toBe('Keine E-Mails');
    expect(en['field.blackListEmail']).toBe('No emails');
  });
});

describe('interpolate', () => {
  it('fills {name} placeholders', () => {
    expect(interpolate('{count} of {max} characters', { count: 3, max: 30 })).toBe('3 of 30 characters');
  });

  it('leaves unknown placeholders visible and text without params untouched', () => {
    expect(interpolate('Hello {who}', { other: 1 })).toBe('Hello {who}');
    expect(interpolate('Plain {text}')).toBe('Plain {text}');
  });

  it('never expands braces inside a parameter value (Campaign messages are shown verbatim)', () => {
    expect(interpolate('Campaign says: “{serverMessage}”', { serverMessage: 'bad {count}', count: 1 })).toBe(
      'Campaign says: “bad {count}”',
    );
  });

  it('fills the same placeholder twice', () => {
    expect(interpolate('{a}-{a}', { a: 'x' })).toBe('x-x');
  });
});

describe('counted phrases', () => {
  const bases = (dict: Record<string, string>) =>
    Object.keys(dict)
      .filter((k) => k.endsWith('.one'))
      .map((k) => k.slice(0, -'.one'.length));

  it('have a one and an other form in both languages', () => {
    expect(bases(en).length).toBeGreaterThanOrEqual(8);
    for (const base of bases(en)) {
      for (const dict of [en, de] as Record<string, string>[]) {
        expect(dict[`${base}.one`], `${base}.one`).toBeTruthy();
        expect(dict[`${base}.other`], `${base}.other`).toBeTruthy();
      }
    }
  });

  it('choose the form the language uses for the count', () => {
    expect(['de', 'en'].flatMap((l) => [0, 1, 2, 21].map((n) => `${l}:${n}=${pluralForm(l, n)}`))).toEqual([
      'de:0=other', 'de:1=one', 'de:2=other', 'de:21=other',
      'en:0=other', 'en:1=one', 'en:2=other', 'en:21=other',
    ]);
    expect(interpolate(de[`result.differ.${pluralForm('de', 1)}`], { count: 1, changes: interpolate(de[`result.changeCount.${pluralForm('de', 1)}`], { count: 1 }) })).toBe(
      '1 von 1 Änderung weicht ab',
    );
    expect(interpolate(en[`result.differ.${pluralForm('en', 2)}`], { count: 2, changes: interpolate(en[`result.changeCount.${pluralForm('en', 3)}`], { count: 3 }) })).toBe(
      '2 of 3 changes differ',
    );
  });

  it('no screen counts with a bare "1 … / {count} …s" pair any more', () => {
    expect(Object.keys(en).filter((k) => /(One|Many)$/.test(k))).toEqual([]);
  });
});
