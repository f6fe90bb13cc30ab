/**
 * What the shell itself says (menu, start-up failure, confirmations), in the app's language. Main has no
 * renderer i18n at hand when these show (the menu exists before the page, a start-up error may come before
 * any window), so the few texts live here.
 */
import type { Locale } from '../model/connection';

export interface ShellTexts {
  file: string;
  /** Windows says Exit, Linux Quit. */
  quit: string;
  exit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  reload: string;
  forceReload: string;
  devTools: string;
  window: string;
  minimize: string;
  zoom: string;
  front: string;
  close: string;
  help: string;
  /** {version} */
  version: string;
  copyDiagnostics: string;
  openLogFolder: string;
  /** macOS application menu */
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quitApp: string;
  diagnosticsCopied: string;
  diagnosticsCopiedDetail: string;
  logFolderNotOpened: string;
  startFailed: string;
  startFailedIntro: string;
  /** Closing while a bulk change runs. {count} */
  runningTitle: string;
  /** {file} {done} {total} */
  runningDetail: string;
  keepWorking: string;
  closeAndContinueLater: string;
}

export const shellTexts: Record<Locale, ShellTexts> = {
  de: {
    file: 'Datei',
    quit: 'Beenden',
    exit: 'Beenden',
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    resetZoom: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fullScreen: 'Vollbild ein/aus',
    reload: 'Neu laden',
    forceReload: 'Neu laden erzwingen',
    devTools: 'Entwicklerwerkzeuge',
    window: 'Fenster',
    minimize: 'Minimieren',
    zoom: 'Zoomen',
    front: 'Alle nach vorne bringen',
    close: 'Fenster schließen',
    help: 'Hilfe',
    version: 'Profile Desk, Version {version}',
    copyDiagnostics: 'Diagnose für die IT kopieren',
    openLogFolder: 'Protokollordner öffnen',
    about: 'Über Profile Desk',
    services: 'Dienste',
    hide: 'Profile Desk ausblenden',
    hideOthers: 'Andere ausblenden',
    showAll: 'Alle einblenden',
    quitApp: 'Profile Desk beenden',
    diagnosticsCopied: 'Die Diagnose für die IT ist in der Zwischenablage.',
    diagnosticsCopiedDetail: 'Fügen Sie sie in Ihre E-Mail oder Ihr Ticket an die IT ein. Sie enthält keine Passwörter, Client-Secrets oder Zugriffstokens.',
    logFolderNotOpened: 'Der Protokollordner konnte nicht geöffnet werden. Er liegt hier:',
    startFailed: 'Profile Desk konnte nicht starten',
    startFailedIntro: 'Beim Start ist ein Fehler aufgetreten. Bitte senden Sie den folgenden Text an die IT:',
    runningTitle: 'Eine Massenänderung läuft noch.',
    runningDetail: '{file}: {done} von {total} Profilen erledigt. Wenn Sie Profile Desk jetzt schließen, hält die Änderung nach den Profilen an, die gerade gespeichert werden. Beim nächsten Start können Sie sie dort fortsetzen; nichts wird doppelt übernommen.',
    keepWorking: 'Weiterarbeiten',
    closeAndContinueLater: 'Schließen und später fortsetzen',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    exit: 'Exit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    close: 'Close Window',
    help: 'Help',
    version: 'Profile Desk, version {version}',
    copyDiagnostics: 'Copy diagnostics for IT',
    openLogFolder: 'Open log folder',
    about: 'About Profile Desk',
    services: 'Services',
    hide: 'Hide Profile Desk',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quitApp: 'Quit Profile Desk',
    diagnosticsCopied: 'The diagnostics for IT are on the clipboard.',
    diagnosticsCopiedDetail: 'Paste them into your email or ticket to IT. They contain no passwords, client secrets or access tokens.',
    logFolderNotOpened: 'The log folder could not be opened. It is here:',
    startFailed: 'Profile Desk could not start',
    startFailedIntro: 'An error occurred while starting. Please send the following text to IT:',
    runningTitle: 'A bulk change is still running.',
    runningDetail: '{file}: {done} of {total} profiles done. If you close Profile Desk now, the change pauses after the profiles being saved right now. You can continue it where it stopped the next time you start the app; nothing is applied twice.',
    keepWorking: 'Keep working',
    closeAndContinueLater: 'Close and continue later',
  },
};
