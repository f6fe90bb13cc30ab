// @vitest-environment node
/**
 * A 500-row run under real crashes: the app's process is SIGKILLed at 10 random moments and started again
 * each time; it offers the run, continues where it stopped, and finishes. In the end every changed row was
 * applied exactly once (the simulator counts PATCHes per profile), Campaign holds exactly what the file asked
 * for, and the result file lists every row once, each with its own line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import { parse } from 'csv-parse/sync';
import { startTestSimulator, type TestSimulator } from '../../../main/simulator/test-hooks';
import { requirePrivateKeyring } from '../helpers/private-keyring';
import { germanCsv } from './bulk-setup';

const ROWS = 500;
const KILLS = 10;
let dir: string;
let child: string;
let sim: TestSimulator;

beforeAll(async () => {
  requirePrivateKeyring();
  dir = await mkdtemp(join(tmpdir(), 'bulk-crash-'));
  // Inside the project, so the child finds keytar in node_modules (the app loads it on first use, by import()).
  child = join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'profile-desk-tests', `bulk-crash-${process.pid}.cjs`);
  await build({ entryPoints: [join(__dirname, 'crash-child.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: child, logLevel: 'warning', external: ['keytar'] });
  sim = await startTestSimulator({ profileCount: 600, latencyMs: 2 });
});
afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(child, { force: true });
});

interface Life {
  killed: boolean;
  output: string[];
}

/** One life of the app: runs the child, kills it `killAfterMs` after the run started (never, if undefined). */
function life(args: string[], killAfterMs?: number): Promise<Life> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_PATH: join(__dirname, '../../../node_modules') } });
    const output: string[] = [];
    let buffered = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        output.push(line);
        if (line.startsWith('run ') && killAfterMs !== undefined) setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.on('error', fail);
    proc.on('close', (code, signal) => {
      if (signal === 'SIGKILL') done({ killed: true, output });
      else if (code === 0) done({ killed: false, output });
      else fail(new Error(`the app ended with ${code ?? signal}: ${output.slice(-3).join(' | ')}`));
    });
  });
}

describe('a bulk run survives being killed', () => {
  it(`${KILLS} SIGKILLs in a ${ROWS}-row run: every row applied exactly once, the result file lists every row once`, { timeout: 240_000 }, async () => {
    const userData = join(dir, 'user-data');
    const namespace = `Profile Desk crash ${randomUUID()}/`;
    const simFile = join(dir, 'sim.json');
    await writeFile(simFile, JSON.stringify({ tenant: sim.tenant, baseUrl: sim.baseUrl, imsUrl: sim.imsUrl, apiKey: sim.apiKey, clientSecret: sim.clientSecret }));
    const keys = sim.pkeys().slice(0, ROWS);
    const wanted = new Map(keys.map((k, i) => [k, `+49 30 ${String(700000 + i)}`]));
    const csvFile = join(dir, 'crash.csv');
    await writeFile(csvFile, germanCsv([['Profilschlüssel', 'Telefon'], ...keys.map((k) => [k, wanted.get(k)!])]));
    const resultFile = join(dir, 'ergebnis.csv');
    const args = (mode: string) => [mode, userData, namespace, simFile, csvFile, resultFile];

    const progress: number[] = [];
    const lastDone = (l: Life) => Number(l.output.filter((o) => o.startsWith('done ')).at(-1)?.slice(5) ?? 0);
    let lived = await life(args('start'), 50 + Math.floor(Math.random() * 400));
    progress.push(lastDone(lived));
    let kills = lived.killed ? 1 : 0;
    while (kills < KILLS) {
      lived = await life(args('continue'), 20 + Math.floor(Math.random() * 300));
      if (lived.output[0] === 'none') break;
      progress.push(lastDone(lived));
      if (lived.killed) kills++;
      else break; // it finished before the kill came
    }
    if (lived.killed) lived = await life(args('continue'));
    console.log(`bulk crash safety: ${kills} kills, rows done as seen before each kill: ${progress.join(', ')}`);
    expect(kills).toBeGreaterThanOrEqual(KILLS - 2); // the run must have been cut into pieces

    // Exactly once: one PATCH per profile reached Campaign, never a second one.
    const patches = new Map<string, number>();
    for (const r of sim.requests) if (r.method === 'PATCH') patches.set(r.path, (patches.get(r.path) ?? 0) + 1);
    const counts = [...patches.values()];
    console.log(`bulk crash safety: ${patches.size} profiles patched, PATCHes per profile: max ${Math.max(...counts)}`);
    expect(patches.size).toBe(ROWS);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    // Campaign holds what the file asked for.
    expect(keys.filter((k) => sim.getProfile(k)!.phone !== wanted.get(k))).toEqual([]);
    // The result file: every row once, by its own line, all confirmed.
    const lines: string[][] = parse(await readFile(resultFile), { bom: true, delimiter: ';', record_delimiter: '\r\n' });
    const body = lines.slice(1);
    expect(body).toHaveLength(ROWS);
    expect(body.map((l) => Number(l.at(-1)))).toEqual(keys.map((_, i) => i + 2));
    expect(new Set(body.map((l) => l[3]))).toEqual(new Set(['Bestätigt']));
  });
});
