import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, clipboard, dialog, protocol, session, shell } from 'electron';
import type { MenuEntry } from './app/menu-template';
import type { FileDialogs } from './files/file-dialogs';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { APP_ENTRY, resolveAsset } from './app/app-assets';

/** Must run before app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
}

/**
 * Serves the packaged renderer with the CSP as a header (index.html repeats it in a meta tag). Never rejects:
 * Electron would log the rejection and answer ERR_UNEXPECTED, so a missing file is a 404 like anywhere else.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const asset = resolveAsset(rendererDir, request.url);
    if (!asset) return new Response('Not found', { status: 404 });
    const body = await readFile(asset.file).catch((e: NodeJS.ErrnoException) => e);
    if (body instanceof Error) {
      const missing = ['ENOENT', 'ENOTDIR', 'EISDIR'].includes(body.code ?? '');
      return missing ? new Response('Not found', { status: 404 }) : new Response('Cannot read', { status: 500 });
    }
    return new Response(body, {
      headers: {
        'content-type': asset.mime,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

/** No permission (camera, notifications, …) is ever granted, except writing to the clipboard for "copy details". */
export function hardenSessions(): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(allowed.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowed.has(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // The app is one page: any navigation (a dropped file, a link, a script) is refused.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** mayClose: asked when the operator closes the window; false keeps it open. */
export function createMainWindow(preloadPath: string, o: { mayClose?: () => boolean } = {}): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 880,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: 'Profile Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (o.mayClose && !o.mayClose()) event.preventDefault();
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

const focusedWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

/** The OS's own open and save dialogs, attached to the app's window. */
export function createDialogs(): FileDialogs {
  return {
    async chooseFile({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const win = focusedWindow();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveLocation({ title, suggestedName, filters }) {
      const options = { title, filters, defaultPath: join(app.getPath('documents'), suggestedName) };
      const win = focusedWindow();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/** The app's own menu (main/app/menu-template.ts) instead of Electron's default. */
export function installMenu(entries: MenuEntry[]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(entries));
}

async function tell(type: 'info' | 'warning', message: string, detail: string): Promise<void> {
  const win = focusedWindow();
  const options = { type, message, detail };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** Puts text on the clipboard and says so: a menu item that does something invisible must confirm it. */
export async function copyAndConfirm(text: string, message: string, detail: string): Promise<void> {
  clipboard.writeText(text);
  await tell('info', message, detail);
}

/** Opens a folder in the OS's file manager; where that fails, names the folder instead. */
export async function openFolder(dir: string, failedMessage: string): Promise<void> {
  if (await shell.openPath(dir)) await tell('warning', failedMessage, dir);
}
