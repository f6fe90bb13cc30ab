import type { ConnectionInfo } from '../model/connection';
import type { FieldDef, FindKind, FindResult, LoadedProfile, ProfileHit } from '../model/profile';
import type { SaveOutcome, SaveRequest, VerifyReport, VerifyRequest } from '../model/save';
import { classifyQuery } from '../model/search-query';
import { confirmsName, PolicyRule } from '../model/policy';
import type { AuditLog } from '../audit/audit-log';
import type { CampaignClient, ListPage, RawProfile } from '../campaign/client';
import { displayName, fieldsFromMetadata, readPath } from '../campaign/field-catalog';
import type { DraftStore } from '../drafts/draft-store';
import { DeskError, deskError } from '../errors/desk-error';
import { saveChanges, toLoaded, verifyReport, type SaveFlowDeps, type SaveTarget } from './save-flow';

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
  /** IT's policy: a save to production needs the connection's name typed. */
  confirmProductionSaves?: boolean;
  now?: () => Date;
}

const PAGE_SIZE = 25;

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
  async function checkConfirmation(connectionId: string, typed: string | undefined): Promise<void> {
    const connection = await deps.describeConnection(connectionId);
    if (connection.environment === 'production' && !confirmsName(typed, connection.name)) {
      throw deskError('policy', `IT's policy asks for the connection's name ("${connection.name}") to be typed before saving to production`, {
        code: PolicyRule.confirmationRequired,
      });
    }
  }

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

  const flow: SaveFlowDeps = { audit: deps.audit, describeConnection: deps.describeConnection, now };

  async function targetOf(connectionId: string): Promise<SaveTarget> {
    const client = await deps.clientFor(connectionId);
    return { connectionId, client, fields: await fieldsFor(connectionId, client) };
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
      if (deps.confirmProductionSaves) await checkConfirmation(connectionId, request.typedConfirmation);
      const key = `${connectionId}\u0000${pkey}`;
      if (saving.has(key)) throw deskError('busy', 'A save of this profile is already running');
      saving.add(key);
      try {
        // The draft first: whatever happens to the save, the edits survive a crash or a restart. It is a
        // safety net, so a draft that cannot be written does not stop the save the operator asked for.
        const profileName = (request.profileName ?? '').trim().slice(0, 200);
        await deps.drafts.save({ connectionId, pkey, profileName, changes: request.changes, base: request.base }).catch(() => undefined);
        const outcome = await saveChanges(flow, await targetOf(connectionId), request);
        // Once Campaign has the change, the draft has done its job; after a conflict the edits stay drafted.
        if (outcome.status !== 'conflict') await deps.drafts.discard(connectionId, pkey);
        return outcome;
      } finally {
        saving.delete(key);
      }
    },

    async verify({ connectionId, pkey, sent }) {
      const target = await targetOf(connectionId);
      return verifyReport(target, await target.client.getProfile(pkey), sent, now());
    },

    forget(connectionId) {
      fieldCache.delete(connectionId);
    },
  };
}
