// @vitest-environment node
/** The three-step workflow (GET, PATCH only what changed, GET and compare) against the simulator over real HTTP. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttemptEntry } from '../../../main/audit/audit-entry';
import { createAuditLog } from '../../../main/audit/audit-log';
import { createDraftStore } from '../../../main/drafts/draft-store';
import { createCampaignClient } from '../../../main/campaign/client';
import { createAxiosHttp } from '../../../main/http/axios-http';
import { createProfileService, type ProfileServiceDeps } from '../../../main/profiles/profile-service';
import { DeskError } from '../../../main/errors/desk-error';
import { startTestSimulator, type TestSimulator, type SimulatorOptions } from '../../../main/simulator/test-hooks';

let sim: TestSimulator | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A service over a fresh simulator; `audit` replaces the real audit log (to make it fail). */
async function setup(options: SimulatorOptions = {}, auditOverride?: ProfileServiceDeps['audit']) {
  const s = await startTestSimulator(options);
  sim = s;
  const client = createCampaignClient({
    http: createAxiosHttp(),
    baseUrl: s.baseUrl,
    apiName: 'profileAndServicesExt',
    connectionName: 'Test',
    auth: { current: async () => ({ apiKey: s.apiKey, accessToken: s.accessToken }) },
  });
  const dir = await mkdtemp(join(tmpdir(), 'profile-desk-audit-'));
  dirs.push(dir);
  const audit = createAuditLog({ file: join(dir, 'changes.jsonl'), osUser: 'operator1' });
  const drafts = createDraftStore(join(dir, 'drafts'));
  const service = createProfileService({
    clientFor: async () => client,
    audit: auditOverride ?? audit,
    drafts,
    describeConnection: async (id) => ({ id, name: 'Stage', environment: 'stage', tenant: s.tenant }),
  });
  return { sim: s, service, pkey: s.pkeys()[0]!, audit, drafts };
}

/** The base an operator's edit starts from: the profile as loaded now. */
function baseOf(sim: TestSimulator, pkey: string, paths: string[]) {
  const p = sim.getProfile(pkey)!;
  const at = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], p);
  return { values: Object.fromEntries(paths.map((path) => [path, (at(path) ?? null) as string | null])), lastModified: String(p.lastModified) };
}

const calls = (s: TestSimulator, method: string, part: string) => s.requests.filter((r) => r.method === method && r.path.includes(part)).length;

describe('profile service', () => {
  it('loads a profile with fields from Campaign’s metadata, custom fields included', async () => {
    const { service, pkey } = await setup();
    const p = await service.load('c1', pkey);
    expect(p.pkey).toBe(pkey);
    const paths = p.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['firstName', 'email', 'location.city', 'blackListEmail', 'cusLoyaltyTier']));
    expect(p.fields.find((f) => f.path === 'age')?.readOnly).toBe(true);
    expect(p.fields.find((f) => f.path === 'gender')).toMatchObject({ type: 'enum', values: ['unknown', 'male', 'female'] });
    expect(p.fields.find((f) => f.path === 'email')?.type).toBe('email');
    expect(p.values['location.city']).toBeTypeOf('string');
  });

  it('fetches the metadata once per connection, not once per profile', async () => {
    const { service, sim } = await setup();
    const [a, b] = sim.pkeys();
    await service.load('c1', a!);
    await service.load('c1', b!);
    expect(calls(sim, 'GET', 'resourceType')).toBe(1);
  });

  it('saves with one PATCH of only the changed fields, then verifies with a GET', async () => {
    const { service, sim, pkey } = await setup();
    sim.clearRequests();
    const outcome = await service.save({ connectionId: 'c1', pkey, changes: { phone: '+49 30 901820', 'location.city': 'Nürnberg' }, base: baseOf(sim, pkey, ['phone', 'location.city']) });
    const patches = sim.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.body).toEqual({ phone: '+49 30 901820', location: { city: 'Nürnberg' } });
    expect(sim.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PATCH', 'GET']); // metadata, re-read, write, verify
    expect(outcome).toMatchObject({ status: 'checked', report: { allConfirmed: true } });
    if (outcome.status === 'checked') {
      expect(outcome.report.fields).toEqual([
        { path: 'phone', sent: '+49 30 901820', server: '+49 30 901820', match: true },
        { path: 'location.city', sent: 'Nürnberg', server: 'Nürnberg', match: true },
      ]);
      expect(outcome.report.profile.values.phone).toBe('+49 30 901820');
    }
  });

  it('reports a value Campaign normalised as different, never as confirmed', async () => {
    const { service, sim, pkey } = await setup();
    sim.setNormalizer('phone', (v) => String(v).replace(/\s+/g, ''));
    const outcome = await service.save({ connectionId: 'c1', pkey, changes: { phone: '030 1234 567', firstName: 'Jürgen' }, base: baseOf(sim, pkey, ['phone', 'firstName']) });
    expect(outcome.status).toBe('checked');
    if (outcome.status !== 'checked') return;
    expect(outcome.report.allConfirmed).toBe(false);
    expect(outcome.report.fields[0]).toEqual({ path: 'phone', sent: '030 1234 567', server: '0301234567', match: false });
    expect(outcome.report.fields[1]?.match).toBe(true);
  });

  it('says "saved, not verified" when the verifying GET fails, without claiming anything', async () => {
    const { service, sim, pkey } = await setup({ latencyMs: 50 });
    const saving = service.save({ connectionId: 'c1', pkey, changes: { phone: '0221 555' }, base: baseOf(sim, pkey, ['phone']) });
    // Fail only the GET that follows the PATCH: arm the fault once the PATCH has reached the server.
    await expect.poll(() => sim.requests.some((r) => r.method === 'PATCH')).toBe(true);
    sim.injectFault({ kind: 'status', status: 503, method: 'GET', times: 3 }); // every retry fails too
    const outcome = await saving;
    expect(outcome).toMatchObject({ status: 'notChecked', sent: { phone: '0221 555' }, verifyError: { kind: 'serverError', status: 503 } });
    expect(sim.getProfile(pkey)!.phone).toBe('0221 555'); // the change did land
  });

  it('refuses a second save of the same profile while one runs', async () => {
    const { service, sim, pkey } = await setup({ latencyMs: 100 });
    const base = baseOf(sim, pkey, ['phone']);
    const first = service.save({ connectionId: 'c1', pkey, changes: { phone: '1' }, base: base });
    const second = service.save({ connectionId: 'c1', pkey, changes: { phone: '2' }, base: base });
    await expect(second).rejects.toSatisfy((e) => e instanceof DeskError && e.info.kind === 'busy');
    await expect(first).resolves.toMatchObject({ status: 'checked' });
  });

  it('lets a refused value through as invalidValue and changes nothing', async () => {
    const { service, sim, pkey } = await setup();
    const before = sim.getProfile(pkey);
    await expect(service.save({ connectionId: 'c1', pkey, changes: { gender: 'divers' }, base: baseOf(sim, pkey, ['gender']) })).rejects.toSatisfy(
      (e) => e instanceof DeskError && e.info.kind === 'invalidValue' && /divers/.test(e.info.serverMessage ?? ''),
    );
    expect(sim.getProfile(pkey)).toEqual(before);
  });

  it('records who changed what: an attempt before the PATCH and the verified outcome after', async () => {
    const { service, sim, pkey, audit } = await setup();
    const oldPhone = sim.getProfile(pkey)!.phone;
    await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 4711' }, base: baseOf(sim, pkey, ['phone']) });
    const { entries } = await audit.read();
    expect(entries.map((e) => e.phase)).toEqual(['attempt', 'outcome']);
    expect(entries[0]).toMatchObject({
      osUser: 'operator1',
      connection: { id: 'c1', name: 'Stage', environment: 'stage' },
      pkey,
      changes: [{ path: 'phone', old: oldPhone, new: '0911 4711' }],
    });
    expect(entries[1]).toMatchObject({ saveId: (entries[0] as AttemptEntry).saveId, patch: { ok: true }, verification: { status: 'confirmed' } });
  });

  it('records a refused PATCH as failed, and a save whose check failed as not verified', async () => {
    const { service, sim, pkey, audit } = await setup();
    await service.save({ connectionId: 'c1', pkey, changes: { gender: 'divers' }, base: baseOf(sim, pkey, ['gender']) }).catch(() => undefined);
    sim.setNormalizer('phone', (v) => String(v).replace(/\s/g, ''));
    await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 1' }, base: baseOf(sim, pkey, ['phone']) });
    const outcomes = (await audit.read()).entries.filter((e) => e.phase === 'outcome');
    expect(outcomes[0]).toMatchObject({ patch: { ok: false, status: 500, errorKind: 'invalidValue' } });
    expect(outcomes[1]).toMatchObject({ patch: { ok: true }, verification: { status: 'different' } });
  });

  it('writes nothing to Campaign when the audit attempt cannot be recorded', async () => {
    const { service, sim: s } = await setup({}, { append: async () => Promise.reject(new Error('disk full')) });
    const pkey = s.pkeys()[0]!;
    await expect(service.save({ connectionId: 'c1', pkey, changes: { phone: '1' }, base: baseOf(s, pkey, ['phone']) })).rejects.toThrow('disk full');
    expect(s.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('stops before writing when an edited field changed on the server since it was loaded', async () => {
    const { service, sim, pkey } = await setup();
    const base = baseOf(sim, pkey, ['phone']);
    sim.changeProfile(pkey, { phone: '0911 222' }); // someone else
    sim.clearRequests();
    const outcome = await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 333' }, base: base });
    expect(outcome).toMatchObject({
      status: 'conflict',
      changedElsewhere: true,
      conflicts: [{ path: 'phone', loaded: base.values.phone, server: '0911 222', mine: '0911 333' }],
    });
    if (outcome.status === 'conflict') expect(outcome.profile.values.phone).toBe('0911 222');
    expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(sim.getProfile(pkey)!.phone).toBe('0911 222');
  });

  it('stops when another field changed meanwhile, and saves once the operator has seen it', async () => {
    const { service, sim, pkey } = await setup();
    const base = baseOf(sim, pkey, ['phone']);
    sim.changeProfile(pkey, { firstName: 'Ännchen' });
    const first = await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 333' }, base: base });
    expect(first).toMatchObject({ status: 'conflict', changedElsewhere: true, conflicts: [] });
    const again = await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 333' }, base: baseOf(sim, pkey, ['phone']) });
    expect(again).toMatchObject({ status: 'checked', report: { allConfirmed: true } });
    expect(sim.getProfile(pkey)).toMatchObject({ phone: '0911 333', firstName: 'Ännchen' });
  });

  it('keeps the edits as a draft until Campaign has them: kept after a conflict or a failure, gone after a save', async () => {
    const { service, sim, pkey, drafts } = await setup();
    const draftOf = async () => (await drafts.list()).find((d) => d.pkey === pkey);
    const base = baseOf(sim, pkey, ['phone']);
    sim.changeProfile(pkey, { phone: '0911 222' });
    await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 333' }, base, profileName: 'Anna' });
    expect(await draftOf()).toMatchObject({ profileName: 'Anna', changes: { phone: '0911 333' }, base });
    sim.injectFault({ method: 'PATCH', kind: 'status', status: 503, times: 5 });
    const fresh = baseOf(sim, pkey, ['phone']);
    await expect(service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 444' }, base: fresh, profileName: 'Anna' })).rejects.toBeInstanceOf(DeskError);
    expect(await draftOf()).toMatchObject({ changes: { phone: '0911 444' }, base: fresh });
    sim.clearFaults();
    expect(await service.save({ connectionId: 'c1', pkey, changes: { phone: '0911 444' }, base: fresh })).toMatchObject({ status: 'checked' });
    expect(await draftOf()).toBeUndefined();
  });

  it('keeps Campaign’s labels of custom enum values', async () => {
    const { service, sim } = await setup();
    const tier = (await service.load('c1', sim.pkeys()[0]!)).fields.find((f) => f.path === 'cusLoyaltyTier');
    expect(tier).toMatchObject({ type: 'enum', group: 'custom', values: expect.arrayContaining(['gold']) });
    expect(tier?.valueLabels?.gold).toEqual(expect.any(String));
  });

  it('re-checks a saved profile on request', async () => {
    const { service, sim, pkey } = await setup();
    sim.changeProfile(pkey, { phone: '089 4711' });
    expect((await service.verify({ connectionId: 'c1', pkey, sent: { phone: '089 4711' } })).allConfirmed).toBe(true);
    expect((await service.verify({ connectionId: 'c1', pkey, sent: { phone: '089 4712' } })).fields[0]).toMatchObject({ server: '089 4711', match: false });
  });
});

describe('finding profiles', () => {
  it('by email: every profile that shares the address', async () => {
    const { service, sim } = await setup();
    const email = 'familie.mueller@example.com';
    const expected = sim.pkeys().filter((p) => String(sim.getProfile(p)!.email).toLowerCase() === email);
    expect(expected.length).toBeGreaterThan(1);
    const result = await service.find('c1', ` ${email} `);
    expect(result.kind).toBe('email');
    expect(result.hits.map((h) => h.pkey).sort()).toEqual(expected.sort());
    expect(result.hits[0]).toMatchObject({ email: expect.stringMatching(/mueller/i), city: expect.any(String), lastModified: expect.any(String) });
  });

  it('by name prefix: follows next.href through every page, no duplicates, nothing missed', async () => {
    const { service, sim } = await setup();
    const expected = sim.pkeys().filter((p) => {
      const pr = sim.getProfile(p)!;
      return String(pr.lastName).startsWith('Sch') || String(pr.email).startsWith('Sch');
    });
    const first = await service.find('c1', 'Sch');
    expect(first.kind).toBe('text');
    expect(first.hits).toHaveLength(25);
    expect(first.next).toBeDefined();
    const all = [...first.hits];
    let next = first.next;
    while (next) {
      const page = await service.findMore('c1', next, 'text');
      all.push(...page.hits);
      next = page.next;
    }
    expect(all.map((h) => h.pkey).sort()).toEqual(expected.sort());
    expect(new Set(all.map((h) => h.pkey)).size).toBe(all.length);
  });

  it('by PKey: exactly that profile', async () => {
    const { service, sim } = await setup();
    const pkey = sim.pkeys()[5]!;
    expect(await service.find('c1', pkey)).toEqual({ kind: 'pkey', hits: [expect.objectContaining({ pkey })] });
  });

  it('no match is an empty list, not an error', async () => {
    const { service, sim } = await setup();
    expect((await service.find('c1', 'Zzyzx')).hits).toEqual([]);
    expect((await service.find('c1', 'nobody@nowhere.example')).hits).toEqual([]);
    expect((await service.find('c1', `${sim.pkeys()[0]!.slice(0, -4)}AAAA`)).hits).toEqual([]);
  });

  it('refuses to follow a link outside the connection', async () => {
    const { service } = await setup();
    await expect(service.findMore('c1', 'https://elsewhere.example/profile?_lineStart=@x', 'text')).rejects.toSatisfy(
      (e) => e instanceof DeskError && e.info.kind === 'unexpectedAnswer',
    );
  });
});
