/** What the OS's file dialogs say at the top, in the operator's language. */
import type { Locale } from '../model/connection';
import type { FileFilter } from './file-dialogs';

export const dialogTitles: Record<Locale, { openSpreadsheet: string; saveResults: string; saveProblems: string; saveHistory: string }> = {
  de: {
    openSpreadsheet: 'Tabelle für eine Massenänderung öffnen',
    saveResults: 'Ergebnisdatei speichern',
    saveProblems: 'Zeilen mit Problemen speichern',
    saveHistory: 'Verlauf als CSV-Datei speichern',
  },
  en: {
    openSpreadsheet: 'Open a spreadsheet for a bulk change',
    saveResults: 'Save the result file',
    saveProblems: 'Save the rows with problems',
    saveHistory: 'Save the history as a CSV file',
  },
};

export const SPREADSHEET_FILES: FileFilter[] = [{ name: 'Excel / CSV', extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'tsv'] }];
export const CSV_FILES: FileFilter[] = [{ name: 'CSV', extensions: ['csv'] }];
