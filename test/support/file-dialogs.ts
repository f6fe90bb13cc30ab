/**
 * The OS's open and save dialogs, as tests answer them: the next answers are queued (a path, or null for
 * "Cancel"), and every question is recorded. An empty queue answers "Cancel".
 */
import type { FileDialogs } from '../../main/files/file-dialogs';

export interface StandInDialogs extends FileDialogs {
  nextOpen: Array<string | null>;
  nextSave: Array<string | null>;
  asked: Array<{ kind: 'open' | 'save'; title: string; suggestedName?: string }>;
}

export function standInDialogs(): StandInDialogs {
  const dialogs: StandInDialogs = {
    nextOpen: [],
    nextSave: [],
    asked: [],
    async chooseFile({ title }) {
      dialogs.asked.push({ kind: 'open', title });
      return dialogs.nextOpen.shift() ?? null;
    },
    async chooseSaveLocation({ title, suggestedName }) {
      dialogs.asked.push({ kind: 'save', title, suggestedName });
      return dialogs.nextSave.shift() ?? null;
    },
  };
  return dialogs;
}
