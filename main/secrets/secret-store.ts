/**
 * Where secrets live. The only implementation the app uses is the OS keychain (keychain-store.ts);
 * services take this interface so that the backend can be swapped in one file (keytar is archived upstream).
 */
export interface SecretStore {
  /** null means "nothing stored" only when the keychain is unlocked: a locked keyring also reads null. */
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, value: string): Promise<void>;
  /** true when something was deleted. */
  delete(service: string, account: string): Promise<boolean>;
}
