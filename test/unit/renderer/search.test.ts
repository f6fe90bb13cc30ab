import { describe, expect, it } from 'vitest';
import { capitalisedSuggestion, MAX_QUERY, prepareQuery } from '../../../renderer/lib/search';

describe('prepareQuery', () => {
  it('trims and refuses an empty or too long search', () => {
    expect(prepareQuery('  Müller ')).toEqual({ ok: true, query: 'Müller', extracted: false });
    expect(prepareQuery('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(prepareQuery('x'.repeat(MAX_QUERY + 1))).toEqual({ ok: false, reason: 'tooLong' });
  });

  it('keeps email addresses and keys as typed', () => {
    expect(prepareQuery('familie.mueller@example.com')).toEqual({ ok: true, query: 'familie.mueller@example.com', extracted: false });
    expect(prepareQuery('@Qy2Fk3-abc_DEF')).toEqual({ ok: true, query: '@Qy2Fk3-abc_DEF', extracted: false });
  });

  it('takes the profile key out of a pasted Campaign address', () => {
    expect(prepareQuery('https://acme.campaign.adobe.com/view/profile/@Qy2Fk3abc?tab=info')).toEqual({
      ok: true,
      query: '@Qy2Fk3abc',
      extracted: true,
    });
  });
});

describe('capitalisedSuggestion', () => {
  it('suggests the capitalised name for a search that starts with a small letter', () => {
    expect(capitalisedSuggestion('müller')).toBe('Müller');
    expect(capitalisedSuggestion('schmidt')).toBe('Schmidt');
  });

  it('has nothing to suggest for capitalised text, email addresses or text without letters', () => {
    expect(capitalisedSuggestion('Müller')).toBeNull();
    expect(capitalisedSuggestion('anna@example.com')).toBeNull();
    expect(capitalisedSuggestion('123')).toBeNull();
    expect(capitalisedSuggestion('')).toBeNull();
  });

  it('suggests only what could be the start of a name', () => {
    expect(capitalisedSuggestion('abc/../123')).toBeNull();
    expect(capitalisedSuggestion('@@@')).toBeNull();
    expect(capitalisedSuggestion('müller-lüdenscheidt')).toBe('Müller-lüdenscheidt');
    expect(capitalisedSuggestion("o'neill")).toBe("O'neill");
    expect(capitalisedSuggestion('van der berg')).toBe('Van der berg');
  });
});
