import { randomUUID } from 'node:crypto';
import type { ConnectionInfo } from '../model/connection';
import type { AppError } from '../model/errors';
import type { Verification } from '../model/history';
import type { FieldDef, FieldValue, FindKind, FindResult, LoadedProfile, ProfileHit } from '../model/profile';
import type { SaveOutcome, SaveRequest, Values, VerifyReport, VerifyRequest } from '../model/save';
import { isFieldValue } from '../model/values';
import type { AuditLog } from '../audit/audit-log';
import type { CampaignClient, ListPage, RawProfile } from '../campaign/client';
import { displayName, fieldsFromMetadata, flattenProfile, readPath } from '../campaign/field-catalog';
import { buildPatchBody } from '../campaign/patch-body';
import { compareSent } from '../campaign/verify';
import type { DraftStore } from '../drafts/draft-store';
import { DeskError, deskError } from '../errors/desk-error';
import { findConflicts } from './conflicts';
import { classifyQuery } from '../model/search-query';

/** The documented three-step workflow for one profile: GET, PATCH only what changed, GET again and compare. */
export interface ProfileService {
  /** One search box: a PKey, an email address (several profiles may share one) or a name/email prefix. */
  find(connectionId: string, query: string): Promise<FindResult>;
  /** The next page of a search, following the server's own link. */
  findMore(connectionId: string, next: string, kind: FindKind): Promise<FindResult>;
  load(connectionId: string, pkey: string): Promise<LoadedProfile>;
  /** The connection's fields, from Campaign's metadata (read once per connection). */
  fields(connectionId: string): Promise<FieldDef[]>;
  /**
   * Keeps the edits as a draft, re-reads, refuses on a conflict, records the attempt, PATCHes, verifies.
   * The draft goes once Campaign has the change; after a conflict or a failure it stays.
   */
  save(request: SaveRequest): Promise<SaveOutcome>;
  /** "Check again" after a save whose verifying GET failed. */
  verify(request: VerifyRequest): Promise<VerifyReport>;
  /** After a connection changes or is deleted its cached field list may be wrong. */
  forget(connectionId: string): void;
}

export interface ProfileServiceDeps {
  clientFor(connectionId: string): Promise<CampaignClient>;
  describeConnection(connectionId: string): Promise<ConnectionInfo>;
  audit: Pick<AuditLog, 'append'>;
  drafts: Pick<DraftStore, 'save' | 'discard'>;
  now?: () => Date;
}

const PAGE_SIZE = 25;

const flattenValue = (v: unknown): FieldValue | undefined => (isFieldValue(v) ? v : undefined);

const failedPatch = (e: AppError) => ({
  ok: false,
  ...(e.status !== undefined ? { status: e.status } : {}),
  errorKind: e.kind,
  message: e.serverMessage ?? e.message,
});

function toHit(raw: RawProfile): ProfileHit {
  const text = (path: string) => {
    const v = readPath(raw, path);
    return typeof v === 'string' ? v : '';
  };
  return { pkey: raw.PKey, name: displayName(raw), email: text('email'), city: text('location.city'), lastModified: text('lastModified') };
}

function toFindResult(kind: FindKind, page: ListPage): FindResult {
  return { kind, hits: page.content.map(toHit), ...(page.nextHref ? { next: page.nextHref } : {}) };
}

export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const now = deps.now ?? (() => new Date());
  const fieldCache = new Map<string, Promise<FieldDef[]>>();
  const saving = new Set<string>();

  function fieldsFor(connectionId: string, client: CampaignClient): Promise<FieldDef[]> {
    let fields = fieldCache.get(connectionId);
    if (!fields) {
      fields = client.getMetadata().then(fieldsFromMetadata);
      fields.catch(() => fieldCache.delete(connectionId)); // a failed read is not cached
      fieldCache.set(connectionId, fields);
    }
    return fields;
  }

  function toLoaded(connectionId: string, raw: RawProfile, fields: FieldDef[]): LoadedProfile {
    return { connectionId, pkey: raw.PKey, displayName: displayName(raw), fields, values: flattenProfile(raw, fields) };
  }

  async function report(connectionId: string, client: CampaignClient, raw: RawProfile, sent: Values): Promise<VerifyReport> {
    const fields = await fieldsFor(connectionId, client);
    const checks = compareSent(sent, (path) => readPath(raw, path));
    return {
      pkey: raw.PKey,
      checkedAt: now().toISOString(),
      fields: checks,
      allConfirmed: checks.every((c) => c.match),
      profile: toLoaded(connectionId, raw, fields),
    };
  }

  /** Re-read → conflict check → audit attempt → PATCH → verifying GET → audit outcome. */
  async function send(request: SaveRequest): Promise<SaveOutcome> {
    const { connectionId, pkey, changes, base, undoOf } = request;
    const client = await deps.clientFor(connectionId);
    const fields = await fieldsFor(connectionId, client);
    const body = buildPatchBody(changes, fields);
    // Re-read first: never overwrite a change made since the operator loaded the profile, and write to
    // the server's own href (PKeys are opaque).
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
      ...(undoOf ? { undoOf } : {}),
    };
    await deps.audit.append({ ...record, phase: 'attempt' }).catch((err: unknown) => {
      throw deskError('internal', `The change could not be recorded in the audit trail, so nothing was sent: ${(err as Error).message}`);
    });
    // The outcome line is best effort: if it cannot be written, the attempt line already says "no outcome".
    const outcome = (patch: { ok: boolean; status?: number; errorKind?: string; message?: string }, verification?: Verification) =>
      deps.audit.append({ ...record, phase: 'outcome', patch, ...(verification ? { verification } : {}) }).catch(() => undefined);

    let href: string;
    try {
      ({ href } = await client.patchProfileAt(current.href ?? client.profileUrl(pkey), body));
    } catch (err) {
      if (err instanceof DeskError) await outcome(failedPatch(err.info));
      throw err;
    }
    try {
      const checked = await report(connectionId, client, await client.getProfileAt(href), changes);
      await outcome({ ok: true }, { status: checked.allConfirmed ? 'confirmed' : 'different', fields: checked.fields });
      return { status: 'checked', report: checked };
    } catch (err) {
      if (!(err instanceof DeskError)) throw err;
      await outcome({ ok: true }, { status: 'notVerified' });
      return { status: 'notChecked', sent: changes, verifyError: err.info };
    }
  }

  return {
    async find(connectionId, query) {
      const client = await deps.clientFor(connectionId);
      const { kind, value } = classifyQuery(query);
      if (kind === 'email') return toFindResult(kind, await client.findByEmail(value, PAGE_SIZE));
      if (kind === 'text') return toFindResult(kind, await client.findByText(value, PAGE_SIZE));
      try {
        return { kind, hits: [toHit(await client.getProfile(value))] };
      } catch (err) {
        if (err instanceof DeskError && err.info.kind === 'notFound') return { kind, hits: [] };
        throw err;
      }
    },

    async findMore(connectionId, next, kind) {
      const client = await deps.clientFor(connectionId);
      return toFindResult(kind, await client.listPageAt(next));
    },

    async load(connectionId, pkey) {
      const client = await deps.clientFor(connectionId);
      const [fields, raw] = await Promise.all([fieldsFor(connectionId, client), client.getProfile(pkey)]);
      return toLoaded(connectionId, raw, fields);
    },

    async fields(connectionId) {
      return fieldsFor(connectionId, await deps.clientFor(connectionId));
    },

    async save(request) {
      const { connectionId, pkey } = request;
      const key = `${connectionId}\u0000${pkey}`;
      if (saving.has(key)) throw deskError('busy', 'A save of this profile is already running');
      saving.add(key);
      try {
        // The draft first: whatever happens to the save, the edits survive a crash or a restart. It is a
        // safety net, so a draft that cannot be written does not stop the save the operator asked for.
        const profileName = (request.profileName ?? '').trim().slice(0, 200);
        await deps.drafts.save({ connectionId, pkey, profileName, changes: request.changes, base: request.base }).catch(() => undefined);
        const outcome = await send(request);
        // Once Campaign has the change, the draft has done its job; after a conflict the edits stay drafted.
        if (outcome.status !== 'conflict') await deps.drafts.discard(connectionId, pkey);
        return outcome;
      } finally {
        saving.delete(key);
      }
    },

    async verify({ connectionId, pkey, sent }) {
      const client = await deps.clientFor(connectionId);
      return report(connectionId, client, await client.getProfile(pkey), sent);
    },

    forget(connectionId) {
      fieldCache.delete(connectionId);
    },
  };
}
