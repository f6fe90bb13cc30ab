// @vitest-environment node
/**
 * The fault matrix: for each step of a save (load GET, pre-save GET, PATCH, verifying GET) and each fault
 * (timeout, reset, 502, 503, 429, 500 validation, malformed JSON, lost answer), the REAL handlers (createDesk)
 * against the simulator, checking what the operator is told, that the draft survives, that the audit trail
 * tells the truth, and that nothing is ever claimed verified that is not on the server.
 */
import { standInDialogs } from '../../support/file-dialogs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../../main/app/create-desk';
import { createAuditLog } from '../../../main/audit/audit-log';
import { DeskError } from '../../../main/errors/desk-error';
import type { SaveOutcome } from '../../../main/model/save';
import { createRedactor } from '../../../main/logging/logger';
import { createKeychainStore } from '../../../main/secrets/keychain-store';
import { startTestSimulator, type Fault, type TestSimulator } from '../../../main/simulator/test-hooks';
import { requirePrivateKeyring } from '../helpers/private-keyring';

type Step = 'load' | 'preSave' | 'patch' | 'verify';
type FaultName = 'timeout' | 'reset' | '502' | '503' | '429' | '500 validation' | 'malformed JSON' | 'lost answer';

const faults: Record<FaultName, Omit<Fault, 'method' | 'match' | 'times'>> = {
  timeout: { kind: 'timeout' },
  reset: { kind: 'reset' },
  '502': { kind: 'status', status: 502 },
  '503': { kind: 'status', status: 503 },
  '429': { kind: 'status', status: 429, headers: { 'Retry-After': '0' } },
  '500 validation': { kind: 'status', status: 500, body: { code: 500, message: "RST-360011 The value 'x' is not valid for the 'phone' field." } },
  'malformed JSON': { kind: 'malformed' },
  'lost answer': { kind: 'lostAnswer' },
};
// Two attempts per call in this matrix: a fault armed twice outlasts the retries; armed once, a retry cures it.
const ATTEMPTS = 2;
const retried = new Set<FaultName>(['timeout', 'reset', '502', '503', '429']);

const figures: string[] = [];
let current: { sim: TestSimulator; dir: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});
afterAll(() => console.log(`fault matrix:\n${figures.join('\n')}`));

async function setup() {
  requirePrivateKeyring();
  const sim = await startTestSimulator({ latencyMs: 20 });
  const dir = await mkdtemp(join(tmpdir(), 'profile-desk-faults-'));
  const desk = createDesk({
    userDataDir: dir,
    secrets: createKeychainStore(),
    keychainNamespace: `Profile Desk faults ${randomUUID()}/`,
    osLanguages: ['en'],
    appVersion: 'faults',
    redactor: createRedactor(),
    dialogs: standInDialogs(),
    osUser: 'operator1',
    startDemoSimulator: async () => sim,
    campaignTuning: { timeoutMs: 300, retry: { maxAttempts: ATTEMPTS, baseDelayMs: 5, maxDelayMs: 10 } },
  });
  current = { sim, dir, close: async () => (await desk.close(), await rm(dir, { recursive: true, force: true })) };
  const { id } = await desk.handlers.startDemo(undefined);
  const audit = createAuditLog({ file: join(dir, 'audit', 'changes.jsonl'), osUser: 'operator1' });
  return { sim, h: desk.handlers, id, audit };
}

const attempt = async <T>(p: Promise<T>): Promise<{ value?: T; error?: DeskError['info'] }> =>
  p.then(
    (value) => ({ value }),
    (e: unknown) => {
      if (!(e instanceof DeskError)) throw e;
      return { error: e.info };
    },
  );

describe('fault matrix', () => {
  for (const step of ['load', 'preSave', 'patch', 'verify'] as Step[]) {
    for (const name of Object.keys(faults) as FaultName[]) {
      it(`${step} × ${name}`, async () => {
        const { sim, h, id, audit } = await setup();
        const pkey = sim.pkeys()[0]!;
        const before = sim.getProfile(pkey)!;
        const newPhone = `0911 ${Math.floor(Math.random() * 1e6)}`;
        // Times the fault outlasts every retry, except "lost answer", whose single loss a retry must cure.
        const times = name === 'lost answer' ? 1 : ATTEMPTS;
        const arm = (method: string) => sim.injectFault({ ...faults[name], method, match: '/profile/@', times });

        if (step === 'load') arm('GET');
        const loaded = await attempt(h.loadProfile({ connectionId: id, pkey }));
        if (step === 'load') {
          const cured = name === 'lost answer';
          expect(Boolean(loaded.value), 'load result').toBe(cured);
          if (!cured) expect(loaded.error!.details).not.toContain(sim.accessToken);
          figures.push(`${step} × ${name}: ${loaded.error?.kind ?? 'loaded'}`);
          return;
        }
        const profile = loaded.value!;
        const base = { values: { phone: profile.values.phone ?? null }, lastModified: String(profile.values.lastModified) };
        await h.saveDraft({ connectionId: id, pkey, profileName: profile.displayName, changes: { phone: newPhone }, base });

        if (step === 'preSave') arm('GET');
        if (step === 'patch') arm('PATCH');
        if (step === 'verify') {
          sim.setLatency(150);
          void (async () => {
            await expect.poll(() => sim.requests.some((r) => r.method === 'PATCH'), { interval: 5, timeout: 5000 }).toBe(true);
            arm('GET');
          })();
        }
        const saved = await attempt<SaveOutcome>(h.saveProfile({ connectionId: id, pkey, changes: { phone: newPhone }, base }));
        sim.setLatency(20);

        const onServer = sim.getProfile(pkey)!.phone;
        const entries = (await audit.read()).entries;
        const outcome = entries.find((e) => e.phase === 'outcome');
        const drafts = (await h.listDrafts(undefined)).filter((d) => d.pkey === pkey);
        const seen = saved.error ? `error ${saved.error.kind}` : saved.value!.status;
        figures.push(`${step} × ${name}: ${seen}; on server: ${onServer === newPhone ? 'new' : 'old'}; audit: ${entries.map((e) => e.phase).join('+') || 'none'}${outcome?.phase === 'outcome' ? ` (${outcome.patch.ok ? outcome.verification?.status : 'failed'})` : ''}; draft: ${drafts.length ? 'kept' : 'gone'}`);

        // Never a false "verified": a checked report only confirms what the server really holds.
        if (saved.value?.status === 'checked') {
          for (const f of saved.value.report.fields) if (f.match) expect(sim.getProfile(pkey)!.phone).toBe(f.sent);
        }
        // Nothing saved ⇒ the edits are still drafted; the server is untouched unless a PATCH went through.
        if (saved.error) {
          expect(drafts.map((d) => d.changes.phone)).toEqual([newPhone]);
          expect(saved.error.details).not.toContain(sim.accessToken);
        } else {
          expect(drafts).toEqual([]);
          expect(onServer).toBe(newPhone);
        }
        // The audit trail tells the truth.
        if (step === 'preSave' && saved.error) expect(entries).toEqual([]); // nothing was attempted
        if (entries.length > 0) expect(entries[0]).toMatchObject({ phase: 'attempt', changes: [{ path: 'phone', old: before.phone, new: newPhone }] });
        if (saved.error && step === 'patch' && outcome?.phase === 'outcome') expect(outcome.patch.ok).toBe(false);
        if (saved.value?.status === 'notChecked') expect(outcome).toMatchObject({ patch: { ok: true }, verification: { status: 'notVerified' } });
        if (saved.value?.status === 'checked') {
          expect(outcome).toMatchObject({ patch: { ok: true }, verification: { status: saved.value.report.allConfirmed ? 'confirmed' : 'different' } });
        }

        // What each cell must end in.
        if (name === 'lost answer') {
          expect(saved.value?.status).toBe('checked'); // the lost answer is cured by repeating: same fields, same result
          return;
        }
        if (step === 'verify') {
          expect(saved.value?.status).toBe('notChecked'); // saved, not verified: never claimed
          expect(onServer).toBe(newPhone);
          return;
        }
        expect(saved.error?.kind).toBe(
          name === '500 validation' ? 'invalidValue' : name === 'malformed JSON' ? 'unexpectedAnswer' : name === '429' ? 'rateLimited' : name === 'timeout' ? 'timeout' : name === 'reset' ? 'network' : 'serverError',
        );
        if (retried.has(name)) expect(saved.error!.details).toContain(`Attempts: ${ATTEMPTS}`);
        if (step === 'preSave' || name !== 'malformed JSON') expect(onServer).toBe(before.phone);
      });
    }
  }
});
