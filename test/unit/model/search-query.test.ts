import { describe, expect, it } from 'vitest';
import { classifyQuery, isIncompleteProfileKey } from '../../../main/model/search-query';

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

describe('isIncompleteProfileKey', () => {
  it.each([
    ['@@@', true],
    ['@abc', true],
    [' @Zk2nR1b0c2VyLX ', true],
    ['@Zk2nR1b0c2VyLXByb2ZpbGUtMDAwMDAx', false],
    ['anna@example.de', false],
    ['Müller', false],
  ])('%s → %s', (query, expected) => {
    expect(isIncompleteProfileKey(query)).toBe(expected);
  });
});
