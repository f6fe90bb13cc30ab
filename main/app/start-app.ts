/**
 * How the app starts, free of Electron so that each way it can go is tested (test/unit/shell): a second
 * instance hands over to the first and stops; Chromium learns the app's language before ready; a start-up
 * error ends in a dialog IT can read, then exit, never in a process that holds the single-instance lock
 * without a window (every later start would then exit silently).
 */
import type { Locale } from '../model/connection';
import { shellTexts } from './shell-texts';

/** What start-up needs of Electron's `app` (which fits it as it is). */
export interface ShellApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(exitCode?: number): void;
  whenReady(): Promise<unknown>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  commandLine: { appendSwitch(name: string, value?: string): void };
}

/** The running app, as start-up hands it the app's events. */
export interface Shell {
  /** Someone started the app again: bring its window to the front. */
  focus(): void;
  /** macOS: the dock icon was clicked. */
  activate(): void;
  /** Asks the operator where quitting would interrupt something (a bulk run sending); false: stay. */
  mayQuit(): boolean;
  /** Puts work down cleanly (bulk runs pause once their rows under way are done). */
  close(): Promise<void>;
}

/** How long quitting waits for work to be put down (a row under way: its PATCH and verifying GET). */
export const QUIT_WAIT_MS = 15_000;

export interface StartOptions {
  app: ShellApp;
  /** The app's language and Chromium's (--lang), known before ready: read synchronously. */
  language(): { locale: Locale; chromium: string };
  /** What must happen before ready (the app:// scheme). */
  beforeReady(): void;
  /** Builds the desk, the window and the menu once Electron is ready. */
  ready(locale: Locale): Promise<Shell>;
  /** Electron's dialog.showErrorBox: usable before ready, and it waits until closed. */
  showError(title: string, content: string): void;
  /** Lines that tell IT what ran (version, Electron, OS), above the error. */
  about: string[];
}

export async function startApp(o: StartOptions): Promise<void> {
  // The first instance gets 'second-instance' and comes to the front; this one builds nothing.
  if (!o.app.requestSingleInstanceLock()) {
    o.app.quit();
    return;
  }
  // German unless the stored choice or the OS says otherwise, also for a failure before the language is known.
  let locale: Locale = 'de';
  try {
    const language = o.language();
    locale = language.locale;
    o.app.commandLine.appendSwitch('lang', language.chromium);
    o.beforeReady();
    o.app.on('window-all-closed', () => o.app.quit());
    await o.app.whenReady();
    const shell = await o.ready(locale);
    o.app.on('second-instance', () => shell.focus());
    o.app.on('activate', () => shell.activate());
    o.app.on('before-quit', quitting(o.app, shell));
  } catch (err) {
    const t = shellTexts[locale];
    o.showError(t.startFailed, [t.startFailedIntro, '', ...o.about, `Time: ${new Date().toISOString()}`, errorText(err)].join('\n'));
    // exit, not quit: nothing may keep this process (and its lock) alive.
    o.app.exit(1);
  }
}

/**
 * Electron quits without waiting for promises: hold the quit until the shell has put its work down (or
 * QUIT_WAIT_MS passed), then quit for real.
 */
function quitting(app: ShellApp, shell: Shell): (event: { preventDefault(): void }) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing' || !shell.mayQuit()) return;
    state = 'closing';
    const waited = new Promise<void>((resolve) => setTimeout(resolve, QUIT_WAIT_MS).unref?.());
    void Promise.race([shell.close().catch(() => undefined), waited]).then(() => {
      state = 'closed';
      app.quit();
    });
  };
}

/** The stack where there is one: it names the step that failed. */
const errorText = (err: unknown): string => (err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : `Error: ${String(err)}`);
