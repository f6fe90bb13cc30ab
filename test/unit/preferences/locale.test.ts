import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../../main/preferences/locale';

describe('resolveLocale', () => {
  it('follows the OS language', () => {
    expect(resolveLocale(undefined, ['en-GB', 'de-DE'])).toBe('en');
    expect(resolveLocale(undefined, ['de-AT'])).toBe('de');
  });
  it('takes the first OS language it speaks', () => {
    expect(resolveLocale(undefined, ['fr-FR', 'en-US'])).toBe('en');
  });
  it('falls back to German, the operators’ first language', () => {
    expect(resolveLocale(undefined, ['fr-FR'])).toBe('de');
  });
  it('lets the operator’s own choice win', () => {
    expect(resolveLocale('en', ['de-DE'])).toBe('en');
  });
});
