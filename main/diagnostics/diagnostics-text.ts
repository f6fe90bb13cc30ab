/**
 * "Copy diagnostics for IT": one plain text with what IT asks first (versions, OS, keychain, policy, connections,
 * recent log lines) and never a secret: connections are named field by field, and everything passes the redactor.
 */
import type { ConnectionSummary, Locale } from '../model/connection';

/** What IT may see of a connection: where it points, never its credentials. */
export type DiagnosticsConnection = Pick<ConnectionSummary, 'name' | 'tenant' | 'environment' | 'apiName' | 'authMode' | 'baseUrl' | 'imsUrl' | 'isDemo'>;

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
  /** IT's policy in force; printed as given, "none" without one. */
  policy?: unknown;
  /** A text instead of a list: why the list could not be read. */
  connections: readonly DiagnosticsConnection[] | string;
  logLines: readonly string[] | string;
  now: Date;
}

export const DIAGNOSTICS_LOG_LINES = 200;

function connectionLine(c: DiagnosticsConnection): string {
  const base = c.baseUrl.trim() === '' ? 'default' : c.baseUrl;
  const ims = c.authMode === 'token' ? 'not used' : c.imsUrl.trim() === '' ? 'default' : c.imsUrl;
  return `- ${c.name}${c.isDemo ? ' (Demo)' : ''}: tenant ${c.tenant}, ${c.environment}, ${c.apiName}, sign-in ${c.authMode}, base address ${base}, token address ${ims}`;
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
    `Policy: ${f.policy === undefined ? 'none' : JSON.stringify(f.policy, null, 2)}`,
    '',
    'Connections:',
    ...connections,
    '',
    `Last ${DIAGNOSTICS_LOG_LINES} log lines:`,
    ...logs.slice(-DIAGNOSTICS_LOG_LINES),
  ];
  return redact(lines.join('\n'));
}
