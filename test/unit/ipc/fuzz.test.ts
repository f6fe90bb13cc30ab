// @vitest-environment node
/**
 * IPC fuzzing: well over 1,000 malformed payloads across every channel, sent to the REAL handlers
 * (createDesk) through registerHandlers. Each must be refused with a validation error before any handler
 * runs, and the main side must keep serving afterwards.
 */
import { standInDialogs } from '../../support/file-dialogs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../../main/app/create-desk';
import { channels, contract, type ChannelKey } from '../../../main/ipc/contract';
import { registerHandlers, type IpcEventLike } from '../../../main/ipc/register';
import { createLogger, createRedactor } from '../../../main/logging/logger';
import { createKeychainStore } from '../../../main/secrets/keychain-store';
import { requirePrivateKeyring } from '../helpers/private-keyring';

const ID = '7b0c5a4e-1f2d-4c3b-9a8e-6d5f4e3c2b1a';

/** A valid payload per channel; malformed ones are derived from these by mutations that each break the schema. */
const valid: Record<ChannelKey, unknown> = {
  getAppInfo: undefined,
  checkKeychain: undefined,
  setLocale: { locale: 'de' },
  listConnections: undefined,
  saveConnection: { name: 'X', tenant: 'acme', environment: 'stage', apiName: 'profileAndServices', baseUrl: '', authMode: 'oauth', imsUrl: '' },
  deleteConnection: { connectionId: 'c1' },
  startDemo: undefined,
  testConnection: { connectionId: 'c1' },
  findProfiles: { connectionId: 'c1', query: 'Müller' },
  findMoreProfiles: { connectionId: 'c1', next: 'https://mc.adobe.io/acme/campaign/profileAndServices/profile?_lineStart=@x', kind: 'text' },
  loadProfile: { connectionId: 'c1', pkey: '@abc' },
  saveProfile: { connectionId: 'c1', pkey: '@abc', changes: { phone: '1' }, base: { values: { phone: '0' } } },
  verifyProfile: { connectionId: 'c1', pkey: '@abc', sent: { phone: '1' } },
  listHistory: { pkey: '@abc', outcome: 'failed' },
  exportHistory: { filter: { connectionId: 'c1' }, labels: { columns: { time: 't', osUser: 'u', connection: 'c', environment: 'e', pkey: 'k', profileName: 'n', field: 'f', oldValue: 'o', newValue: 'v', outcome: 'r' }, environments: { production: 'P', stage: 'S' }, outcomes: { confirmed: 'c', different: 'd', notVerified: 'n', failed: 'f', unknown: 'u' } } },
  listDrafts: undefined,
  saveDraft: { connectionId: 'c1', pkey: '@abc', profileName: 'A', changes: { phone: '1' }, base: { values: { phone: '0' } } },
  discardDraft: { connectionId: 'c1', pkey: '@abc' },
  bulkSettings: undefined,
  setBulkRate: { requestsPerSecond: 5 },
  chooseBulkFile: { connectionId: 'c1' },
  openDroppedFile: { connectionId: 'c1', name: 'umzug.csv', bytes: new Uint8Array([0x61, 0x3b, 0x62]) },
  chooseSheet: { connectionId: 'c1', fileId: ID, sheet: 'Tabelle1' },
  startPreview: { connectionId: 'c1', fileId: ID, mapping: { identity: { by: 'pkey', column: 0 }, columns: [{ column: 1, field: 'phone', clearWhenEmpty: false }] } },
  previewStatus: { previewId: ID },
  previewRows: { id: ID, filter: { kind: 'problem' }, offset: 0, limit: 100 },
  cancelPreview: { previewId: ID },
  saveProblemRows: { previewId: ID },
  startRun: { previewId: ID, confirmCount: 3 },
  runStatus: { runId: ID },
  runRows: { id: ID, filter: { kind: 'outcome', outcome: 'failed' }, offset: 0, limit: 100 },
  pauseRun: { runId: ID },
  resumeRun: { runId: ID },
  stopRun: { runId: ID },
  saveResults: { runId: ID, scope: 'failed' },
  unfinishedRuns: undefined,
  continueRun: { runId: ID },
  undoRun: { runId: ID },
};

// A small seeded generator, so a failure names a payload that can be reproduced.
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
// Values no field of the contract accepts: wrong types, and a string longer than any field allows.
const junk: unknown[] = [null, 42, -1, 1.5, NaN, Infinity, true, false, [], [1, 2], ['a'], {}, { a: 1 }, 'x'.repeat(20_000)];
// Field-value maps (changes, sent) take objects: these are the objects they refuse.
const badMaps: unknown[] = [null, 42, 'str', [], { 'a.b.c': '1' }, { '../x': '1' }, { phone: { x: 1 } }, { '': 'x' }, { phone: 'x'.repeat(20_000) }, { phone: [1] }];
// Counts and positions (offsets, limits, rates) take whole numbers: these are the numbers they refuse.
const badCounts: unknown[] = [null, -1, 1.5, NaN, Infinity, 'x', '3', true, [], {}];
const junkFor = (key: string) =>
  ['changes', 'sent', 'base', 'filter', 'labels'].includes(key) ? badMaps : ['offset', 'limit', 'confirmCount', 'requestsPerSecond'].includes(key) ? badCounts : junk;

/** optional(k): whether the contract lets key k be left out (then leaving it out is not malformed). */
function mutations(base: unknown, rand: () => number, optional: (key: string) => boolean): unknown[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (base === undefined) return [...junk, 'str', '', ' '];
  const obj = base as Record<string, unknown>;
  const out: unknown[] = [undefined, null, 'string', 7, [], [obj]];
  for (const key of Object.keys(obj)) {
    const { [key]: _dropped, ...without } = obj;
    if (!optional(key)) out.push(without); // a required key missing
    for (const j of junkFor(key)) out.push({ ...obj, [key]: j }); // a wrong type or an impossible value in every field
  }
  for (let i = 0; i < 40; i++) out.push({ ...obj, [`extra${Math.floor(rand() * 1e6)}`]: pick(junk) }); // unknown keys
  for (let i = 0; i < 50; i++) {
    // two fields broken at once
    const [a, b] = [pick(Object.keys(obj)), pick(Object.keys(obj))];
    out.push({ ...obj, [a]: pick(junkFor(a)), [b]: pick(junkFor(b)) });
  }
  out.push(JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(obj).slice(1)}`));
  return out;
}

describe('IPC fuzzing against the real handlers', () => {
  const listeners = new Map<string, (e: IpcEventLike, ...a: unknown[]) => Promise<unknown>>();
  let dir = '';
  const ran: string[] = [];

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses every malformed payload with a validation error and keeps serving', async () => {
    requirePrivateKeyring();
    dir = await mkdtemp(join(tmpdir(), 'profile-desk-fuzz-'));
    const desk = createDesk({
      userDataDir: dir,
      secrets: createKeychainStore(),
      keychainNamespace: `Profile Desk fuzz ${randomUUID()}/`,
      osLanguages: ['de-DE'],
      appVersion: 'fuzz',
      redactor: createRedactor(),
      dialogs: standInDialogs(),
    });
    const counting = Object.fromEntries(
      Object.entries(desk.handlers).map(([k, fn]) => [k, (req: unknown) => (ran.push(k), (fn as (r: unknown) => unknown)(req))]),
    ) as typeof desk.handlers;
    registerHandlers({ handle: (ch, l) => void listeners.set(ch, l) }, counting, {
      isTrustedUrl: (u) => u.startsWith('app://profile-desk/'),
      log: createLogger(() => undefined, createRedactor()),
    });
    const event: IpcEventLike = { senderFrame: { url: 'app://profile-desk/index.html', parent: null } };
    const rand = rng(20261129);

    let sent = 0;
    for (const key of Object.keys(contract) as ChannelKey[]) {
      const listener = listeners.get(channels[key])!;
      const shape = (contract[key].request as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
      for (const payload of mutations(valid[key], rand, (k) => shape?.[k]?.safeParse(undefined).success ?? false)) {
        const answer = (await listener(event, payload)) as { ok: boolean; error?: { kind: string } };
        expect(answer, `${key} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toMatchObject({ ok: false, error: { kind: 'invalidRequest' } });
        sent++;
      }
      // Two arguments where the contract has one is refused too.
      expect(await listener(event, valid[key], valid[key])).toMatchObject({ ok: false });
      sent++;
    }
    console.log(`ipc fuzz: ${sent} malformed payloads over ${Object.keys(contract).length} channels, all refused`);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(ran).toEqual([]); // no handler ever saw a malformed payload
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await listeners.get(channels.getAppInfo)!(event)).toMatchObject({ ok: true, value: { locale: 'de' } });
    await desk.close();
  });
});
