// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPolicyFile } from '../../../main/policy/policy-file';
import { policyFileFor } from '../../../main/policy/policy-location';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profile-desk-policy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function policyWith(text: string): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, text, 'utf8');
  return file;
}
const read = async (content: unknown) => readPolicyFile(await policyWith(typeof content === 'string' ? content : JSON.stringify(content)));

const everyKey = {
  version: 1,
  connections: [
    { id: 'prod-de', name: 'Produktion DE', tenant: 'acme-prod', environment: 'production', apiName: 'profileAndServices', baseUrl: 'https://mc.adobe.io/acme-prod/campaign', authMode: 'oauth', imsUrl: 'https://ims-na1.adobelogin.com/ims/token/v3', scopes: 'openid,AdobeID' },
    { id: 'stage', name: 'Stage', tenant: 'acme-stage', environment: 'stage' },
  ],
  lockConnections: true,
  hideDemo: true,
  confirmProductionSaves: true,
  maxRequestsPerSecond: 8,
  maxBulkRows: 5000,
  language: 'en',
};

describe('the policy file', () => {
  it('applies every key', async () => {
    const reading = await read(everyKey);
    expect(reading.view).toMatchObject({
      state: 'applied',
      lockConnections: true,
      hideDemo: true,
      confirmProductionSaves: true,
      maxRequestsPerSecond: 8,
      maxBulkRows: 5000,
      language: 'en',
    });
    expect(reading.view.problem).toBeUndefined();
    expect(reading.connections).toEqual([
      { id: 'it-prod-de', name: 'Produktion DE', tenant: 'acme-prod', environment: 'production', apiName: 'profileAndServices', baseUrl: 'https://mc.adobe.io/acme-prod/campaign', authMode: 'oauth', imsUrl: 'https://ims-na1.adobelogin.com/ims/token/v3', scopes: 'openid,AdobeID' },
      // What IT leaves out gets the app's defaults: Adobe's addresses, OAuth, the extended API, the usual scopes.
      { id: 'it-stage', name: 'Stage', tenant: 'acme-stage', environment: 'stage', apiName: 'profileAndServicesExt', baseUrl: '', authMode: 'oauth', imsUrl: '', scopes: 'openid,AdobeID,campaign_sdk,additional_info.projectedProductContext' },
    ]);
  });

  it('needs nothing but the version; without a file there is no policy', async () => {
    expect((await read({ version: 1 })).view).toMatchObject({ state: 'applied', lockConnections: false, hideDemo: false, confirmProductionSaves: false });
    const missing = readPolicyFile(join(dir, 'nothing-here.json'));
    expect(missing.view).toMatchObject({ state: 'none', file: join(dir, 'nothing-here.json'), lockConnections: false });
  });

  it('reads a file Notepad saved with a byte order mark', async () => {
    expect((await read(`\uFEFF${JSON.stringify({ version: 1, hideDemo: true })}`)).view).toMatchObject({ state: 'applied', hideDemo: true });
  });

  it('reports a file that is not JSON, and applies the safest reading', async () => {
    const reading = await read('{ "version": 1, "hideDemo": true, }');
    expect(reading.view).toMatchObject({ state: 'broken', lockConnections: true, confirmProductionSaves: true, hideDemo: false });
    expect(reading.connections).toEqual([]);
    expect(reading.view.problem).toMatchObject({ kind: 'policy', code: 'broken' });
    expect(reading.view.problem!.details).toContain('is not valid JSON');
    expect(reading.view.problem!.details).toContain('uses none of the connections in the file');
  });

  it('reports unknown keys (a typo must not quietly unlock anything) and names them for IT', async () => {
    const reading = await read({ version: 1, lockConnection: true, connections: [{ ...everyKey.connections[1], clientSecret: 'x' }] });
    expect(reading.view.state).toBe('broken');
    expect(reading.view.problem!.details).toMatch(/\(top level\): Unrecognized key: "lockConnection"/);
    expect(reading.view.problem!.details).toMatch(/connections\.0: Unrecognized key: "clientSecret"/);
    expect(reading.connections).toEqual([]);
  });

  it('reports wrong values by their place in the file', async () => {
    const reading = await read({
      version: 2,
      maxRequestsPerSecond: 0,
      maxBulkRows: 1.5,
      language: 'fr',
      connections: [{ id: 'a b', name: '', tenant: 'acme/x', environment: 'prod', baseUrl: 'ftp://x' }],
    });
    const details = reading.view.problem!.details;
    for (const place of ['- version:', '- maxRequestsPerSecond:', '- maxBulkRows:', '- language:', '- connections.0.id:', '- connections.0.name:', '- connections.0.tenant:', '- connections.0.environment:', '- connections.0.baseUrl:']) {
      expect(details).toContain(place);
    }
  });

  it('reports two connections under one id', async () => {
    const reading = await read({ version: 1, connections: [everyKey.connections[1], { ...everyKey.connections[1], name: 'Stage 2' }] });
    expect(reading.view.problem!.details).toContain('- connections.1.id: the id "stage" is used twice');
  });

  it('reports a file it may not read (any read failure but "missing")', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const reading = readPolicyFile('/etc/profile-desk/policy.json', () => {
      throw denied;
    });
    expect(reading.view).toMatchObject({ state: 'broken', file: '/etc/profile-desk/policy.json' });
    expect(reading.view.problem!.details).toContain('EACCES: permission denied');
  });
});

describe('where the policy file lives', () => {
  it('is a machine-wide place on each OS', () => {
    expect(policyFileFor('linux', {})).toBe('/etc/profile-desk/policy.json');
    expect(policyFileFor('darwin', {})).toBe('/Library/Application Support/Profile Desk/policy.json');
    expect(policyFileFor('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Profile Desk\\policy.json');
    expect(policyFileFor('win32', {})).toBe('C:\\ProgramData\\Profile Desk\\policy.json');
  });
});
