import { describe, expect, it } from 'vitest';
import { de } from '../../../renderer/lib/i18n/de';
import { en } from '../../../renderer/lib/i18n/en';
import { interpolate, placeholders } from '../../../renderer/lib/i18n/translate';

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
