/**
 * The application menu as plain data (Electron's Menu.buildFromTemplate takes it as is), so it is tested per
 * language and build kind without Electron. Our own menu because Electron's default keeps Reload and the
 * developer tools in the packaged app, and speaks only English.
 */
import type { Locale } from '../model/connection';
import { shellTexts } from './shell-texts';

/** The Electron menu roles we use: each brings its own behaviour and shortcut; the label is ours. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'quit'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'help'
  | 'window';

/** The part of Electron's MenuItemConstructorOptions we use. */
export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  enabled?: boolean;
  submenu?: MenuEntry[];
  click?: () => void;
}

export interface MenuOptions {
  locale: Locale;
  /** app.isPackaged: no reload and no developer tools for operators. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  version: string;
  copyDiagnostics(): void;
  openLogFolder(): void;
}

const separator: MenuEntry = { type: 'separator' };

export function menuTemplate(o: MenuOptions): MenuEntry[] {
  const t = shellTexts[o.locale];
  const mac = o.platform === 'darwin';
  const item = (role: MenuRole, label: string): MenuEntry => ({ role, label });

  // macOS puts Quit in the application menu; elsewhere it is the File menu's only item.
  const first: MenuEntry = mac
    ? {
        label: 'Profile Desk',
        submenu: [item('about', t.about), separator, item('services', t.services), separator, item('hide', t.hide), item('hideOthers', t.hideOthers), item('unhide', t.showAll), separator, item('quit', t.quitApp)],
      }
    : { label: t.file, submenu: [item('quit', o.platform === 'win32' ? t.exit : t.quit)] };

  // The Edit menu is what makes copy and paste work in text fields on macOS: keep every role.
  const edit: MenuEntry = {
    label: t.edit,
    submenu: [item('undo', t.undo), item('redo', t.redo), separator, item('cut', t.cut), item('copy', t.copy), item('paste', t.paste), separator, item('selectAll', t.selectAll)],
  };

  const developer = o.isPackaged ? [] : [separator, item('reload', t.reload), item('forceReload', t.forceReload), item('toggleDevTools', t.devTools)];
  const view: MenuEntry = {
    label: t.view,
    submenu: [item('resetZoom', t.resetZoom), item('zoomIn', t.zoomIn), item('zoomOut', t.zoomOut), separator, item('togglefullscreen', t.fullScreen), ...developer],
  };

  const window: MenuEntry[] = mac
    ? [{ label: t.window, role: 'window', submenu: [item('minimize', t.minimize), item('zoom', t.zoom), separator, item('front', t.front), separator, item('close', t.close)] }]
    : [];

  const help: MenuEntry = {
    label: t.help,
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [
      { label: t.version.replace('{version}', o.version), enabled: false },
      separator,
      { label: t.copyDiagnostics, click: o.copyDiagnostics },
      { label: t.openLogFolder, click: o.openLogFolder },
    ],
  };

  return [first, edit, view, ...window, help];
}
