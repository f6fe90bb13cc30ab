// @vitest-environment node
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftStore } from '../../../main/drafts/draft-store';

const draft = (pkey: string, phone: string) => ({
  connectionId: 'c1',
  pkey,
  profileName: 'Jürgen Müller',
  changes: { phone },
  base: { values: { phone: '030 1' }, lastModified: '2026-11-29 10:00:00.000Z' },
});

describe('draft store', () => {
  let dir = '';
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'profile-desk-drafts-')), 'drafts');
  });
  afterEach(async () => rm(join(dir, '..'), { recursive: true, force: true }));

  it('keeps one draft per profile, the latest edit winning, and lists them newest first', async () => {
    let t = 0;
    const store = createDraftStore(dir, () => new Date(Date.UTC(2026, 10, 29, 10, 0, t++)));
    await store.save(draft('@a/with+odd=chars', '1'));
    await store.save(draft('@b', '2'));
    await store.save(draft('@a/with+odd=chars', '3'));
    const list = await store.list();
    expect(list.map((d) => [d.pkey, d.changes.phone])).toEqual([
      ['@a/with+odd=chars', '3'],
      ['@b', '2'],
    ]);
    expect((await stat(join(dir, (await readdir(dir))[0]!))).mode & 0o777).toBe(0o600);
  });

  it('survives a restart: a new store over the same folder offers the drafts back', async () => {
    await createDraftStore(dir).save(draft('@a', '1'));
    expect((await createDraftStore(dir).list())[0]).toMatchObject({ pkey: '@a', changes: { phone: '1' } });
  });

  it('discards a draft only when told, and skips a damaged file without failing', async () => {
    const store = createDraftStore(dir);
    await store.save(draft('@a', '1'));
    await store.save(draft('@b', '2'));
    await writeFile(join(dir, 'damaged.json'), '{"connectionId": "c1", "pk');
    await store.discard('c1', '@a');
    expect((await store.list()).map((d) => d.pkey)).toEqual(['@b']);
  });

  it('has no drafts before the folder exists', async () => {
    expect(await createDraftStore(join(dir, 'nope')).list()).toEqual([]);
  });
});
