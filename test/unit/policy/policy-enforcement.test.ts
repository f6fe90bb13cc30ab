// @vitest-environment node
/**
 * IT's policy enforced by main, whatever the renderer asks: every call goes through registerHandlers (sender
 * check, zod, Result envelope) into the real desk, with a real keychain and the simulator over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../../main/app/create-desk';
import { channels, type ChannelKey } from '../../../main/ipc/channels';
import type { RequestOf, ResponseOf } from '../../../main/ipc/contract';
import { registerHandlers, type IpcEventLike } from '../../../main/ipc/register';
import { createLogger, createRedactor } from '../../../main/logging/logger';
import type { Result } from '../../../main/model/errors';
import { readPolicyFile } from '../../../main/policy/policy-file';
import { createKeychainStore } from '../../../main/secrets/keychain-store';
import { startTestSimulator, type TestSimulator } from '../../../main/simulator/test-hooks';
import { standInDialogs } from '../../support/file-dialogs';
import { germanCsv } from '../bulk/bulk-setup';
import { requirePrivateKeyring } from '../helpers/private-keyring';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

type Call = <K extends ChannelKey>(key: K, payload: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;

/** A desk under the given policy file text, called the way the preload calls it. */
async function deskUnder(policyText: (sim: TestSimulator) => string): Promise<{ call: Call; sim: TestSimulator; dir: string }> {
  requirePrivateKeyring();
  const sim = await startTestSimulator({ profileCount: 30 });
  const dir = await mkdtemp(join(tmpdir(), 'profile-desk-policy-'));
  const policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, policyText(sim), 'utf8');
  const desk = createDesk({
    userDataDir: dir,
    secrets: createKeychainStore(),
    keychainNamespace: `Profile Desk policy ${randomUUID()}/`,
    osLanguages: ['de-DE'],
    appVersion: 'policy',
    redactor: createRedactor(),
    startDemoSimulator: async () => sim,
    dialogs: standInDialogs(),
    policy: readPolicyFile(policyFile),
  });
  closers.push(async () => {
    await desk.close();
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });
  const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  registerHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, desk.handlers, {
    isTrustedUrl: (url) => url === 'app://profile-desk/index.html',
    log: createLogger(() => undefined, createRedactor()),
  });
  const event: IpcEventLike = { senderFrame: { url: 'app://profile-desk/index.html', parent: null } };
  const call = (async (key: ChannelKey, payload: unknown) => listeners.get(channels[key])!(event, payload)) as Call;
  return { call, sim, dir };
}

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}/${result.error.code}: ${result.error.message}`);
  return result.value;
};
const refusal = (result: Result<unknown>) => (result.ok ? 'allowed' : `${result.error.kind}/${result.error.code ?? ''}`);

const managed = (sim: TestSimulator, over: object = {}) => ({
  id: 'prod',
  name: 'Produktion DE',
  tenant: sim.tenant,
  environment: 'production',
  baseUrl: sim.baseUrl,
  imsUrl: sim.imsUrl,
  ...over,
});

const strict = (sim: TestSimulator) =>
  JSON.stringify({
    version: 1,
    connections: [managed(sim)],
    lockConnections: true,
    hideDemo: true,
    confirmProductionSaves: true,
    maxRequestsPerSecond: 8,
    maxBulkRows: 3,
    language: 'en',
  });

/** The settings of IT's connection as the form sends them back, with the secrets the operator enters. */
const settingsOf = (c: { name: string; tenant: string; environment: 'production' | 'stage'; apiName: 'profileAndServices' | 'profileAndServicesExt'; baseUrl: string; authMode: 'oauth' | 'token'; imsUrl: string }) => ({
  name: c.name,
  tenant: c.tenant,
  environment: c.environment,
  apiName: c.apiName,
  baseUrl: c.baseUrl,
  authMode: c.authMode,
  imsUrl: c.imsUrl,
});

describe('IT’s policy, enforced in main', () => {
  it('lists IT’s connection first and locked, hides the Demo, and refuses adding, changing or deleting connections', async () => {
    const { call, sim } = await deskUnder(strict);
    const [it] = ok(await call('listConnections', undefined));
    expect(it).toMatchObject({ id: 'it-prod', name: 'Produktion DE', managed: true, environment: 'production', secrets: { apiKey: { set: false }, clientSecret: { set: false } } });
    expect(ok(await call('listConnections', undefined))).toHaveLength(1); // no Demo

    expect(refusal(await call('startDemo', undefined))).toBe('policy/demoHidden');
    const mine = { name: 'Mine', tenant: sim.tenant, environment: 'stage', apiName: 'profileAndServicesExt', baseUrl: sim.baseUrl, authMode: 'oauth', imsUrl: sim.imsUrl, apiKey: sim.apiKey, clientSecret: sim.clientSecret } as const;
    expect(refusal(await call('saveConnection', mine))).toBe('policy/connectionsLocked');
    expect(refusal(await call('saveConnection', { ...settingsOf(it!), id: it!.id, tenant: 'elsewhere' }))).toBe('policy/managedConnection');
    expect(refusal(await call('saveConnection', { ...settingsOf(it!), id: it!.id, scopes: 'openid' }))).toBe('policy/managedConnection');
    expect(refusal(await call('deleteConnection', { connectionId: it!.id }))).toBe('policy/managedConnection');

    // Its credentials are the operator's (or IT's) to enter, once, into the keychain.
    const entered = ok(await call('saveConnection', { ...settingsOf(it!), id: it!.id, apiKey: sim.apiKey, clientSecret: sim.clientSecret }));
    expect(entered).toMatchObject({ managed: true, secrets: { apiKey: { set: true }, clientSecret: { set: true } } });
    expect(ok(await call('testConnection', { connectionId: it!.id })).profilesVisible).toBe(1);
  });

  it('a production save needs the connection’s name typed; nothing is sent without it', async () => {
    const { call, sim } = await deskUnder(strict);
    const [it] = ok(await call('listConnections', undefined));
    ok(await call('saveConnection', { ...settingsOf(it!), id: it!.id, apiKey: sim.apiKey, clientSecret: sim.clientSecret }));
    const pkey = sim.pkeys()[0]!;
    const profile = ok(await call('loadProfile', { connectionId: it!.id, pkey }));
    const save = (typedConfirmation?: string) =>
      call('saveProfile', { connectionId: it!.id, pkey, changes: { phone: '030 111' }, base: { values: { phone: profile.values.phone ?? null } }, ...(typedConfirmation !== undefined ? { typedConfirmation } : {}) });

    expect(refusal(await save())).toBe('policy/confirmationRequired');
    expect(refusal(await save('Produktion'))).toBe('policy/confirmationRequired');
    expect(refusal(await save('   '))).toBe('policy/confirmationRequired');
    expect(sim.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(ok(await save('  produktion   de '))).toMatchObject({ status: 'checked' });
    expect(sim.getProfile(pkey)!.phone).toBe('030 111');
  });

  it('fixes the language, caps the pace and the rows of a bulk change', async () => {
    const { call, sim } = await deskUnder(strict);
    const info = ok(await call('getAppInfo', undefined));
    expect(info.locale).toBe('en'); // the OS says German; IT says English
    expect(info.policy).toMatchObject({ state: 'applied', lockConnections: true, hideDemo: true, confirmProductionSaves: true, maxRequestsPerSecond: 8, maxBulkRows: 3, language: 'en' });
    expect(refusal(await call('setLocale', { locale: 'de' }))).toBe('policy/languageFixed');

    expect(ok(await call('bulkSettings', undefined))).toMatchObject({ maxRequestsPerSecond: 8, maxRows: 3 });
    expect(refusal(await call('setBulkRate', { requestsPerSecond: 9 }))).toBe('policy/rateLimit');
    expect(ok(await call('setBulkRate', { requestsPerSecond: 8 })).requestsPerSecond).toBe(8);

    const [it] = ok(await call('listConnections', undefined));
    ok(await call('saveConnection', { ...settingsOf(it!), id: it!.id, apiKey: sim.apiKey, clientSecret: sim.clientSecret }));
    const rows = [['PKey', 'Telefon'], ...['@a', '@b', '@c', '@d'].map((k) => [k, '030 1'])];
    const opened = await call('openDroppedFile', { connectionId: it!.id, name: 'vier.csv', bytes: germanCsv(rows) });
    expect(opened.ok ? 'opened' : `${opened.error.kind}/${opened.error.code}/${opened.error.params?.maxRows}`).toBe('badFile/tooManyRows/3');
  });

  it('a broken policy file: its connections unused, connections locked, production saves confirmed, and the reason reported', async () => {
    const { call, sim } = await deskUnder((s) => `${JSON.stringify({ version: 1, connections: [managed(s)], hideDemo: true, lockConnection: true })}`);
    const info = ok(await call('getAppInfo', undefined));
    expect(info.policy).toMatchObject({ state: 'broken', lockConnections: true, confirmProductionSaves: true, hideDemo: false });
    expect(info.policy.problem!.details).toContain('Unrecognized key: "lockConnection"');
    expect(info.locale).toBe('de');
    expect(ok(await call('listConnections', undefined))).toEqual([]);
    const mine = { name: 'Mine', tenant: sim.tenant, environment: 'stage', apiName: 'profileAndServicesExt', baseUrl: sim.baseUrl, authMode: 'oauth', imsUrl: sim.imsUrl } as const;
    expect(refusal(await call('saveConnection', mine))).toBe('policy/connectionsLocked');
    // The Demo is harmless (nothing leaves the computer), so the safest reading keeps it.
    expect(ok(await call('startDemo', undefined)).isDemo).toBe(true);
  });

  it('an empty file is a broken policy; a policy that sets nothing locks nothing', async () => {
    const { call, sim } = await deskUnder(() => '');
    // Only a missing file means "no policy" (policy-file.test.ts).
    expect(ok(await call('getAppInfo', undefined)).policy.state).toBe('broken');
    const { call: free } = await deskUnder(() => JSON.stringify({ version: 1 }));
    expect(ok(await free('getAppInfo', undefined)).policy).toMatchObject({ state: 'applied', lockConnections: false });
    const mine = { name: 'Mine', tenant: sim.tenant, environment: 'stage', apiName: 'profileAndServicesExt', baseUrl: sim.baseUrl, authMode: 'oauth', imsUrl: sim.imsUrl, apiKey: 'k', clientSecret: 's' } as const;
    const saved = ok(await free('saveConnection', mine));
    ok(await free('deleteConnection', { connectionId: saved.id }));
  });
});
