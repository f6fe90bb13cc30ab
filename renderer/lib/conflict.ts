/**
 * Pure helpers for "someone else changed this profile meanwhile": which other fields changed in Campaign,
 * and how the operator's choices turn into the next edit.
 */
import type { FieldValue, LoadedProfile } from '../../main/model/profile';
import type { FieldConflict } from '../../main/model/save';
import { isChanged, isLocked } from '../../main/model/changes';
import type { Values } from '../../main/model/save';

export type ConflictChoice = 'mine' | 'theirs';

/**
 * Editable fields whose value in Campaign differs from the one the operator loaded, leaving out the
 * fields already listed as conflicts: "also changed in Campaign meanwhile".
 */
export function changedMeanwhile(
  loaded: Pick<LoadedProfile, 'fields' | 'values'>,
  server: Pick<LoadedProfile, 'values'>,
  except: readonly string[] = [],
): { path: string; loaded: FieldValue; server: FieldValue }[] {
  return loaded.fields
    .filter((def) => !isLocked(def) && !except.includes(def.path))
    .filter((def) => isChanged(def, loaded.values[def.path], server.values[def.path]))
    .map((def) => ({ path: def.path, loaded: loaded.values[def.path] ?? null, server: server.values[def.path] ?? null }));
}

/** Conflicts that still need a choice (nothing is overwritten without one). */
export function unanswered(conflicts: readonly FieldConflict[], choices: Readonly<Record<string, ConflictChoice | ''>>): string[] {
  return conflicts.filter((c) => choices[c.path] !== 'mine' && choices[c.path] !== 'theirs').map((c) => c.path);
}

/**
 * The next working copy after the operator chose: Campaign's current profile, with the operator's changes
 * on top except where they took Campaign's value. The server's profile becomes the new original (and base).
 */
export function applyChoices(server: LoadedProfile, myChanges: Values, choices: Readonly<Record<string, ConflictChoice | ''>>): Values {
  const edited: Values = { ...server.values };
  for (const [path, value] of Object.entries(myChanges)) {
    if (choices[path] === 'theirs') continue;
    edited[path] = value;
  }
  return edited;
}
