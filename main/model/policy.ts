/** IT's machine-wide policy as both processes see it: what it sets, and whether the file could be used. */
import type { AppError } from './errors';
import type { ConnectionSettings, Locale } from './connection';

/** Why IT's policy refused something (AppError.code of kind 'policy'). */
export const PolicyRule = {
  connectionsLocked: 'connectionsLocked',
  managedConnection: 'managedConnection',
  demoHidden: 'demoHidden',
  languageFixed: 'languageFixed',
  confirmationRequired: 'confirmationRequired',
  rateLimit: 'rateLimit',
  /** The policy file itself cannot be used (unreadable, not JSON, not valid). */
  broken: 'broken',
} as const;
export type PolicyRule = (typeof PolicyRule)[keyof typeof PolicyRule];

/** A connection IT set up in the policy: its settings are IT's; its secrets go into the keychain as usual. */
export interface ManagedConnection extends ConnectionSettings {
  /** `it-` and IT's own key, so it never collides with a connection the operator added. */
  id: string;
  scopes: string;
}

export interface PolicyView {
  /** none: no policy file; applied: read and in force; broken: present but unusable, so the safest reading applies. */
  state: 'none' | 'applied' | 'broken';
  /** Where the app looks for the file (shown to IT). */
  file: string;
  /** Connections cannot be added, edited or deleted (secrets of existing ones can still be entered). */
  lockConnections: boolean;
  hideDemo: boolean;
  /** A save to a production connection needs the connection's name typed. */
  confirmProductionSaves: boolean;
  maxRequestsPerSecond?: number;
  maxBulkRows?: number;
  language?: Locale;
  /** For a broken policy: what is wrong, with details for IT. */
  problem?: AppError;
}

/** A typed confirmation matches the connection's name regardless of case and surrounding or doubled spaces. */
export function confirmsName(typed: string | undefined, name: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return typed !== undefined && norm(typed) !== '' && norm(typed) === norm(name);
}
