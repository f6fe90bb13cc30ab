import type { FieldValue } from '../model/profile';
import type { EditBase, FieldConflict } from '../model/save';
import { sameValue } from '../model/values';

/**
 * Compares the profile as it is on the server now with what the operator loaded, just before writing.
 * Any edited field that changed meanwhile is a conflict; so is any other change (lastModified moved),
 * because saving blindly would present the operator's view of the profile as current.
 */
export function findConflicts(
  server: (path: string) => FieldValue | undefined,
  serverLastModified: string | undefined,
  changes: Record<string, FieldValue>,
  base: EditBase,
): { conflicts: FieldConflict[]; changedElsewhere: boolean } | null {
  const conflicts = Object.keys(changes)
    .map((path) => ({ path, loaded: base.values[path] ?? null, server: server(path) ?? null, mine: changes[path]! }))
    .filter((c) => !sameValue(c.loaded, c.server));
  const changedElsewhere = base.lastModified !== undefined && serverLastModified !== base.lastModified;
  return conflicts.length > 0 || changedElsewhere ? { conflicts, changedElsewhere } : null;
}
