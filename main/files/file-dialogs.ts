/**
 * Asking the operator for a file to open or a place to save: the app shows the OS's dialogs (main/window.ts),
 * tests a stand-in. Files are read and written by main only, and the app names a place only after writing.
 */
import type { SavedFile } from '../model/files';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FileDialogs {
  /** The path the operator picked, or null when they cancelled. */
  chooseFile(opts: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Where to save, or null when they cancelled. */
  chooseSaveLocation(opts: { title: string; suggestedName: string; filters: FileFilter[] }): Promise<string | null>;
}

export type { SavedFile };
