import { randomUUID } from 'node:crypto';
import type { AppError, Environment, FieldDef, FieldValue, FindResult, LoadedProfile, ProfileHit, SaveOutcome, VerifyReport } from '../ipc/contract';
import type { AuditLog } from '../audit/audit-log';
import type { CampaignClient, ListPage, RawProfile } from '../campaign/client';
import { displayName, fieldsFromMetadata, flattenProfile, readPath } from '../campaign/field-catalog';
import { buildPatchBody } from '../campaign/patch-body';
import { compareSent, isFieldValue } from '../campaign/verify';
import { DeskError, deskError } from '../errors/desk-error';
import { classifyQuery } from './search-query';
import { findConflicts, type SaveBase } from './conflicts';

const PAGE_SIZE = 25;

const flattenValue = (v: unknown): FieldValue | undefined => (isFieldValue(v) ? v : undefined);

type AuditVerification = { status: 'confirmed' | 'different' | 'notVerified'; fields?: VerifyReport['fields'] };

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

function toFindResult(kind: FindResult['kind'], page: ListPage): FindResult {
  return { kind, hits: page.content.map(toHit), ...(page.nextHref ? { next: page.nextHref } : {}) };
}

/** Who and where, as the audit trail records it. */
export interface ConnectionInfo {
  id: string;
  name: string;
  environment: Environment;
  tenant: string;
}

export interface ProfileServiceDeps {
  clientFor(connectionId: string): Promise<CampaignClient>;
  describeConnection(connectionId: string): Promise<ConnectionInfo>;
  audit: Pick<AuditLog, 'append'>;
  now?: () => Date;
}

/**
 * The documented three-step workflow: GET, PATCH only what changed, GET again and compare.
 * Field definitions come from Campaign's metadata, fetched once per connection.
 */
export function createProfileService(deps: ProfileServiceDeps) {
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

  async function report(connectionId: string, client: CampaignClient, raw: RawProfile, sent: Record<string, FieldValue>): Promise<VerifyReport> {
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

  return {
    /** One search box: a PKey, an email address (several profiles may share one) or a name/email prefix. */
    async find(connectionId: string, query: string): Promise<FindResult> {
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

    /** The next page of a search, following the server's own link. */
    async findMore(connectionId: string, next: string, kind: FindResult['kind']): Promise<FindResult> {
      const client = await deps.clientFor(connectionId);
      return toFindResult(kind, await client.listPageAt(next));
    },

    async load(connectionId: string, pkey: string): Promise<LoadedProfile> {
      const client = await deps.clientFor(connectionId);
      const [fields, raw] = await Promise.all([fieldsFor(connectionId, client), client.getProfile(pkey)]);
      return toLoaded(connectionId, raw, fields);
    },

    async save(connectionId: string, pkey: string, changes: Record<string, FieldValue>, base: SaveBase, undoOf?: string): Promise<SaveOutcome> {
      const key = `${connectionId}\u0000${pkey}`;
      if (saving.has(key)) throw deskError('busy', 'A save of this profile is already running');
      saving.add(key);
      try {
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
        const outcome = (patch: { ok: boolean; status?: number; errorKind?: string; message?: string }, verification?: AuditVerification) =>
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
      } finally {
        saving.delete(key);
      }
    },

    async verify(connectionId: string, pkey: string, sent: Record<string, FieldValue>): Promise<VerifyReport> {
      const client = await deps.clientFor(connectionId);
      return report(connectionId, client, await client.getProfile(pkey), sent);
    },

    /** After a connection changes or is deleted its cached field list may be wrong. */
    forget(connectionId: string): void {
      fieldCache.delete(connectionId);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
