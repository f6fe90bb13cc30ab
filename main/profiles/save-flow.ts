/**
 * The one save of one profile, as Adobe documents it and as every workflow uses it (a single edit, each row
 * of a bulk run, an undo): re-read → conflict check → audit attempt → PATCH only what changed → verifying
 * GET → audit outcome. A bulk run calls the same flow with hooks around the PATCH for its journal.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionInfo } from '../model/connection';
import type { AppError } from '../model/errors';
import type { Verification } from '../model/history';
import type { FieldDef, FieldValue, LoadedProfile } from '../model/profile';
import type { EditBase, SaveOutcome, Values, VerifyReport } from '../model/save';
import { isFieldValue } from '../model/values';
import type { AuditLog } from '../audit/audit-log';
import type { CampaignClient, RawProfile } from '../campaign/client';
import { displayName, flattenProfile, readPath } from '../campaign/field-catalog';
import { buildPatchBody } from '../campaign/patch-body';
import { compareSent } from '../campaign/verify';
import { DeskError, deskError } from '../errors/desk-error';
import { findConflicts } from './conflicts';

export interface SaveFlowDeps {
  audit: Pick<AuditLog, 'append'>;
  describeConnection(connectionId: string): Promise<ConnectionInfo>;
  now(): Date;
}

/** Where the save goes: the connection's client and its fields (from Campaign's metadata). */
export interface SaveTarget {
  connectionId: string;
  client: CampaignClient;
  fields: FieldDef[];
}

export interface SaveChanges {
  pkey: string;
  changes: Values;
  /**
   * What the edit started from. With lastModified, any change to the profile since is a conflict (a single
   * edit shows the whole profile); without it, only the fields this save changes count (a bulk row).
   */
  base: EditBase;
  undoOf?: string;
  /** A bulk run's id and the row's line in its file, recorded with the change. */
  run?: { runId: string; line: number };
}

/** For a journal: the moments around the PATCH, after which "did it reach Campaign?" cannot be answered alone. */
export interface SaveHooks {
  beforePatch?(): Promise<void>;
  afterPatch?(): Promise<void>;
}

const flattenValue = (v: unknown): FieldValue | undefined => (isFieldValue(v) ? v : undefined);

const failedPatch = (e: AppError) => ({
  ok: false,
  ...(e.status !== undefined ? { status: e.status } : {}),
  errorKind: e.kind,
  message: e.serverMessage ?? e.message,
});

export function toLoaded(connectionId: string, raw: RawProfile, fields: FieldDef[]): LoadedProfile {
  return { connectionId, pkey: raw.PKey, displayName: displayName(raw), fields, values: flattenProfile(raw, fields) };
}

/** What was sent against what a GET returned, field by field ("confirmed" only where it matches exactly). */
export function verifyReport(target: SaveTarget, raw: RawProfile, sent: Values, now: Date): VerifyReport {
  const checks = compareSent(sent, (path) => readPath(raw, path));
  return {
    pkey: raw.PKey,
    checkedAt: now.toISOString(),
    fields: checks,
    allConfirmed: checks.every((c) => c.match),
    profile: toLoaded(target.connectionId, raw, target.fields),
  };
}

export async function saveChanges(deps: SaveFlowDeps, target: SaveTarget, save: SaveChanges, hooks: SaveHooks = {}): Promise<SaveOutcome> {
  const { client, connectionId, fields } = target;
  const { pkey, changes, base } = save;
  const body = buildPatchBody(changes, fields);
  // Re-read first: never overwrite a change made since the edit started, and write to the server's own href
  // (PKeys are opaque).
  const current = await client.getProfile(pkey);
  const lastModified = readPath(current, 'lastModified');
  const conflict = findConflicts(
    (path) => flattenValue(readPath(current, path)),
    typeof lastModified === 'string' ? lastModified : undefined,
    changes,
    base,
  );
  if (conflict) return { status: 'conflict', ...conflict, profile: toLoaded(connectionId, current, fields) };

  // The attempt is on record BEFORE anything is sent: no record, no PATCH.
  const record = {
    saveId: randomUUID(),
    connection: await deps.describeConnection(connectionId),
    pkey,
    profileName: displayName(current),
    changes: Object.entries(changes).map(([path, value]) => ({ path, old: flattenValue(readPath(current, path)) ?? null, new: value })),
    ...(save.undoOf ? { undoOf: save.undoOf } : {}),
    ...(save.run ?? {}),
  };
  await deps.audit.append({ ...record, phase: 'attempt' }).catch((err: unknown) => {
    throw deskError('internal', `The change could not be recorded in the audit trail, so nothing was sent: ${(err as Error).message}`);
  });
  // The outcome line is best effort: if it cannot be written, the attempt line already says "no outcome".
  const outcome = (patch: { ok: boolean; status?: number; errorKind?: string; message?: string }, verification?: Verification) =>
    deps.audit.append({ ...record, phase: 'outcome', patch, ...(verification ? { verification } : {}) }).catch(() => undefined);

  await hooks.beforePatch?.();
  let href: string;
  try {
    ({ href } = await client.patchProfileAt(current.href ?? client.profileUrl(pkey), body));
  } catch (err) {
    if (err instanceof DeskError) await outcome(failedPatch(err.info));
    throw err;
  }
  await hooks.afterPatch?.();
  try {
    const checked = verifyReport(target, await client.getProfileAt(href), changes, deps.now());
    await outcome({ ok: true }, { status: checked.allConfirmed ? 'confirmed' : 'different', fields: checked.fields });
    return { status: 'checked', report: checked };
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    await outcome({ ok: true }, { status: 'notVerified' });
    return { status: 'notChecked', sent: changes, verifyError: err.info };
  }
}
