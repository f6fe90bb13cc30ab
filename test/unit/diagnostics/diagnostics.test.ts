// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, type DiagnosticsSources } from '../../../main/diagnostics/collect-diagnostics';
import { diagnosticsText, type DiagnosticsConnection } from '../../../main/diagnostics/diagnostics-text';
import { deskError } from '../../../main/errors/desk-error';
import { createLogger, createRedactor } from '../../../main/logging/logger';
import type { ConnectionSummary } from '../../../main/model/connection';

const SECRET = 'CS-9f8e7d6c5b4a-TOPSECRET';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.TOKEN-abcdef';

/** A connection as main lists it, with secrets where a careless report would find them. */
const production = {
  id: 'c1',
  name: 'Marketing Produktion',
  tenant: 'acme-mkt-prod1',
  environment: 'production',
  apiName: 'profileAndServicesExt',
  baseUrl: '',
  authMode: 'oauth',
  imsUrl: 'https://ims-eu.example/ims/token/v3',
  scopes: 'openid,AdobeID',
  isDemo: false,
  secrets: { apiKey: { set: true, last4: SECRET.slice(-4) }, clientSecret: { set: true, last4: SECRET.slice(-4) }, accessToken: { set: false } },
  clientSecret: SECRET,
  accessToken: TOKEN,
} as unknown as ConnectionSummary;

function sources(over: Partial<DiagnosticsSources> = {}): DiagnosticsSources {
  const redactor = createRedactor();
  redactor.add(SECRET);
  // A line written before the secret was known to the redactor of that run: the report redacts again.
  const lines: string[] = [];
  createLogger((l) => lines.push(l), createRedactor(), () => new Date('2026-03-01T10:00:00Z')).error('ims refused', { body: `client_secret=${SECRET}`, raw: `secret was ${SECRET}` });
  createLogger((l) => lines.push(l), createRedactor()).info('call', { header: `Authorization: Bearer ${TOKEN}` });
  return {
    facts: {
      appVersion: '1.4.0',
      versions: { electron: '45.5.0', chrome: '142.0.7444.0', node: '22.20.0' },
      os: { platform: 'win32', release: '10.0.26100', arch: 'x64', version: 'Windows 11 Enterprise' },
      locale: 'de',
      folders: { data: 'C:\\Users\\anna\\AppData\\Roaming\\Profile Desk', logs: 'C:\\Users\\anna\\AppData\\Roaming\\Profile Desk\\logs' },
    },
    checkKeychain: async () => undefined,
    connections: async () => [production],
    logTail: async (count) => lines.slice(-count),
    redact: redactor.redact,
    now: () => new Date('2026-03-02T08:30:00Z'),
    ...over,
  };
}

describe('diagnostics for IT', () => {
  it('says when IT\'s policy is broken, why, and what applies instead', () => {
    const facts = { ...sources().facts, keychain: { working: true } as const, connections: [], logLines: [], now: new Date(0) };
    const problem = { kind: 'policy', code: 'broken', message: 'not JSON', details: 'The policy file /etc/p.json is not valid JSON: Unexpected token' } as const;
    const policy = { state: 'broken', file: '/etc/p.json', lockConnections: true, hideDemo: false, confirmProductionSaves: true, problem } as const;
    const text = diagnosticsText({ ...facts, policy }, (t) => t);
    expect(text).toContain('Policy: BROKEN, the safest reading applies (/etc/p.json)\n  The policy file /etc/p.json is not valid JSON: Unexpected token');
    expect(text).toContain('in force: connections locked: yes;');
  });

  it('says what IT asks first', async () => {
    const text = await collectDiagnostics(sources());
    for (const expected of [
      'Profile Desk 1.4.0',
      'Electron 45.5.0, Chromium 142.0.7444.0, Node 22.20.0',
      'OS: win32 10.0.26100 x64 (Windows 11 Enterprise)',
      'Language: de',
      'Log folder: C:\\Users\\anna\\AppData\\Roaming\\Profile Desk\\logs',
      'Keychain: working',
      'Policy: none',
      '- Marketing Produktion: tenant acme-mkt-prod1, production, profileAndServicesExt, sign-in oauth, base address default, token address https://ims-eu.example/ims/token/v3',
      'Created: 2026-03-02T08:30:00.000Z',
      '"message":"ims refused"',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('never contains a secret: not from a connection, not from a log line', async () => {
    const text = await collectDiagnostics(sources());
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET.slice(-4)); // not even the last four characters the form shows
    expect(text).toContain('[redacted]');
  });

  it('names a keychain that does not work, and a source that failed', async () => {
    const text = await collectDiagnostics(
      sources({
        checkKeychain: async () => {
          throw deskError('keychain', 'OS keychain write failed (unavailable)', { code: 'unavailable', details: '…' });
        },
        connections: async () => {
          throw new Error('settings file is not valid JSON');
        },
        logTail: async () => {
          throw new Error('EACCES: permission denied');
        },
      }),
    );
    expect(text).toContain('Keychain: NOT working (unavailable): OS keychain write failed (unavailable)');
    expect(text).toContain('(could not be read: settings file is not valid JSON)');
    expect(text).toContain('(could not be read: EACCES: permission denied)');
  });

  it('prints the policy in force when there is one, and at most the last 200 log lines', () => {
    const connections: DiagnosticsConnection[] = [];
    const logLines = Array.from({ length: 250 }, (_, i) => `line ${i}`);
    const facts = { ...sources().facts, keychain: { working: true } as const, connections, logLines, now: new Date(0) };
    const policy = { state: 'applied', file: '/etc/profile-desk/policy.json', lockConnections: true, hideDemo: false, confirmProductionSaves: true, maxBulkRows: 5000 } as const;
    const text = diagnosticsText({ ...facts, policy }, (t) => t);
    expect(text).toContain('Policy: applied from /etc/profile-desk/policy.json');
    expect(text).toContain('connections locked: yes; Demo hidden: no; production saves confirmed by typing: yes; max requests/s: app default; max bulk rows: 5000; language: operator/OS');
    expect(text).toContain('(none)');
    expect(text).not.toContain('line 49\n');
    expect(text).toContain('line 50\n');
    expect(text.endsWith('line 249')).toBe(true);
  });
});
