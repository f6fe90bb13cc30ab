import { describe, expect, it } from 'vitest';
import { classifyQuery } from '../../../main/profiles/search-query';

describe('classifyQuery', () => {
  it.each([
    ['@Zk2nR1b0c2VyLXByb2ZpbGUtMDAwMDAx', 'pkey'],
    ['  anna.schmidt@example.de ', 'email'],
    ['Müller', 'text'],
    ['anna.schmidt@', 'text'],
    ['@short', 'text'],
  ])('%s is a %s search', (query, kind) => {
    expect(classifyQuery(query).kind).toBe(kind);
  });
  it('trims what it searches for', () => {
    expect(classifyQuery('  Sch ').value).toBe('Sch');
  });
});
