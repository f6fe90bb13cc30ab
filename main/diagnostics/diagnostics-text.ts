/**
 * "Copy diagnostics for IT": one plain text with what IT asks first (versions, OS, keychain, policy, connections,
 * recent log lines) and never a secret: connections are named field by field, and everything passes the redactor.
 */
import type { ConnectionSummary, Locale } from '../model/connection';
import type { PolicyView } from '../model/policy';

/** What IT may see of a connection: where it points, never its credentials. */
export type DiagnosticsConnection = Pick<ConnectionSummary, 'name' | 'tenant' | 'environment' | 'apiName' | 'authMode' | 'baseUrl' | 'imsUrl' | 'isDemo' | 'managed'>;

export type KeychainState = { working: true } | { working: false; reason?: string; message: string };

export interface DiagnosticsFacts {
  appVersion: string;
  /** process.versions: electron, chrome, node. */
  versions: { electron?: string; chrome?: string; node?: string };
  os: { platform: string; release: string; arch: string; version?: string };
  locale: Locale;
  /** Where the app keeps its data and logs. */
  folders: { data: string; logs: string };
  keychain: KeychainState;
  /** IT's policy in force; "none" without one. */
  policy?: PolicyView;
  /** A text instead of a list: why the list could not be read. */
  connections: readonly DiagnosticsConnection[] | string;
  logLines: readonly string[] | string;
  now: Date;
}

export const DIAGNOSTICS_LOG_LINES = 200;

function connectionLine(c: DiagnosticsConnection): string {
  const base = c.baseUrl.trim() === '' ? 'default' : c.baseUrl;
  const ims = c.authMode === 'token' ? 'not used' : c.imsUrl.trim() === '' ? 'default' : c.imsUrl;
  return `- ${c.name}${c.isDemo ? ' (Demo)' : ''}${c.managed ? ' (set up by IT)' : ''}: tenant ${c.tenant}, ${c.environment}, ${c.apiName}, sign-in ${c.authMode}, base address ${base}, token address ${ims}`;
}

function policyLines(p: PolicyView | undefined): string[] {
  if (!p || p.state === 'none') return [`Policy: none${p?.file ? ` (looked for ${p.file})` : ''}`];
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  const rules = [
    `connections locked: ${yes(p.lockConnections)}`,
    `Demo hidden: ${yes(p.hideDemo)}`,
    `production saves confirmed by typing: ${yes(p.confirmProductionSaves)}`,
    `max requests/s: ${p.maxRequestsPerSecond ?? 'app default'}`,
    `max bulk rows: ${p.maxBulkRows ?? 'app default'}`,
    `language: ${p.language ?? 'operator/OS'}`,
  ].join('; ');
  if (p.state === 'applied') return [`Policy: applied from ${p.file}`, `  ${rules}`];
  return [`Policy: BROKEN, the safest reading applies (${p.file})`, ...(p.problem?.details ?? '').split('\n').map((l) => `  ${l}`), `  in force: ${rules}`];
}

function keychainLine(k: KeychainState): string {
  return k.working ? 'working' : `NOT working (${k.reason ?? 'other'}): ${k.message}`;
}

export function diagnosticsText(f: DiagnosticsFacts, redact: (text: string) => string): string {
  const v = f.versions;
  const connections = typeof f.connections === 'string' ? [`(could not be read: ${f.connections})`] : f.connections.length === 0 ? ['(none)'] : f.connections.map(connectionLine);
  const logs = typeof f.logLines === 'string' ? [`(could not be read: ${f.logLines})`] : f.logLines.length === 0 ? ['(empty)'] : f.logLines;
  const lines = [
    'Profile Desk — diagnostics for IT (contains no passwords, client secrets or tokens)',
    `Created: ${f.now.toISOString()}`,
    '',
    `Profile Desk ${f.appVersion}`,
    `Electron ${v.electron ?? '-'}, Chromium ${v.chrome ?? '-'}, Node ${v.node ?? '-'}`,
    `OS: ${f.os.platform} ${f.os.release} ${f.os.arch}${f.os.version ? ` (${f.os.version})` : ''}`,
    `Language: ${f.locale}`,
    `Data folder: ${f.folders.data}`,
    `Log folder: ${f.folders.logs}`,
    `Keychain: ${keychainLine(f.keychain)}`,
    ...policyLines(f.policy),
    '',
    'Connections:',
    ...connections,
    '',
    `Last ${DIAGNOSTICS_LOG_LINES} log lines:`,
    ...logs.slice(-DIAGNOSTICS_LOG_LINES),
  ];
  return redact(lines.join('\n'));
}
