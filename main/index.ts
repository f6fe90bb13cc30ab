/** Electron entry: wires the plain-TypeScript app (createDesk) to Electron. Keep it thin. */
import { appendFile } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { createDesk } from './app/create-desk';
import { isAppUrl } from './app/app-assets';
import { registerHandlers } from './ipc/register';
import { createLogger, createRedactor } from './logging/logger';
import { createKeychainStore } from './secrets/keychain-store';
import { createDialogs, createMainWindow, hardenSessions, registerAppScheme, serveRenderer } from './window';

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();

app.whenReady().then(() => {
  const redactor = createRedactor();
  const logFile = join(app.getPath('logs'), 'profile-desk.log');
  const log = createLogger((line) => appendFile(logFile, `${line}\n`, { mode: 0o600 }, () => undefined), redactor);
  const desk = createDesk({
    userDataDir: app.getPath('userData'),
    secrets: createKeychainStore(),
    osLanguages: app.getPreferredSystemLanguages(),
    appVersion: app.getVersion(),
    redactor,
    dialogs: createDialogs(),
  });
  hardenSessions();
  serveRenderer(join(__dirname, '..', 'renderer'));
  registerHandlers(ipcMain, desk.handlers, { isTrustedUrl: isAppUrl, log });
  let win = createMainWindow(join(__dirname, 'preload.js'));

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createMainWindow(join(__dirname, 'preload.js'));
  });
  app.on('before-quit', () => void desk.close());
});

app.on('window-all-closed', () => app.quit());
