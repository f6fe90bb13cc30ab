import { describe, expect, it } from 'vitest';
import type { TestSimulator } from '../../../main/simulator/test-hooks';
import { call, useSimulator } from './sim-helpers';

/** Follows next.href from `url` until it is absent; returns every page. */
async function allPages(sim: TestSimulator, url: string): Promise<any[]> {
  const pages = [];
  for (let next: string | undefined = url; next; ) {
    const { status, json } = await call(sim, 'GET', next);
    expect(status).toBe(200);
    pages.push(json);
    next = json.next?.href;
  }
  return pages;
}

describe('profile lists', () => {
  const t = useSimulator();
  const list = (suffix = '') => `${t.sim.baseUrl}/profileAndServices/profile${suffix}`;

  it('answers content, count.href, next.href and serverSidePagination, 25 per page by default', async () => {
    const { json } = await call(t.sim, 'GET', list());
    expect(json.content).toHaveLength(25);
    expect(json.serverSidePagination).toBe(true);
    expect(json.count.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*\/profile\/_count/);
    expect(json.next.href).toMatch(/[?&]_lineStart=@[A-Za-z0-9_-]+/);
  });

  it('walks all profiles by following next.href until it is absent', async () => {
    const pages = await allPages(t.sim, list('?_lineCount=7'));
    expect(pages.map((p) => p.content.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    expect(pages.at(-1).next).toBeUndefined();
    expect(pages.flatMap((p) => p.content.map((c: { PKey: string }) => c.PKey))).toEqual(t.sim.pkeys());
  });

  it('answers {"count": N} at count.href', async () => {
    const { json } = await call(t.sim, 'GET', list('?_lineCount=5'));
    expect((await call(t.sim, 'GET', json.count.href)).json).toEqual({ count: 60 });
  });

  it('finds every profile sharing an email with byEmail, ignoring case', async () => {
    const { json } = await call(t.sim, 'GET', list('/byEmail?email=FAMILIE.mueller%40example.com'));
    expect(json.content.map((p: { firstName: string }) => p.firstName)).toEqual(['Jürgen', 'Sabine', 'Lukas']);
    expect(json.next).toBeUndefined();
    expect((await call(t.sim, 'GET', json.count.href)).json).toEqual({ count: 3 });
  });

  it('matches exactly with byEmail, not by prefix', async () => {
    const { json } = await call(t.sim, 'GET', list('/byEmail?email=familie.mueller%40example.co'));
    expect(json.content).toEqual([]);
  });

  it('matches byText as a case-sensitive prefix of last name or email', async () => {
    const upper = await allPages(t.sim, list('/byText?text=Sch'));
    const lower = await allPages(t.sim, list('/byText?text=sch'));
    const upperHits = upper.flatMap((p) => p.content);
    const lowerHits = lower.flatMap((p) => p.content);
    expect(upperHits.length).toBeGreaterThan(0);
    expect(upperHits.every((p: { lastName: string }) => p.lastName.startsWith('Sch'))).toBe(true);
    expect(lowerHits.length).toBeGreaterThan(0);
    expect(lowerHits.every((p: { email: string }) => p.email.startsWith('sch'))).toBe(true);
  });

  it('needs two pages of 25 for byText=Sch, and keeps the filter in next.href', async () => {
    const pages = await allPages(t.sim, list('/byText?text=Sch&_lineCount=25'));
    expect(pages).toHaveLength(2);
    expect(pages[0].next.href).toContain('text=Sch');
    const total = pages.reduce((n, p) => n + p.content.length, 0);
    expect((await call(t.sim, 'GET', pages[0].count.href)).json).toEqual({ count: total });
  });

  it('sorts by lastName, ascending and with %20desc, across pages', async () => {
    const names = async (order: string) =>
      (await allPages(t.sim, list(`?_order=${order}&_lineCount=20`))).flatMap((p) => p.content.map((c: { lastName: string }) => c.lastName));
    const collator = new Intl.Collator('de');
    const asc = await names('lastName');
    expect(asc).toEqual([...asc].sort(collator.compare));
    expect(asc).not.toEqual(t.sim.pkeys().map((k) => (t.sim.getProfile(k) as { lastName: string }).lastName));
    expect(await names('lastName%20desc')).toEqual([...asc].sort((a, b) => collator.compare(b, a)));
  });

  it('sorts by email and firstName too', async () => {
    const { json } = await call(t.sim, 'GET', list('/byEmail?email=familie.mueller%40example.com&_order=firstName'));
    expect(json.content.map((p: { firstName: string }) => p.firstName)).toEqual(['Jürgen', 'Lukas', 'Sabine']);
    expect((await call(t.sim, 'GET', list('?_order=email'))).status).toBe(200);
  });

  it('refuses to sort by a field that is not sortable with 500', async () => {
    const { status, json } = await call(t.sim, 'GET', list('?_order=birthDate'));
    expect(status).toBe(500);
    expect(json.code).toBe(500);
  });

  it('refuses a cursor it did not make, and a bad _lineCount, with 500', async () => {
    expect((await call(t.sim, 'GET', list('?_lineStart=@bogus'))).status).toBe(500);
    expect((await call(t.sim, 'GET', list('?_lineCount=0'))).status).toBe(500);
  });

  it('lists the cus* fields only under profileAndServicesExt', async () => {
    const plain = (await call(t.sim, 'GET', list('?_lineCount=1'))).json.content[0];
    const ext = (await call(t.sim, 'GET', `${t.sim.baseUrl}/profileAndServicesExt/profile?_lineCount=1`)).json.content[0];
    expect(plain).not.toHaveProperty('cusLoyaltyTier');
    expect(ext).toHaveProperty('cusLoyaltyTier', 'gold');
  });
});
