/** The one way the app saves a file for the operator: ask where, write it whole, then say where it is. */
import { basename, dirname, extname } from 'node:path';
import type { SavedFile } from '../model/files';
import { deskError } from '../errors/desk-error';
import { writeFileAtomic } from '../storage/atomic-file';
import type { FileDialogs, FileFilter } from './file-dialogs';

export async function saveFile(
  dialogs: FileDialogs,
  request: { title: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array },
): Promise<SavedFile> {
  const chosen = await dialogs.chooseSaveLocation(request);
  if (!chosen) return { saved: false };
  // The dialog may hand back a name without the extension the operator saw in the filter.
  const path = extname(chosen) ? chosen : `${chosen}${extname(request.suggestedName)}`;
  try {
    await writeFileAtomic(path, request.bytes, { mode: 0o644, createDir: false });
  } catch (err) {
    throw deskError('internal', `The file could not be written to ${path}: ${(err as Error).message}`, {
      code: (err as NodeJS.ErrnoException).code,
      details: `Path: ${path}\n${(err as Error).message}`,
    });
  }
  return { saved: true, path, fileName: basename(path), folder: dirname(path) };
}
