// @vitest-environment node
/**
 * The audit log under real crashes: a child process appends in a tight loop and is SIGKILLed at a random
 * moment, again and again, into the same file (as an app restarted after a crash would). A kill tears a
 * line only rarely (the kernel may stop a many-page write part-way); a power cut does it more easily, so every
 * few runs the test also leaves a torn line itself, and the next run must append past it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { AttemptEntry } from '../../../main/audit/audit-entry';
import { createAuditLog } from '../../../main/audit/audit-log';
import { crashEntry, saveIdOf } from './audit-fixtures';

const ITERATIONS = 40;
let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-crash-'));
  child = join(dir, 'child.cjs');
  await build({
    entryPoints: [join(__dirname, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: child,
    logLevel: 'warning',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the child until it has acknowledged at least one entry, then kills it a random few ms later. */
function runAndKill(file: string, run: string): Promise<number> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, file, run], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = 0;
    let buffered = '';
    let killScheduled = false;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      acked += lines.length;
      if (!killScheduled) {
        killScheduled = true;
        setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * 25));
      }
    });
    proc.on('error', fail);
    proc.on('close', (_code, signal) => (signal === 'SIGKILL' ? done(acked) : fail(new Error(`child ended without being killed (${signal})`))));
  });
}

interface LaneFigures {
  entries: number;
  killTorn: number;
  powerCutTorn: number;
}

/** One file, many kills in a row; the checks run after every kill. */
async function lane(file: string, name: string, iterations: number): Promise<LaneFigures> {
  const log = createAuditLog({ file, osUser: 'reader' });
  const expected: string[] = [];
  const figures: LaneFigures = { entries: 0, killTorn: 0, powerCutTorn: 0 };
  let skippedBefore = 0;

  for (let n = 0; n < iterations; n++) {
    const run = `${name}r${n}`;
    const acked = await runAndKill(file, run);
    // read() must never throw, whatever the kill left behind.
    const { entries, skippedLines } = await log.read();
    const mine = entries.filter((e) => e.phase === 'attempt' && e.saveId.startsWith(`${run}-`)) as AttemptEntry[];

    // Every acknowledged entry is there, plus at most the one that was in flight; in order, none twice.
    expect(mine.length === acked || mine.length === acked + 1).toBe(true);
    expect(mine.map((e) => e.saveId)).toEqual(mine.map((_, i) => `${run}-${i}`));
    mine.forEach((e, i) => {
      const want = crashEntry(run, i);
      expect({ profileName: e.profileName, changes: e.changes }).toEqual({ profileName: want.profileName, changes: want.changes });
    });
    expected.push(...mine.map((e) => e.saveId));
    // Nothing from earlier runs is lost, torn lines before included; a kill tears at most one line.
    expect(entries.map((e) => saveIdOf(e))).toEqual(expected);
    expect(skippedLines - skippedBefore).toBeLessThanOrEqual(1);
    figures.killTorn += skippedLines - skippedBefore;
    skippedBefore = skippedLines;

    if (n % 4 === 3) {
      const line = JSON.stringify({ ...crashEntry(`${run}cut`, 2), id: 'x' });
      await appendFile(file, line.slice(0, 1 + Math.floor(Math.random() * (line.length - 2))));
      figures.powerCutTorn++;
      skippedBefore++;
    }
  }
  figures.entries = expected.length;
  return figures;
}

describe('audit log crash safety', () => {
  it('keeps every acknowledged entry intact across repeated SIGKILLs', async () => {
    const started = Date.now();
    // Two files side by side: starting Node dominates the time, and this halves it where there are cores.
    const lanes = await Promise.all(['a', 'b'].map((name) => lane(join(dir, name, 'audit.jsonl'), name, ITERATIONS / 2)));
    const sum = (k: keyof LaneFigures) => lanes.reduce((total, f) => total + f[k], 0);

    console.log(
      `audit crash safety: ${ITERATIONS} SIGKILLed runs, ${sum('entries')} entries read back intact, ` +
        `torn lines seen: ${sum('killTorn')} from kills, ${sum('powerCutTorn')} from simulated power cuts ` +
        `(all skipped, never fatal), ${Date.now() - started} ms`,
    );
    expect(sum('entries')).toBeGreaterThanOrEqual(ITERATIONS);
  }, 60_000);
});
