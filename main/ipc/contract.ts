/**
 * THE IPC contract: for every channel of channels.ts, the zod schema main validates its request with and
 * the type of its answer. The types themselves live in the model (main/model), which the domain imports;
 * each schema `satisfies` its model type, so the two cannot drift. The renderer imports this file type-only.
 */
import { z } from 'zod';
import { channels, type ChannelKey } from './channels';
import { apiNames, authModes, environments, locales, type AppInfo, type ConnectionCheck, type ConnectionSummary, type KeychainStatus, type Locale, type SaveConnectionRequest } from '../model/connection';
import type { Result } from '../model/errors';
import { csvColumns, historyOutcomes, type CsvLabels, type ExportHistoryRequest, type HistoryFilter, type HistoryPage } from '../model/history';
import { findKinds, type ConnectionRef, type FindMoreRequest, type FindRequest, type FindResult, type LoadedProfile, type ProfileRef } from '../model/profile';
import type { Draft, DraftInput, EditBase, SaveOutcome, SaveRequest, VerifyReport, VerifyRequest } from '../model/save';
import { rowOutcomes, rowProblems, type BulkMapping, type BulkPreview, type BulkRun, type BulkSettings, type OpenedSpreadsheet, type PreviewRow, type RowsFilter, type RowsRequest, type RunRow, type StartRunRequest } from '../model/bulk';
import type { SavedFile } from '../model/files';

// ---------- building blocks ----------

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
// PKeys are opaque: only bound their size and forbid what could break out of a URL path segment.
const pkey = z.string().trim().min(1).max(512).regex(/^[^\s/?#]+$/);
const fieldPath = z.string().min(1).max(128).regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/);
const fieldValue = z.union([z.string().max(10_000), z.boolean(), z.number().finite(), z.null()]);
const fieldValues = z.record(fieldPath, fieldValue);
const secret = z.string().trim().min(1).max(8192);
const optionalUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);
const editBase = z.strictObject({ values: fieldValues, lastModified: z.string().max(64).optional() }) satisfies z.ZodType<EditBase>;
const label = z.string().min(1).max(80);
const labelsFor = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, label])) as Record<K, typeof label>);

// ---------- request schemas ----------

export const saveConnectionRequest = z.strictObject({
  id: id.optional(),
  name: z.string().trim().min(1).max(80),
  tenant: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/),
  environment: z.enum(environments),
  apiName: z.enum(apiNames),
  baseUrl: optionalUrl,
  authMode: z.enum(authModes),
  imsUrl: optionalUrl,
  scopes: z.string().trim().min(1).max(1000).regex(/^[A-Za-z0-9_.,:\/ -]+$/).optional(),
  apiKey: secret.optional(),
  clientSecret: secret.optional(),
  accessToken: secret.optional(),
}) satisfies z.ZodType<SaveConnectionRequest>;

export const connectionRef = z.strictObject({ connectionId: id }) satisfies z.ZodType<ConnectionRef>;
export const profileRef = z.strictObject({ connectionId: id, pkey }) satisfies z.ZodType<ProfileRef>;
export const findRequest = z.strictObject({ connectionId: id, query: z.string().trim().min(1).max(320) }) satisfies z.ZodType<FindRequest>;
export const findMoreRequest = z.strictObject({
  connectionId: id,
  next: z.url({ protocol: /^https?$/ }).max(2000),
  kind: z.enum(findKinds),
}) satisfies z.ZodType<FindMoreRequest>;

export const saveProfileRequest = z.strictObject({
  connectionId: id,
  pkey,
  changes: fieldValues.refine((c) => Object.keys(c).length > 0, 'no changes'),
  base: editBase,
  profileName: z.string().max(200).optional(),
  undoOf: z.string().min(1).max(64).optional(),
  typedConfirmation: z.string().max(200).optional(),
}) satisfies z.ZodType<SaveRequest>;

export const verifyRequest = z.strictObject({ connectionId: id, pkey, sent: fieldValues }) satisfies z.ZodType<VerifyRequest>;

export const historyFilter = z.strictObject({
  pkey: pkey.optional(),
  connectionId: id.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  outcome: z.enum(historyOutcomes).optional(),
  runId: id.optional(),
}) satisfies z.ZodType<HistoryFilter>;

export const csvLabels = z.strictObject({
  columns: labelsFor(csvColumns),
  environments: labelsFor(environments),
  outcomes: labelsFor(historyOutcomes),
}) satisfies z.ZodType<CsvLabels>;

export const exportHistoryRequest = z.strictObject({ filter: historyFilter, labels: csvLabels }) satisfies z.ZodType<ExportHistoryRequest>;

export const draftInput = z.strictObject({
  connectionId: id,
  pkey,
  profileName: z.string().max(200),
  changes: fieldValues,
  base: editBase,
}) satisfies z.ZodType<DraftInput>;

// ---------- bulk changes ----------

const bulkId = z.uuid();
const column = z.number().int().nonnegative().max(10_000);
export const bulkMapping = z.strictObject({
  identity: z.strictObject({ by: z.enum(['pkey', 'email']), column }),
  columns: z.array(z.strictObject({ column, field: fieldPath.nullable(), clearWhenEmpty: z.boolean() })).max(10_000),
}) satisfies z.ZodType<BulkMapping>;

const rowsFilter = z.union([
  z.strictObject({ kind: z.enum(['all', 'change', 'unchanged', 'problem']) }),
  z.strictObject({ kind: z.literal('cause'), cause: z.enum(rowProblems) }),
  z.strictObject({ kind: z.literal('outcome'), outcome: z.enum(rowOutcomes) }),
]) satisfies z.ZodType<RowsFilter>;
export const rowsRequest = z.strictObject({
  id: bulkId,
  filter: rowsFilter,
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(500),
}) satisfies z.ZodType<RowsRequest>;

/** The largest file the app ever reads (IT's or the operator's limit may be lower). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const droppedFile = z.strictObject({
  connectionId: id,
  name: z.string().trim().min(1).max(255).regex(/^[^/\\]+$/),
  bytes: z.custom<Uint8Array>((b) => b instanceof Uint8Array, 'bytes expected').refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
});
const previewRef = z.strictObject({ previewId: bulkId });
const runRef = z.strictObject({ runId: bulkId });

export const localeRequest = z.strictObject({ locale: z.enum(locales) }) satisfies z.ZodType<{ locale: Locale }>;

// ---------- the channel map ----------

interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Type-only marker; never set at run time. */
  readonly response?: Res;
}
const answers =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request });

const none = z.undefined();

/** Every key of channels.ts, and no other (checked by `satisfies`). */
export const contract = {
  getAppInfo: answers<AppInfo>()(none),
  checkKeychain: answers<KeychainStatus>()(none),
  setLocale: answers<AppInfo>()(localeRequest),
  listConnections: answers<ConnectionSummary[]>()(none),
  saveConnection: answers<ConnectionSummary>()(saveConnectionRequest),
  deleteConnection: answers<ConnectionSummary[]>()(connectionRef),
  startDemo: answers<ConnectionSummary>()(none),
  testConnection: answers<ConnectionCheck>()(connectionRef),
  findProfiles: answers<FindResult>()(findRequest),
  findMoreProfiles: answers<FindResult>()(findMoreRequest),
  loadProfile: answers<LoadedProfile>()(profileRef),
  saveProfile: answers<SaveOutcome>()(saveProfileRequest),
  verifyProfile: answers<VerifyReport>()(verifyRequest),
  listHistory: answers<HistoryPage>()(historyFilter),
  exportHistory: answers<SavedFile>()(exportHistoryRequest),
  listDrafts: answers<Draft[]>()(none),
  saveDraft: answers<Draft>()(draftInput),
  discardDraft: answers<Draft[]>()(profileRef),
  bulkSettings: answers<BulkSettings>()(none),
  setBulkRate: answers<BulkSettings>()(z.strictObject({ requestsPerSecond: z.number().int().min(1).max(1000) })),
  chooseBulkFile: answers<OpenedSpreadsheet | null>()(connectionRef),
  openDroppedFile: answers<OpenedSpreadsheet>()(droppedFile),
  chooseSheet: answers<OpenedSpreadsheet>()(z.strictObject({ connectionId: id, fileId: bulkId, sheet: z.string().min(1).max(200) })),
  startPreview: answers<BulkPreview>()(z.strictObject({ connectionId: id, fileId: bulkId, mapping: bulkMapping })),
  previewStatus: answers<BulkPreview>()(previewRef),
  previewRows: answers<{ rows: PreviewRow[]; total: number }>()(rowsRequest),
  cancelPreview: answers<BulkPreview>()(previewRef),
  saveProblemRows: answers<SavedFile>()(previewRef),
  startRun: answers<BulkRun>()(z.strictObject({ previewId: bulkId, confirmCount: z.number().int().nonnegative().optional() }) satisfies z.ZodType<StartRunRequest>),
  runStatus: answers<BulkRun>()(runRef),
  runRows: answers<{ rows: RunRow[]; total: number }>()(rowsRequest),
  pauseRun: answers<BulkRun>()(runRef),
  resumeRun: answers<BulkRun>()(runRef),
  stopRun: answers<BulkRun>()(runRef),
  saveResults: answers<SavedFile>()(z.strictObject({ runId: bulkId, scope: z.enum(['all', 'failed']) })),
  unfinishedRuns: answers<BulkRun[]>()(none),
  continueRun: answers<BulkRun>()(runRef),
  undoRun: answers<BulkPreview>()(runRef),
} as const satisfies Record<ChannelKey, ChannelDef<z.ZodType, unknown>>;

export { channels, type ChannelKey };
export type Contract = typeof contract;
export type RequestOf<K extends ChannelKey> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends ChannelKey> = Exclude<Contract[K]['response'], undefined>;

/** What the preload exposes as `window.desk`: one named function per channel, nothing generic. */
export type DeskApi = {
  [K in ChannelKey]: (
    ...args: z.input<Contract[K]['request']> extends undefined ? [] : [request: z.input<Contract[K]['request']>]
  ) => Promise<Result<ResponseOf<K>>>;
};
