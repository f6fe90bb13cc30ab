import { randomUUID } from 'node:crypto';
import { KeychainReason } from '../model/errors';
import { deskError } from '../errors/desk-error';
import type { SecretStore } from './secret-store';

export const PROBE_SERVICE = 'Profile Desk (probe)';
/** Each probe writes its own account, so two probes at once (two windows, two test workers) never collide. */
export const probeAccount = (nonce: string): string => `sentinel-${nonce}`;

/**
 * Proves the keychain really stores and returns secrets. Needed because a locked keyring reads null
 * (and deletes nothing) without any error: a read-back that is null or different means "locked".
 */
export async function probeKeychain(store: SecretStore): Promise<void> {
  const sentinel = randomUUID();
  const account = probeAccount(sentinel);
  await store.set(PROBE_SERVICE, account, sentinel);
  try {
    const readBack = await store.get(PROBE_SERVICE, account);
    if (readBack !== sentinel) {
      const message = 'OS keychain probe failed (locked)';
      throw deskError('keychain', message, {
        code: KeychainReason.locked,
        details: `${message}\nservice: ${PROBE_SERVICE}\naccount: ${account}\nthe value just written read back as ${readBack === null ? 'nothing' : 'a different value'}`,
      });
    }
  } finally {
    await store.delete(PROBE_SERVICE, account);
  }
}
