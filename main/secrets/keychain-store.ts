/**
 * The OS keychain behind SecretStore. This is the ONLY file that imports keytar (archived upstream),
 * so swapping the backend touches nothing else.
 */
import { deskError, type DeskError } from '../errors/desk-error';
import { KeychainReason } from '../model/errors';
import type { SecretStore } from './secret-store';

/** The part of keytar we use; injectable so the error mapping can be unit-tested. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** keytar's native module could not be loaded (Linux without libsecret-1.so.0): nothing can reach the keychain. */
class BackendUnavailable extends Error {}

/**
 * Loads the backend on first use, not when main starts: without libsecret the app still opens its window and
 * says what is missing (the keychain screen) instead of dying with "A JavaScript error occurred". A failed load
 * is tried again next time (IT may have installed the library meanwhile).
 */
export function lazyKeychainBackend(load: () => Promise<KeychainBackend> = loadKeytar): KeychainBackend {
  let loading: Promise<KeychainBackend> | undefined;
  const backend = (): Promise<KeychainBackend> =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw new BackendUnavailable(e instanceof Error ? e.message : String(e));
    }));
  return {
    getPassword: async (service, account) => (await backend()).getPassword(service, account),
    setPassword: async (service, account, password) => (await backend()).setPassword(service, account, password),
    deletePassword: async (service, account) => (await backend()).deletePassword(service, account),
  };
}

async function loadKeytar(): Promise<KeychainBackend> {
  const keytar = await import('keytar');
  return keytar.default ?? keytar;
}

// GDBus prefixes errors from any service with "GDBus.Error:org.freedesktop.DBus.Error...", so "no bus"
// matches only the ways of failing to reach a bus, never the bare word "DBus".
const reasonPatterns: [KeychainReason, RegExp][] = [
  ['noSecretService', /org\.freedesktop\.secrets was not provided|ServiceUnknown/i],
  // Linux: locked collection or a dismissed unlock prompt; macOS: cancelled / no UI allowed.
  ['locked', /locked|dismissed|cancel|interaction is not allowed/i],
  // No session bus and no X11 to autolaunch one, a dead bus socket, a malformed address, a dropped bus.
  ['noDbus', /autolaunch d-bus|dbus-launch|could not connect|address element|connection is closed/i],
];

function keychainReason(message: string): KeychainReason {
  return reasonPatterns.find(([, pattern]) => pattern.test(message))?.[0] ?? 'other';
}

function keychainError(op: string, service: string, account: string, cause: unknown, secret?: string): DeskError {
  let raw = cause instanceof Error ? cause.message : String(cause);
  // keytar's messages come from libsecret and carry no values, but never risk echoing one.
  if (secret) raw = raw.split(secret).join('[redacted]');
  const unavailable = cause instanceof BackendUnavailable;
  const reason = unavailable ? KeychainReason.unavailable : keychainReason(raw);
  const message = `OS keychain ${op} failed (${reason})`;
  const said = unavailable ? `the keychain module (keytar) could not be loaded: ${raw}\non Linux it needs libsecret (Debian/Ubuntu: libsecret-1-0)` : `keychain said: ${raw}`;
  return deskError('keychain', message, {
    code: reason,
    details: `${message}\nservice: ${service}\naccount: ${account}\n${said}`,
  });
}

export function createKeychainStore(backend: KeychainBackend = lazyKeychainBackend()): SecretStore {
  return {
    async get(service, account) {
      try {
        return await backend.getPassword(service, account);
      } catch (e) {
        throw keychainError('read', service, account, e);
      }
    },
    async set(service, account, value) {
      try {
        await backend.setPassword(service, account, value);
      } catch (e) {
        throw keychainError('write', service, account, e, value);
      }
    },
    async delete(service, account) {
      try {
        return await backend.deletePassword(service, account);
      } catch (e) {
        throw keychainError('delete', service, account, e);
      }
    },
  };
}
