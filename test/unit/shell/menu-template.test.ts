// @vitest-environment node
/** The application menu per language, build kind and platform: Electron builds exactly this template. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuEntry, type MenuOptions } from '../../../main/app/menu-template';

function menu(o: Partial<MenuOptions> = {}) {
  const actions = { copyDiagnostics: vi.fn(), openLogFolder: vi.fn() };
  const template = menuTemplate({ locale: 'de', isPackaged: true, platform: 'win32', version: '1.2.3', ...actions, ...o });
  // What Electron's Menu.buildFromTemplate takes: checked by the compiler, not at run time.
  const forElectron: MenuItemConstructorOptions[] = template;
  return { template: forElectron as MenuEntry[], ...actions };
}

const all = (entries: MenuEntry[]): MenuEntry[] => entries.flatMap((e) => [e, ...all(e.submenu ?? [])]);
const roles = (entries: MenuEntry[]) => all(entries).flatMap((e) => (e.role ? [e.role] : []));
const top = (entries: MenuEntry[], label: string) => entries.find((e) => e.label === label);
const labels = (entry: MenuEntry | undefined) => (entry?.submenu ?? []).filter((e) => e.type !== 'separator').map((e) => e.label);

describe('application menu', () => {
  it('speaks German', () => {
    const { template } = menu({ locale: 'de' });
    expect(template.map((e) => e.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    expect(labels(top(template, 'Bearbeiten'))).toEqual(['Rückgängig', 'Wiederholen', 'Ausschneiden', 'Kopieren', 'Einfügen', 'Alles auswählen']);
    expect(labels(top(template, 'Hilfe'))).toEqual(['Profile Desk, Version 1.2.3', 'Diagnose für die IT kopieren', 'Protokollordner öffnen']);
    expect(labels(top(template, 'Datei'))).toEqual(['Beenden']);
  });

  it('speaks English (Exit on Windows, Quit on Linux)', () => {
    const { template } = menu({ locale: 'en' });
    expect(template.map((e) => e.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(top(template, 'Edit'))).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Select All']);
    expect(labels(top(template, 'Help'))).toEqual(['Profile Desk, version 1.2.3', 'Copy diagnostics for IT', 'Open log folder']);
    expect(labels(top(template, 'File'))).toEqual(['Exit']);
    expect(labels(top(menu({ locale: 'en', platform: 'linux' }).template, 'File'))).toEqual(['Quit']);
  });

  it('keeps the standard Edit roles on every platform, so copy and paste work (macOS needs them in the menu)', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const locale of ['de', 'en'] as const) {
        const edit = menu({ platform, locale }).template[1]!;
        expect(roles(edit.submenu ?? []), `${platform} ${locale}`).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
      }
    }
  });

  it('has no reload and no developer tools in a packaged build, and both in development', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const packaged = roles(menu({ platform, isPackaged: true }).template);
      expect(packaged, platform).not.toContain('toggleDevTools');
      expect(packaged, platform).not.toContain('reload');
      expect(packaged, platform).not.toContain('forceReload');
      expect(packaged, platform).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
      expect(roles(menu({ platform, isPackaged: false }).template), platform).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    }
  });

  it('on macOS: the application menu first (with Quit), a Window menu, and Help as the Help menu', () => {
    for (const locale of ['de', 'en'] as const) {
      const { template } = menu({ platform: 'darwin', locale });
      expect(template[0]!.label).toBe('Profile Desk');
      expect(roles(template[0]!.submenu ?? [])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
      expect(template.map((e) => e.role)).toEqual([undefined, undefined, undefined, 'window', 'help']);
    }
    expect(menu({ platform: 'darwin', locale: 'de' }).template.map((e) => e.label)).toEqual(['Profile Desk', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
  });

  it('Help shows the version (not clickable) and calls the actions', () => {
    const { template, copyDiagnostics, openLogFolder } = menu({ locale: 'en' });
    const help = top(template, 'Help')!.submenu!.filter((e) => e.type !== 'separator');
    expect(help[0]).toMatchObject({ enabled: false });
    help[1]!.click!();
    help[2]!.click!();
    expect(copyDiagnostics).toHaveBeenCalledOnce();
    expect(openLogFolder).toHaveBeenCalledOnce();
  });
});
