/** The window frame's state: the app's version and language, IT's policy, and whether the OS keychain works. */
import type { Locale } from '../../main/model/connection';
import type { PolicyView } from '../../main/model/policy';
import type { AppError } from '../../main/model/errors';
import { desk } from '../lib/desk';
import { getLocale, setLocale } from '../lib/i18n/i18n.svelte';

class AppFrame {
  ready = $state(false);
  version = $state('');
  /** IT's policy in force (null until main answered: nothing is offered as changeable before that). */
  policy = $state.raw<PolicyView | null>(null);
  /** Set while the keychain does not work: without it nothing else is offered. */
  keychainError = $state.raw<AppError | null>(null);
  keychainChecking = $state(false);
  keychainAttempts = $state(0);

  /** At start: the language main chose (the operator's or the OS's) and a keychain check, side by side. */
  async start(): Promise<void> {
    const [info] = await Promise.all([desk.getAppInfo(), this.checkKeychain()]);
    if (info.ok) {
      setLocale(info.value.locale);
      this.version = info.value.version;
      this.policy = info.value.policy;
    } else {
      setLocale(navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en');
    }
    this.ready = true;
  }

  /** Only a keychain failure stops the start; any other failure shows up where it matters (e.g. the list). */
  async checkKeychain(): Promise<void> {
    this.keychainChecking = true;
    const result = await desk.checkKeychain();
    this.keychainChecking = false;
    if (!result.ok && result.error.kind === 'keychain') {
      this.keychainError = result.error;
      this.keychainAttempts += 1;
    } else {
      this.keychainError = null;
    }
  }

  /** Switches every text at once; main only remembers the choice for the next start. */
  async switchLocale(locale: Locale): Promise<void> {
    if (locale === getLocale()) return;
    setLocale(locale);
    await desk.setLocale({ locale });
  }
}

export const appFrame = new AppFrame();
