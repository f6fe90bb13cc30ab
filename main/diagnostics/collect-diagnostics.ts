/** Gathers the facts for diagnosticsText from the running app; a source that fails is named, not fatal. */
import { DeskError } from '../errors/desk-error';
import { DIAGNOSTICS_LOG_LINES, diagnosticsText, type DiagnosticsConnection, type DiagnosticsFacts, type KeychainState } from './diagnostics-text';

export interface DiagnosticsSources {
  facts: Omit<DiagnosticsFacts, 'keychain' | 'connections' | 'logLines' | 'now'>;
  /** The keychain probe: resolves when the keychain works, throws a DeskError (kind keychain) when not. */
  checkKeychain(): Promise<unknown>;
  connections(): Promise<readonly DiagnosticsConnection[]>;
  logTail(count: number): Promise<string[]>;
  /** The app's redactor: every secret read from the keychain so far, and credential-shaped text. */
  redact(text: string): string;
  now?: () => Date;
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function keychainState(check: () => Promise<unknown>): Promise<KeychainState> {
  try {
    await check();
    return { working: true };
  } catch (e) {
    return e instanceof DeskError ? { working: false, reason: e.info.code, message: e.info.message } : { working: false, message: why(e) };
  }
}

export async function collectDiagnostics(s: DiagnosticsSources): Promise<string> {
  const [keychain, connections, logLines] = await Promise.all([
    keychainState(s.checkKeychain),
    s.connections().catch(why),
    s.logTail(DIAGNOSTICS_LOG_LINES).catch(why),
  ]);
  return diagnosticsText({ ...s.facts, keychain, connections, logLines, now: (s.now ?? (() => new Date()))() }, s.redact);
}
