/**
 * npm run bench:bulk — prints figures and ratios, asserts nothing about speed:
 * 1. pacing efficiency: a 1,000-row run against a simulator limited to 20 requests/s with 50 ms latency;
 *    requests per second achieved vs. the limit, and calls per row in the dry run and in the run;
 * 2. own cost: reading, mapping, converting and validating a 100,000-row German CSV vs. csv-parse alone;
 * 3. flat memory: main's RSS after a 10,000-row and a 100,000-row dry run against a simulator (in its own
 *    process) seeded with 100,000 profiles.
 * The simulator runs as `npm run sim` in a child process, so the figures are main's alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { createDesk } from '../../main/app/create-desk';
import { createAxiosHttp } from '../../main/http/axios-http';
import type { HttpClient } from '../../main/http/http-client';
import { suggestMapping } from '../../main/bulk/column-match';
import { makeRowPlanner } from '../../main/bulk/row-plan';
import { fieldsFromMetadata } from '../../main/campaign/field-catalog';
import { createRedactor } from '../../main/logging/logger';
import { createKeychainStore } from '../../main/secrets/keychain-store';
import { readTable } from '../../main/spreadsheets/read-table';
import { profileMetadata } from '../../main/simulator/metadata';
import { standInDialogs } from '../support/file-dialogs';

// Run by scripts/bench-bulk.mjs from the repository's root.
const root = process.cwd();
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Sim {
  baseUrl: string;
  imsUrl: string;
  tenant: string;
  apiKey: string;
  clientSecret: string;
  accessToken: string;
  stop(): void;
}

/** `npm run sim` in its own process; its first line says where it is. */
function startSim(env: Record<string, string>): Promise<Sim> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = spawn(process.execPath, [join(root, 'scripts/sim.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (chunk: string) => {
      text += chunk;
      const line = text.split('\n')[0];
      if (line && text.includes('\n') && !text.startsWith('done')) {
        text = 'done';
        resolve({ ...JSON.parse(line), stop: () => proc.kill() });
      }
    });
    proc.on('error', reject);
  });
}

/** Every request the app sends, counted on its way out (retries and 429s included). */
function countingHttp() {
  const inner = createAxiosHttp();
  const calls = { total: 0, byStatus: new Map<number, number>() };
  const http: HttpClient = {
    async send(request) {
      calls.total++;
      const response = await inner.send(request);
      calls.byStatus.set(response.status, (calls.byStatus.get(response.status) ?? 0) + 1);
      return response;
    },
  };
  return { http, calls };
}

async function desk(sim: Sim, maxRps: number, http?: HttpClient) {
  const dir = await mkdtemp(join(tmpdir(), 'bulk-bench-'));
  const { handlers, close } = createDesk({
    ...(http ? { http } : {}),
    userDataDir: dir,
    secrets: createKeychainStore(),
    keychainNamespace: `Profile Desk bench ${randomUUID()}/`,
    osLanguages: ['de-DE'],
    appVersion: 'bench',
    redactor: createRedactor(),
    dialogs: standInDialogs(),
    bulkLimits: { maxRequestsPerSecond: maxRps },
  });
  const connection = await handlers.saveConnection({
    name: 'Bench', tenant: sim.tenant, environment: 'stage', apiName: 'profileAndServicesExt',
    baseUrl: sim.baseUrl, authMode: 'oauth', imsUrl: sim.imsUrl, apiKey: sim.apiKey, clientSecret: sim.clientSecret,
  });
  return { h: handlers, connectionId: connection.id, done: async () => { await close(); await rm(dir, { recursive: true, force: true }); } };
}

/** The simulator's profiles (key and phone), page by page: the bench does not touch its insides, it is another process. */
async function profiles(sim: Sim, count: number): Promise<Array<{ PKey: string; phone: string }>> {
  const out: Array<{ PKey: string; phone: string }> = [];
  let url: string | undefined = `${sim.baseUrl}/profileAndServices/profile?_lineCount=1000`;
  while (url && out.length < count) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${sim.accessToken}`, 'X-Api-Key': sim.apiKey } });
    const page = (await res.json()) as { content: Array<{ PKey: string; phone: string }>; next?: { href: string } };
    out.push(...page.content);
    url = page.next?.href;
  }
  return out.slice(0, count);
}
const pkeys = async (sim: Sim, count: number) => (await profiles(sim, count)).map((p) => p.PKey);

function germanCsv(rows: string[][]): Buffer {
  return iconv.encode(`${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'win1252');
}

async function untilDone<T extends { state: string }>(read: () => Promise<T>, ended: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await read();
    if (ended(v)) return v;
    await wait(50);
  }
}

async function pacing(): Promise<void> {
  const LIMIT = 20;
  const ROWS = 1000;
  const UNCHANGED = 100;
  const sim = await startSim({ SIM_RATE_LIMIT: `${LIMIT}/1`, SIM_LATENCY_MS: '50', SIM_PROFILES: String(ROWS + UNCHANGED + 10) });
  const { http, calls } = countingHttp();
  const { h, connectionId, done } = await desk(sim, LIMIT, http);
  await h.setBulkRate({ requestsPerSecond: LIMIT });
  const all = await profiles(sim, ROWS + UNCHANGED);
  // 1,000 rows that change a phone, and 100 that already hold what the file says.
  const csv = germanCsv([
    ['Profilschlüssel', 'Telefon'],
    ...all.slice(0, ROWS).map((p, i) => [p.PKey, `+49 30 ${800000 + i}`]),
    ...all.slice(ROWS).map((p) => [p.PKey, p.phone]),
  ]);
  const opened = await h.openDroppedFile({ connectionId, name: 'bench.csv', bytes: new Uint8Array(csv) });
  const started = Date.now();
  const beforePreview = calls.total;
  const p = await h.startPreview({ connectionId, fileId: opened.file.fileId, mapping: opened.suggestion.mapping });
  const preview = await untilDone(() => h.previewStatus({ previewId: p.previewId }), (s) => s.state !== 'running');
  const previewSeconds = (Date.now() - started) / 1000;
  const previewCalls = calls.total - beforePreview;
  const beforeRun = calls.total;
  const runStarted = Date.now();
  const r = await h.startRun({ previewId: preview.previewId });
  const run = await untilDone(() => h.runStatus({ runId: r.runId }), (s) => ['finished', 'stopped', 'failed'].includes(s.state));
  const runSeconds = (Date.now() - runStarted) / 1000;
  const runCalls = calls.total - beforeRun;
  console.log(`\n1. pacing: ${ROWS} rows that change and ${UNCHANGED} already right, simulator limited to ${LIMIT} requests/s, 50 ms latency`);
  console.log(`   dry run: ${previewCalls} calls (${(previewCalls / (ROWS + UNCHANGED)).toFixed(3)} per row, the token request included) in ${previewSeconds.toFixed(1)} s = ${(previewCalls / previewSeconds).toFixed(1)} req/s (${((previewCalls / previewSeconds / LIMIT) * 100).toFixed(1)} % of the limit)`);
  console.log(`   run:     ${runCalls} calls (${(runCalls / ROWS).toFixed(2)} per changed row) in ${runSeconds.toFixed(1)} s = ${(runCalls / runSeconds).toFixed(1)} req/s (${((runCalls / runSeconds / LIMIT) * 100).toFixed(1)} % of the limit)`);
  console.log(`   answers by status: ${JSON.stringify(Object.fromEntries(calls.byStatus))}; outcomes ${JSON.stringify(run.counts.byOutcome)}; pace at the end ${run.rate.current}/${run.rate.target} req/s`);
  console.log(`   calls per row: dry run 1; run ${(runCalls / ROWS).toFixed(2)} per changed row and 0 per unchanged row (${UNCHANGED} rows cost their dry-run read only: 1 each)`);
  await done();
  sim.stop();
}

async function ownCost(): Promise<void> {
  const ROWS = 100_000;
  const style = { enumShape: 'labelled' as const, sizedNumberTypes: false, timestampsAsStrings: false, enumsWithoutValues: [] };
  const fields = fieldsFromMetadata(profileMetadata('profileAndServicesExt', 'http://x', style) as never);
  const header = ['E-Mail', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'Geburtsdatum', 'Kein Newsletter', 'Geschlecht', 'Kundennummer'];
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `kunde${i}@example.de`, i % 2 ? 'Jürgen' : 'Zoë', 'Müller-Lüdenscheidt', `Hauptstraße ${i % 300}`, i % 10 ? String(10000 + (i % 89999)) : '1067', 'Köln',
    `${(i % 28) + 1}.${(i % 12) + 1}.19${50 + (i % 50)}`, i % 3 ? 'ja' : 'nein', i % 2 ? 'Männlich' : 'Weiblich', `K-${i}`,
  ]);
  const bytes = germanCsv([header, ...rows]);
  const time = async (fn: () => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b)[2]!;
  };
  const alone = await time(() => parse(iconv.decode(bytes, 'win1252'), { delimiter: ';' }));
  const ours = await time(async () => {
    const table = await readTable({ name: 'x.csv', bytes }, { maxRows: 200_000, maxBytes: 50 * 1024 * 1024 });
    const { mapping } = suggestMapping(table.headers, fields);
    const plan = makeRowPlanner(mapping, fields);
    for (const row of table.rows) plan(row.cells);
  });
  console.log(`\n2. own cost: ${ROWS} rows of a German CSV (${mb(bytes.length)}, Windows-1252, ';'), medians of 5`);
  console.log(`   csv-parse alone (decode + parse):                    ${alone.toFixed(0)} ms`);
  console.log(`   Profile Desk (read, map, convert and validate):      ${ours.toFixed(0)} ms`);
  console.log(`   ratio: ${(ours / alone).toFixed(2)}× (target: at most 3×)`);
}

async function memory(): Promise<void> {
  const sim = await startSim({ SIM_PROFILES: '100000' });
  const { h, connectionId, done } = await desk(sim, 5000);
  await h.setBulkRate({ requestsPerSecond: 5000 });
  const keys = await pkeys(sim, 100_000);
  const rss: string[] = [];
  let previous = 0;
  for (const count of [10_000, 100_000]) {
    const csv = germanCsv([['Profilschlüssel', 'Telefon', 'Ort'], ...keys.slice(0, count).map((k, i) => [k, `0${i}`, 'Köln'])]);
    const opened = await h.openDroppedFile({ connectionId, name: `m${count}.csv`, bytes: new Uint8Array(csv) });
    const started = Date.now();
    const p = await h.startPreview({ connectionId, fileId: opened.file.fileId, mapping: opened.suggestion.mapping });
    const preview = await untilDone(() => h.previewStatus({ previewId: p.previewId }), (s) => s.state !== 'running');
    (globalThis as { gc?: () => void }).gc?.();
    const now = process.memoryUsage().rss;
    rss.push(`${count} rows: ${mb(now)} (dry run ${((Date.now() - started) / 1000).toFixed(0)} s, ${preview.counts.change} changes)`);
    if (count === 100_000) console.log(`\n3. flat memory: main's RSS after a dry run of\n   ${rss.join('\n   ')}\n   growth from 10,000 to 100,000 rows: ${mb(now - previous)} (target: at most 64 MB)`);
    previous = now;
  }
  await done();
  sim.stop();
}

void (async () => {
  const only = process.argv[2];
  if (!only || only === 'cost') await ownCost();
  if (!only || only === 'memory') await memory();
  if (!only || only === 'pacing') await pacing();
  process.exit(0);
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
