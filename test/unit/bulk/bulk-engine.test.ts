// @vitest-environment node
/**
 * Bulk changes end to end through the real handlers against the simulator over HTTP: the dry run's counts and
 * calls, the run's calls per row, pacing and 429s, a token that expires mid-run, an outage, a profile changed
 * since the preview, ambiguous emails, duplicate rows, production's typed count, result files and undo.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { DeskError } from '../../../main/errors/desk-error';
import { bulkDesk, germanCsv, previewDone, previewFile, requests, runEnded, until, type BulkDesk } from './bulk-setup';

let desk: BulkDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const HEADER = ['Profilschlüssel', 'Telefon', 'Ort', 'Geburtsdatum'];

describe('the dry run', () => {
  it('shows every change and problem, one read per row, and writes nothing', async () => {
    desk = await bulkDesk();
    const { sim, handlers } = desk;
    const [a, b, c, d] = sim.pkeys();
    const pa = sim.getProfile(a!)!;
    const csv = germanCsv([
      HEADER,
      [a!, '030 1111', 'Görlitz', '01.02.1980'], // line 2: changes phone, city, birth date
      [b!, String(sim.getProfile(b!)!.phone), '', ''], // 3: unchanged (empty cells leave fields as they are)
      ['@Zk2nR1b0c2VyLXByb2ZpbGUtOTk5OTk5', '030 2222', '', ''], // 4: no such profile
      [c!, '030 3333', '', '31.02.2024'], // 5: no such date
      [d!, '030 4444', '', ''], // 6 and 7: the same profile twice
      [d!, '030 5555', '', ''],
      ['', '030 6666', '', ''], // 8: no key
    ]);
    sim.clearRequests();
    const preview = await previewFile(desk, 'umzug.csv', csv);

    expect(preview.state).toBe('done');
    expect(preview.counts).toMatchObject({ rows: 7, change: 1, fields: 3, unchanged: 1, problem: 5 });
    expect(preview.counts.byCause).toEqual({ notFound: 1, invalidValue: 1, duplicateProfile: 2, missingKey: 1 });
    // One read per row that names one profile (lines 2–5); duplicates and the row without a key cost none.
    expect(requests(sim, 'GET').filter((r) => r.path.includes('/profile/')).length).toBe(4);
    expect(requests(sim, 'PATCH')).toEqual([]);

    const { rows } = await handlers.previewRows({ id: preview.previewId, filter: { kind: 'change' }, offset: 0, limit: 50 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 2, pkey: a, status: 'change' });
    expect(rows[0]!.changes).toEqual([
      { path: 'phone', old: pa.phone, new: '030 1111' },
      { path: 'location.city', old: (pa.location as { city: string }).city, new: 'Görlitz' },
      { path: 'birthDate', old: pa.birthDate, new: '1980-02-01' },
    ]);
    const dup = await handlers.previewRows({ id: preview.previewId, filter: { kind: 'cause', cause: 'duplicateProfile' }, offset: 0, limit: 50 });
    expect(dup.rows.map((r) => [r.line, r.problems[0]!.lines])).toEqual([[6, [7]], [7, [6]]]);
    const bad = await handlers.previewRows({ id: preview.previewId, filter: { kind: 'cause', cause: 'invalidValue' }, offset: 0, limit: 50 });
    expect(bad.rows[0]).toMatchObject({ line: 5, problems: [{ cause: 'invalidValue', field: 'birthDate', value: '31.02.2024', detail: 'dateInvalid' }] });
  });

  it('by email: one match is the profile, several are "N profiles share this email", none is "not found"', async () => {
    desk = await bulkDesk();
    const { sim } = desk;
    const single = String(sim.getProfile(sim.pkeys()[3]!)!.email);
    const csv = germanCsv([
      ['E-Mail', 'Telefon'],
      [single, '01 1'],
      ['familie.mueller@example.com', '01 2'],
      ['niemand@example.com', '01 3'],
    ]);
    const preview = await previewFile(desk, 'mails.csv', csv);
    expect(preview.counts).toMatchObject({ change: 1, problem: 2, byCause: { ambiguousEmail: 1, notFound: 1 } });
    const { rows } = await desk.handlers.previewRows({ id: preview.previewId, filter: { kind: 'cause', cause: 'ambiguousEmail' }, offset: 0, limit: 5 });
    // Two spellings of the family address: Campaign compares emails without case.
    expect(rows[0]!.problems[0]).toMatchObject({ cause: 'ambiguousEmail', count: 3 });
  });

  it('refuses a file it cannot use with the reason and the line, and sends nothing', async () => {
    desk = await bulkDesk();
    const { handlers, sim } = desk;
    sim.clearRequests();
    const broken = new Uint8Array(Buffer.from('Profilschlüssel;Telefon\r\n@a;"030 1\r\n@b;030 2\r\n', 'utf8'));
    const error = await handlers.openDroppedFile({ connectionId: 'demo', name: 'kaputt.csv', bytes: broken }).catch((e: DeskError) => e.info);
    expect(error).toMatchObject({ kind: 'badFile', code: 'unbalancedQuotes', line: 2 });
    const header = await handlers.openDroppedFile({ connectionId: 'demo', name: 'leer.csv', bytes: germanCsv([HEADER]) }).catch((e: DeskError) => e.info);
    expect(header).toMatchObject({ kind: 'badFile', code: 'headerOnly' });
    expect(requests(sim, 'PATCH')).toEqual([]);
  });
});

describe('the run', () => {
  it('makes exactly three calls per changed row and none for unchanged rows, all confirmed, on the audit trail with its id', async () => {
    desk = await bulkDesk();
    const { sim, handlers } = desk;
    const keys = sim.pkeys().slice(0, 6);
    const csv = germanCsv([HEADER, ...keys.map((k, i) => [k, i < 4 ? `0800 ${i}` : String(sim.getProfile(k)!.phone), '', ''])]);
    const preview = await previewFile(desk, 'telefon.csv', csv);
    expect(preview.counts).toMatchObject({ change: 4, unchanged: 2 });
    sim.clearRequests();
    const started = await handlers.startRun({ previewId: preview.previewId });
    const run = await runEnded(desk, started.runId);

    expect(run).toMatchObject({ state: 'finished', counts: { total: 4, done: 4, left: 0, errors: 0, byOutcome: { confirmed: 4 } } });
    const calls = requests(sim, 'GET').length + requests(sim, 'PATCH').length;
    expect(calls).toBe(4 * 3);
    expect(keys.slice(0, 4).map((k) => sim.getProfile(k)!.phone)).toEqual(['0800 0', '0800 1', '0800 2', '0800 3']);

    const history = await handlers.listHistory({});
    expect(history.runs).toEqual([expect.objectContaining({ runId: run.runId, file: { name: 'telefon.csv', format: 'csv' }, rows: 4, state: 'finished', outcomes: { confirmed: 4 }, osUser: 'operator1' })]);
    expect(history.rows).toEqual([]); // the run's rows sit under its entry, not among single saves
    const rows = await handlers.listHistory({ runId: run.runId });
    expect(rows.rows.map((r) => r.line).sort()).toEqual([2, 3, 4, 5]);
  });

  it('skips a row whose field changed in Campaign since the preview, and never overwrites it', async () => {
    desk = await bulkDesk();
    const { sim, handlers } = desk;
    const [a, b] = sim.pkeys();
    const preview = await previewFile(desk, 'x.csv', germanCsv([HEADER, [a!, '0800 1', '', ''], [b!, '0800 2', '', '']]));
    sim.changeProfile(a!, { phone: 'von Kollegin geändert' }); // the field this row changes
    sim.changeProfile(b!, { firstName: 'Berta' }); // another field: the row still applies
    sim.clearRequests();
    const run = await runEnded(desk, (await handlers.startRun({ previewId: preview.previewId })).runId);
    expect(run.counts.byOutcome).toEqual({ changedSincePreview: 1, confirmed: 1 });
    expect(sim.getProfile(a!)!.phone).toBe('von Kollegin geändert');
    expect(sim.getProfile(b!)).toMatchObject({ phone: '0800 2', firstName: 'Berta' });
    expect(requests(sim, 'PATCH')).toHaveLength(1);
  });

  it('on production, starts only with the number of profiles typed in', async () => {
    desk = await bulkDesk();
    const { sim, handlers } = desk;
    const connections = await handlers.listConnections(undefined);
    await handlers.saveConnection({ ...connections[0]!, environment: 'production', id: 'demo' });
    const preview = await previewFile(desk, 'p.csv', germanCsv([HEADER, [sim.pkeys()[0]!, '0800 9', '', '']]));
    await expect(handlers.startRun({ previewId: preview.previewId })).rejects.toMatchObject({ info: { kind: 'invalidRequest' } });
    await expect(handlers.startRun({ previewId: preview.previewId, confirmCount: 2 })).rejects.toMatchObject({ info: { kind: 'invalidRequest' } });
    const run = await runEnded(desk, (await handlers.startRun({ previewId: preview.previewId, confirmCount: 1 })).runId);
    expect(run.counts.byOutcome).toEqual({ confirmed: 1 });
  });

  it('pauses, resumes and stops; rows not started stay unapplied', { timeout: 60_000 }, async () => {
    desk = await bulkDesk({ latencyMs: 20 });
    const { sim, handlers } = desk;
    const keys = sim.pkeys().slice(0, 40);
    const preview = await previewFile(desk, 'p.csv', germanCsv([HEADER, ...keys.map((k, i) => [k, `0900 ${i}`, '', ''])]));
    const { runId } = await handlers.startRun({ previewId: preview.previewId });
    await until(() => handlers.runStatus({ runId }), (r) => r.counts.done >= 2);
    expect((await handlers.pauseRun({ runId })).state).toBe('paused');
    // Rows under way finish; then nothing new starts while paused.
    let pausedAt = -1;
    await until(async () => (await handlers.runStatus({ runId })).counts.done, (done) => {
      const settled = done === pausedAt;
      pausedAt = done;
      return settled;
    }, 10_000, 1000);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await handlers.runStatus({ runId })).counts.done).toBe(pausedAt);
    await handlers.resumeRun({ runId });
    await until(() => handlers.runStatus({ runId }), (r) => r.counts.done > pausedAt);
    await handlers.stopRun({ runId });
    const run = await runEnded(desk, runId);
    expect(run.state).toBe('stopped');
    expect(run.counts.done).toBeLessThan(40);
    const notApplied = await handlers.runRows({ id: runId, filter: { kind: 'outcome', outcome: 'notApplied' }, offset: 0, limit: 50 });
    expect(notApplied.total).toBe(40 - run.counts.done);
    expect(keys.filter((k, i) => sim.getProfile(k)!.phone === `0900 ${i}`)).toHaveLength(run.counts.done);
  });
});

describe('a run rides out trouble', { timeout: 90_000 }, () => {
  it('429 bursts: waits Retry-After, slows down, and still applies every row once', async () => {
    desk = await bulkDesk({ rateLimit: { requests: 4, perSeconds: 1 }, retryAfterSeconds: 1 });
    const { sim, handlers } = desk;
    await handlers.setBulkRate({ requestsPerSecond: 10 });
    const keys = sim.pkeys().slice(0, 8);
    const preview = await previewFile(desk, 'r.csv', germanCsv([HEADER, ...keys.map((k, i) => [k, `0700 ${i}`, '', ''])]));
    sim.clearRequests();
    const run = await runEnded(desk, (await handlers.startRun({ previewId: preview.previewId })).runId, 60_000);
    expect(run.counts.byOutcome).toEqual({ confirmed: 8 });
    expect(sim.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(run.rate.current).toBeLessThan(10);
    const patched = requests(sim, 'PATCH').filter((r) => r.status === 200).map((r) => r.path);
    expect(new Set(patched).size).toBe(8);
    expect(patched).toHaveLength(8);
  });

  it('a token that expires mid-run is renewed without a failed row', async () => {
    desk = await bulkDesk({ latencyMs: 20 });
    const { sim, handlers } = desk;
    const keys = sim.pkeys().slice(0, 10);
    const preview = await previewFile(desk, 't.csv', germanCsv([HEADER, ...keys.map((k, i) => [k, `0600 ${i}`, '', ''])]));
    const { runId } = await handlers.startRun({ previewId: preview.previewId });
    await until(() => handlers.runStatus({ runId }), (r) => r.counts.done >= 3);
    sim.expireTokens();
    const run = await runEnded(desk, runId);
    expect(run.counts.byOutcome).toEqual({ confirmed: 10 });
    expect(sim.requests.filter((r) => r.status === 401).length).toBeGreaterThan(0);
  });

  it('a network outage makes the run wait, say so, and go on when the network is back', async () => {
    desk = await bulkDesk({}, { timeoutMs: 500, attempts: 2 });
    const { sim, handlers } = desk;
    const keys = sim.pkeys().slice(0, 6);
    const preview = await previewFile(desk, 'n.csv', germanCsv([HEADER, ...keys.map((k, i) => [k, `0500 ${i}`, '', ''])]));
    sim.injectFault({ kind: 'reset', times: 30 }); // more than the client's own retries can ride out
    const { runId } = await handlers.startRun({ previewId: preview.previewId });
    const waiting = await until(() => handlers.runStatus({ runId }), (r) => r.state === 'waitingForNetwork');
    expect(waiting.error?.kind).toBe('network');
    const run = await runEnded(desk, runId, 60_000);
    expect(run.counts.byOutcome).toEqual({ confirmed: 6 });
    expect(keys.map((k) => sim.getProfile(k)!.phone)).toEqual(keys.map((_, i) => `0500 ${i}`));
  });
});

describe('result files and undo', () => {
  it('writes every row once, in the file’s own conventions, with outcome, details and line', async () => {
    desk = await bulkDesk();
    const { sim, handlers, dialogs, dir } = desk;
    const [a, b] = sim.pkeys();
    const preview = await previewFile(desk, 'Umzüge März.csv', germanCsv([HEADER, [a!, '0400 1', 'Köln', ''], ['@Zk2nR1b0c2VyLXByb2ZpbGUtOTk5OTk5', '0400 2', '', ''], [b!, String(sim.getProfile(b!)!.phone), '', '']]));
    const { runId } = await handlers.startRun({ previewId: preview.previewId });
    await runEnded(desk, runId);
    dialogs.nextSave.push(join(dir, 'ergebnis.csv'));
    const saved = await handlers.saveResults({ runId, scope: 'all' });
    expect(saved).toEqual({ saved: true, path: join(dir, 'ergebnis.csv'), fileName: 'ergebnis.csv', folder: dir });
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'save', title: 'Ergebnisdatei speichern', suggestedName: 'Umzüge März – Ergebnis.csv' });
    const bytes = await readFile(join(dir, 'ergebnis.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines: string[][] = parse(bytes, { bom: true, delimiter: ';', record_delimiter: '\r\n' });
    expect(lines[0]).toEqual([...HEADER, 'Profilschlüssel (Profile Desk)', 'Ergebnis', 'Details', 'Zeile in der Datei']);
    expect(lines.slice(1).map((l) => [l[5], l[7]])).toEqual([
      ['Bestätigt', '2'],
      ['Nicht übernommen', '3'],
      ['Unverändert (schon wie in der Datei)', '4'],
    ]);
    expect(lines[1]![4]).toBe(`'${a}`); // a cell starting with @ would be a formula in Excel
    expect(lines[1]![6]).toMatch(/^Telefon: .* → 0400 1; Ort: .* → Köln$/);
    expect(lines[2]![6]).toBe('Kein Profil gefunden für „@Zk2nR1b0c2VyLXByb2ZpbGUtOTk5OTk5“');

    dialogs.nextSave.push(null); // "Cancel": nothing is written, and nothing claims it was
    expect(await handlers.saveResults({ runId, scope: 'failed' })).toEqual({ saved: false });

    // The rows not applied, loaded again as they are: the same key finds the same (missing) profile.
    dialogs.nextSave.push(join(dir, 'nochmal.csv'));
    await handlers.saveResults({ runId, scope: 'failed' });
    const again = await previewFile(desk, 'nochmal.csv', new Uint8Array(await readFile(join(dir, 'nochmal.csv'))));
    expect(again.counts).toMatchObject({ rows: 1, problem: 1, byCause: { notFound: 1 } });
  });

  it('undoes a whole run through its own dry run; a field changed since is a conflict, not overwritten', async () => {
    desk = await bulkDesk();
    const { sim, handlers } = desk;
    const keys = sim.pkeys().slice(0, 3);
    const before = keys.map((k) => sim.getProfile(k)!.phone);
    const preview = await previewFile(desk, 'u.csv', germanCsv([HEADER, ...keys.map((k, i) => [k, `0300 ${i}`, '', ''])]));
    const { runId } = await handlers.startRun({ previewId: preview.previewId });
    await runEnded(desk, runId);
    sim.changeProfile(keys[2]!, { phone: 'danach geändert' });

    const undo = await previewDone(desk, (await handlers.undoRun({ runId })).previewId);
    expect(undo).toMatchObject({ undoOf: runId, file: { format: 'undo' }, counts: { change: 2, problem: 1, byCause: { changedSinceRun: 1 } } });
    const undone = await runEnded(desk, (await handlers.startRun({ previewId: undo.previewId })).runId);
    expect(undone.counts.byOutcome).toEqual({ confirmed: 2 });
    expect(keys.map((k) => sim.getProfile(k)!.phone)).toEqual([before[0], before[1], 'danach geändert']);
    const history = await handlers.listHistory({});
    expect(history.runs.map((r) => r.undoOf ?? null)).toEqual([runId, null]);
  });
});
