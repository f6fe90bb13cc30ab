/** Electron entry: wires the plain-TypeScript app (createDesk, startApp) to Electron. Keep it thin. */
import { arch, release, version as osVersion } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net } from 'electron';
import { createDesk } from './app/create-desk';
import { isAppUrl } from './app/app-assets';
import { menuTemplate } from './app/menu-template';
import { shellTexts } from './app/shell-texts';
import { quitQuestion } from './app/quit-question';
import { startApp } from './app/start-app';
import { createAxiosHttp } from './http/axios-http';
import { registerHandlers } from './ipc/register';
import { createLogFile } from './logging/log-file';
import { createLogger, createRedactor } from './logging/logger';
import { chromiumLanguage, resolveLocale } from './preferences/locale';
import { readLocaleChoiceSync } from './preferences/locale-preference';
import { policyFileFor } from './policy/policy-location';
import { readPolicyFile, type PolicyReading } from './policy/policy-file';
import { createKeychainStore } from './secrets/keychain-store';
import { copyAndConfirm, createDialogs, createMainWindow, hardenSessions, installMenu, openFolder, registerAppScheme, serveRenderer } from './window';

const preload = join(__dirname, 'preload.js');
const os = { platform: process.platform, release: release(), arch: arch() };
// IT's policy, read once before anything else: it may fix the language Chromium starts in.
let policy: PolicyReading | undefined;

void startApp({
  app,
  about: [`Profile Desk ${app.getVersion()}`, `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}`, `OS: ${os.platform} ${os.release} ${os.arch}`],
  language() {
    policy = readPolicyFile(policyFileFor(process.platform, process.env));
    const osLanguages = app.getPreferredSystemLanguages();
    const locale = policy.view.language ?? resolveLocale(readLocaleChoiceSync(join(app.getPath('userData'), 'preferences.json')), osLanguages);
    return { locale, chromium: chromiumLanguage(locale, osLanguages) };
  },
  beforeReady: registerAppScheme,
  showError: (title, content) => dialog.showErrorBox(title, content),
  async ready(locale) {
    const redactor = createRedactor();
    const logs = createLogFile({ file: join(app.getPath('logs'), 'profile-desk.log') });
    const log = createLogger(logs.append, redactor);
    const desk = createDesk({
      userDataDir: app.getPath('userData'),
      secrets: createKeychainStore(),
      osLanguages: app.getPreferredSystemLanguages(),
      appVersion: app.getVersion(),
      redactor,
      dialogs: createDialogs(),
      policy,
      // Chromium's network stack: the system proxy, PAC file and the OS's certificate store apply, as in a browser.
      http: createAxiosHttp({ fetch: (input, init) => net.fetch(input, init) }),
    });
    hardenSessions();
    serveRenderer(join(__dirname, '..', 'renderer'));
    registerHandlers(ipcMain, desk.handlers, { isTrustedUrl: isAppUrl, log });
    // Asked once per quit: closing the window and the quit that follows must not ask twice.
    let quitConfirmed = false;
    const mayQuit = (): boolean => {
      const question = quitConfirmed ? null : quitQuestion(desk.activeRuns(), locale);
      if (!question) return true;
      quitConfirmed = dialog.showMessageBoxSync(win, question) === 1;
      return quitConfirmed;
    };
    const openWindow = () => createMainWindow(preload, { mayClose: mayQuit });
    let win = openWindow();

    const t = shellTexts[locale];
    const diagnostics = () =>
      desk.diagnostics(
        { appVersion: app.getVersion(), versions: process.versions, os: { ...os, version: osVersion() }, locale, folders: { data: app.getPath('userData'), logs: logs.dir } },
        logs.tail,
      );
    const reportFailure = (what: string) => (e: unknown) => log.error(what, { error: String(e) });
    installMenu(
      menuTemplate({
        locale,
        isPackaged: app.isPackaged,
        platform: process.platform,
        version: app.getVersion(),
        copyDiagnostics: () => void diagnostics().then((text) => copyAndConfirm(text, t.diagnosticsCopied, t.diagnosticsCopiedDetail)).catch(reportFailure('copy diagnostics failed')),
        openLogFolder: () => void openFolder(logs.dir, t.logFolderNotOpened).catch(reportFailure('open log folder failed')),
      }),
    );
    log.info('started', { version: app.getVersion(), electron: process.versions.electron, locale });

    return {
      focus() {
        if (win.isMinimized()) win.restore();
        win.focus();
      },
      activate() {
        if (BrowserWindow.getAllWindows().length === 0) win = openWindow();
      },
      mayQuit,
      close: () => desk.close(),
    };
  },
});
