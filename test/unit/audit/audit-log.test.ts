// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../../../main/audit/audit-log';
import { attempt, outcome, saveIdOf } from './audit-fixtures';

let dir: string;
let file: string;
const fixedNow = () => new Date('2025-03-01T10:00:00.000Z');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-'));
  file = join(dir, 'nested', 'audit.jsonl');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('audit log', () => {
  it('reads back what it appended, one JSON object per line, with id, time and OS user added', async () => {
    const log = createAuditLog({ file, osUser: 'jmueller', now: fixedNow });
    await log.append(attempt('s1'));
    await log.append(outcome('s1', { ok: true, status: 200 }, { status: 'confirmed', fields: [{ path: 'phone', sent: '030 2', server: '030 2', match: true }] }));

    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const { entries, skippedLines } = await log.read();
    expect(skippedLines).toBe(0);
    expect(entries.map((e) => e.phase)).toEqual(['attempt', 'outcome']);
    expect(entries[0]).toMatchObject({ saveId: 's1', osUser: 'jmueller', time: '2025-03-01T10:00:00.000Z', profileName: 'Jörg Müller' });
    expect(entries[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries[0]!.id).not.toBe(entries[1]!.id);
    expect(entries[1]).toMatchObject({ patch: { ok: true, status: 200 }, verification: { status: 'confirmed' } });
  });

  it('reads an absent file as an empty history', async () => {
    expect(await createAuditLog({ file, osUser: 'u' }).read()).toEqual({ entries: [], skippedLines: 0 });
  });

  it('creates the folder 0700 and the file 0600, and tightens a file that was readable by others', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    await log.append(attempt('s1'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);

    await chmod(file, 0o644);
    await log.append(attempt('s2'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('skips and counts a torn last line; every earlier entry reads back', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    await log.append(attempt('s1'));
    await log.append(attempt('s2'));
    const whole = await readFile(file, 'utf8');
    const lastLine = whole.trimEnd().split('\n').at(-1)!;
    await appendFile(file, lastLine.slice(0, 40)); // a crash in the middle of a third write

    const { entries, skippedLines } = await log.read();
    expect(entries.map((e) => saveIdOf(e))).toEqual(['s1', 's2']);
    expect(skippedLines).toBe(1);
  });

  it('does not glue the next entry to a torn line left by a crash', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    await log.append(attempt('s1'));
    await appendFile(file, '{"id":"torn');
    await log.append(attempt('s2'));

    const { entries, skippedLines } = await log.read();
    expect(entries.map((e) => saveIdOf(e))).toEqual(['s1', 's2']);
    expect(skippedLines).toBe(1);
  });

  it('skips lines that are JSON but not an entry, and counts them', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    await log.append(attempt('s1'));
    await appendFile(file, '{"hello":"world"}\n[1,2]\nnot json\n\n');
    await log.append(attempt('s2'));
    const { entries, skippedLines } = await log.read();
    expect(entries.map((e) => saveIdOf(e))).toEqual(['s1', 's2']);
    expect(skippedLines).toBe(3);
  });

  it('refuses an entry carrying a field the schema does not name, so nothing extra reaches the file', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    const smuggled = { ...attempt('s1'), accessToken: 'eyJ-secret' };
    await expect(log.append(smuggled)).rejects.toThrow();
    await expect(log.append({ ...attempt('s1'), connection: { ...attempt('s1').connection, apiKey: 'k' } as never })).rejects.toThrow();
    expect((await log.read()).entries).toEqual([]);
  });

  it('refuses an outcome without a patch result', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    await expect(log.append({ ...attempt('s1'), phase: 'outcome' } as never)).rejects.toThrow();
  });

  it('writes no key that is named like a secret', async () => {
    const log = createAuditLog({ file, osUser: 'u' });
    await log.append(attempt('s1'));
    await log.append(outcome('s1', { ok: false, status: 401, errorKind: 'authExpired', message: 'Campaign answered HTTP 401' }));
    await log.append(outcome('s2', { ok: true, status: 200 }, { status: 'different', fields: [{ path: 'phone', sent: 'a', match: false }] }));
    const keys = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) {
        keys.add(k);
        collect(inner);
      }
    };
    for (const line of (await readFile(file, 'utf8')).trim().split('\n')) collect(JSON.parse(line));
    expect(keys.size).toBeGreaterThan(10);
    expect([...keys].filter((k) => /token|secret|api.?key|password|authori[sz]ation|bearer|credential/i.test(k))).toEqual([]);
  });

  it('keeps entries written by an older run when appending to an existing file', async () => {
    const first = createAuditLog({ file, osUser: 'a' });
    await first.append(attempt('s1'));
    await createAuditLog({ file, osUser: 'b' }).append(attempt('s2'));
    expect((await first.read()).entries.map((e) => e.osUser)).toEqual(['a', 'b']);
  });
});
