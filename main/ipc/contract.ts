/**
 * THE IPC contract: every channel, its request schema and its answer type.
 * Main validates requests with these schemas, the preload builds `window.desk` from `contract`,
 * the renderer imports the types only. Nothing here may import electron or node modules.
 */
import { z } from 'zod';

// ---------- results and errors ----------

/** Why a call failed. The renderer turns each kind into a sentence that says what to do. */
export const errorKinds = [
  'invalidRequest', // the IPC payload did not match the contract
  'notConfigured', // a secret the connection needs is not in the keychain
  'keychain', // the OS keychain refused or is unreachable
  'invalidCredentials', // Adobe IMS refused the client id or client secret
  'authExpired', // Campaign said 401: the access token is invalid or expired
  'forbidden', // Campaign said 403 (missing/invalid API key, no product profile)
  'notFound', // no profile with that PKey
  'invalidValue', // Campaign rejected a value (it reports this as HTTP 500)
  'badAddress', // unknown tenant or wrong base URL ("Oops" 500)
  'rateLimited', // 429
  'serverError', // other 5xx
  'network', // no answer: offline, DNS, refused, reset
  'timeout',
  'unexpectedAnswer', // an answer we cannot read
  'busy', // the same save is already running
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface AppError {
  kind: ErrorKind;
  /** Short technical summary in English, for IT. The operator-facing text comes from the renderer's i18n. */
  message: string;
  status?: number;
  /** Campaign's or the API gateway's error code, e.g. "401013", "RST-360011". */
  code?: string;
  /** Campaign's own message text, shown verbatim because it names the offending value. */
  serverMessage?: string;
  requestId?: string;
  retryAfterSeconds?: number;
  /** Multi-line text for "copy details for IT"; secrets are already redacted. */
  details: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

// ---------- shared value types ----------

export type Locale = 'de' | 'en';
export const apiNames = ['profileAndServices', 'profileAndServicesExt'] as const;
export type ApiName = (typeof apiNames)[number];
/** Production is marked unmistakably everywhere, so nobody edits it thinking it is stage. */
export const environments = ['production', 'stage'] as const;
export type Environment = (typeof environments)[number];
/** oauth: main gets and renews tokens itself (client id + secret). token: an access token pasted by the operator. */
export const authModes = ['oauth', 'token'] as const;
export type AuthMode = (typeof authModes)[number];
export const DEFAULT_SCOPES = 'openid,AdobeID,campaign_sdk,additional_info.projectedProductContext';

export type FieldValue = string | boolean | number | null;
export type FieldType = 'string' | 'email' | 'date' | 'datetime' | 'enum' | 'boolean' | 'integer';
export type FieldGroup = 'person' | 'contact' | 'address' | 'preferences' | 'optOuts' | 'custom' | 'system';

/** One editable (or locked) field of a profile; `path` is dotted for nested fields ("location.city"). */
export interface FieldDef {
  path: string;
  type: FieldType;
  group: FieldGroup;
  /** Campaign's own label, used when the app has no translation for this field. */
  label: string;
  maxLength?: number;
  values?: string[];
  /** Campaign's labels of enum values, where it gives them (custom enums have no app translation). */
  valueLabels?: Record<string, string>;
  readOnly: boolean;
}

export interface SecretStatus {
  set: boolean;
  /** At most the last four characters, so an operator can tell two keys apart. */
  last4?: string;
}

export interface ConnectionSummary {
  id: string;
  name: string;
  tenant: string;
  environment: Environment;
  apiName: ApiName;
  /** '' means Adobe's default, https://mc.adobe.io/<tenant>/campaign. */
  baseUrl: string;
  authMode: AuthMode;
  /** '' means Adobe's default token endpoint. */
  imsUrl: string;
  /** Not secret, but kept in the keychain with the credential it belongs to. */
  scopes: string;
  isDemo: boolean;
  /** apiKey is the OAuth client id. */
  secrets: { apiKey: SecretStatus; clientSecret: SecretStatus; accessToken: SecretStatus };
  /** When the current access token expires (ISO time), if known. */
  tokenExpiresAt?: string;
}

export interface LoadedProfile {
  connectionId: string;
  pkey: string;
  displayName: string;
  fields: FieldDef[];
  /** Flattened values keyed by FieldDef.path. */
  values: Record<string, FieldValue>;
}

/** One line of a search result: enough to tell people with the same name or email apart. */
export interface ProfileHit {
  pkey: string;
  name: string;
  email: string;
  city: string;
  lastModified: string;
}

export interface FindResult {
  /** How the query was understood. */
  kind: 'pkey' | 'email' | 'text';
  hits: ProfileHit[];
  /** Opaque: pass it back to get the next page; absent on the last page. */
  next?: string;
}

/** A field the operator edited that someone else changed since it was loaded. */
export interface FieldConflict {
  path: string;
  loaded: FieldValue;
  server: FieldValue;
  mine: FieldValue;
}

export interface FieldCheck {
  path: string;
  sent: FieldValue;
  /** The value the verifying GET returned; undefined when the field was absent. */
  server: FieldValue | undefined;
  match: boolean;
}

export interface VerifyReport {
  pkey: string;
  checkedAt: string;
  fields: FieldCheck[];
  allConfirmed: boolean;
  /** The profile as the verifying GET returned it, so the form can show the server's truth. */
  profile: LoadedProfile;
}

/** A PATCH that went through is never reported as failed because the verifying GET failed. */
/**
 * checked: the PATCH went through and the verifying GET ran; report.allConfirmed says whether every field matched.
 * notChecked: the PATCH went through but the verifying GET failed: "saved, not verified", never "verified".
 * conflict: nothing was sent: the profile changed on the server since it was loaded; the operator chooses.
 */
export type SaveOutcome =
  | { status: 'checked'; report: VerifyReport }
  | { status: 'notChecked'; sent: Record<string, FieldValue>; verifyError: AppError }
  | { status: 'conflict'; conflicts: FieldConflict[]; changedElsewhere: boolean; profile: LoadedProfile };

// ---------- history (the local audit trail) ----------

export type HistoryOutcome = 'confirmed' | 'different' | 'notVerified' | 'failed' | 'unknown';
export const historyOutcomes = ['confirmed', 'different', 'notVerified', 'failed', 'unknown'] as const;

export interface HistoryChange {
  path: string;
  old: FieldValue;
  new: FieldValue;
}

export interface HistoryRow {
  saveId: string;
  /** When the save started (the attempt), or the outcome's time if the attempt line was lost. */
  time: string;
  osUser: string;
  connection: { id: string; name: string; environment: Environment; tenant: string };
  pkey: string;
  profileName: string;
  changes: HistoryChange[];
  outcome: HistoryOutcome;
  /** Why a save failed or has no outcome; technical English, for IT. */
  note?: string;
  status?: number;
  errorKind?: string;
  verification?: { status: 'confirmed' | 'different' | 'notVerified'; fields?: Array<{ path: string; sent: FieldValue; server?: FieldValue; match: boolean }> };
  undoOf?: string;
}

export interface HistoryPage {
  rows: HistoryRow[];
  /** Lines of the audit file that could not be read (a torn last line after a crash). */
  skippedLines: number;
}

export const csvColumns = ['time', 'osUser', 'connection', 'environment', 'pkey', 'profileName', 'field', 'oldValue', 'newValue', 'outcome'] as const;

/** A saved-but-unsent edit of one profile, offered back after a crash, a restart or a failed save. */
export interface Draft {
  connectionId: string;
  pkey: string;
  profileName: string;
  /** The operator's edited values, by field path. */
  changes: Record<string, FieldValue>;
  /** The loaded values of those fields, so a later save still checks for conflicts. */
  base: { values: Record<string, FieldValue>; lastModified?: string };
  savedAt: string;
}

export interface AppInfo {
  locale: Locale;
  version: string;
}

export interface ConnectionCheck {
  profilesVisible: number;
  tokenExpiresAt?: string;
}

export interface KeychainStatus {
  available: true;
}

// ---------- request schemas ----------

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
// PKeys are opaque: only bound their size and forbid what could break out of a URL path segment.
const pkey = z.string().trim().min(1).max(512).regex(/^[^\s/?#]+$/);
const fieldPath = z.string().min(1).max(128).regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/);
const fieldValue = z.union([z.string().max(10_000), z.boolean(), z.number().finite(), z.null()]);
const secret = z.string().trim().min(1).max(8192);

const optionalUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);

export const saveConnectionRequest = z.strictObject({
  id: id.optional(),
  name: z.string().trim().min(1).max(80),
  tenant: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/),
  environment: z.enum(environments),
  apiName: z.enum(apiNames),
  /** Empty means Adobe's default, https://mc.adobe.io/<tenant>/campaign. */
  baseUrl: optionalUrl,
  authMode: z.enum(authModes),
  /** Empty means Adobe's default token endpoint. */
  imsUrl: optionalUrl,
  /** Omitted on edit means "keep the stored value"; for a new OAuth connection the default scopes apply. */
  scopes: z.string().trim().min(1).max(1000).regex(/^[A-Za-z0-9_.,:\/ -]+$/).optional(),
  /** Secrets: omitted on edit means "keep the stored value". apiKey is the OAuth client id. */
  apiKey: secret.optional(),
  clientSecret: secret.optional(),
  accessToken: secret.optional(),
});
export type SaveConnectionRequest = z.input<typeof saveConnectionRequest>;

export const connectionRef = z.strictObject({ connectionId: id });
export const profileRef = z.strictObject({ connectionId: id, pkey });
export const saveProfileRequest = z.strictObject({
  connectionId: id,
  pkey,
  changes: z.record(fieldPath, fieldValue).refine((c) => Object.keys(c).length > 0, 'no changes'),
  /** What the edit started from: the loaded values of the edited fields and the profile's lastModified. */
  base: z.strictObject({
    values: z.record(fieldPath, fieldValue),
    lastModified: z.string().max(64).optional(),
  }),
  /** The saveId of the history entry this save undoes. */
  undoOf: z.string().min(1).max(64).optional(),
});
const findKind = z.enum(['pkey', 'email', 'text']);
const fieldValues = z.record(fieldPath, fieldValue);
const editBase = z.strictObject({ values: fieldValues, lastModified: z.string().max(64).optional() });

export const historyFilter = z.strictObject({
  pkey: pkey.optional(),
  connectionId: id.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  outcome: z.enum(historyOutcomes).optional(),
});
const label = z.string().min(1).max(80);
export const csvLabels = z.strictObject({
  columns: z.strictObject(Object.fromEntries(csvColumns.map((c) => [c, label])) as Record<(typeof csvColumns)[number], typeof label>),
  environments: z.strictObject({ production: label, stage: label }),
  outcomes: z.strictObject(Object.fromEntries(historyOutcomes.map((o) => [o, label])) as Record<HistoryOutcome, typeof label>),
});
export type CsvLabels = z.output<typeof csvLabels>;
export const localeRequest = z.strictObject({ locale: z.enum(['de', 'en']) });

// ---------- the channel map ----------

interface ChannelDef<Req extends z.ZodType, Res> {
  name: string;
  request: Req;
  /** Type-only marker; never set at run time. */
  readonly response?: Res;
}
const channel =
  <Res>() =>
  <Req extends z.ZodType>(name: string, request: Req): ChannelDef<Req, Res> => ({ name, request });

export const contract = {
  getAppInfo: channel<AppInfo>()('app:get-info', z.undefined()),
  checkKeychain: channel<KeychainStatus>()('app:check-keychain', z.undefined()),
  setLocale: channel<AppInfo>()('app:set-locale', localeRequest),
  listConnections: channel<ConnectionSummary[]>()('connections:list', z.undefined()),
  saveConnection: channel<ConnectionSummary>()('connections:save', saveConnectionRequest),
  deleteConnection: channel<ConnectionSummary[]>()('connections:delete', connectionRef),
  startDemo: channel<ConnectionSummary>()('connections:start-demo', z.undefined()),
  testConnection: channel<ConnectionCheck>()('connections:test', connectionRef),
  findProfiles: channel<FindResult>()(
    'profile:find',
    z.strictObject({ connectionId: id, query: z.string().trim().min(1).max(320) }),
  ),
  findMoreProfiles: channel<FindResult>()(
    'profile:find-more',
    // next is the server's own link; main follows it only under the connection's base address.
    z.strictObject({ connectionId: id, next: z.url({ protocol: /^https?$/ }).max(2000), kind: findKind }),
  ),
  loadProfile: channel<LoadedProfile>()('profile:load', profileRef),
  saveProfile: channel<SaveOutcome>()('profile:save', saveProfileRequest),
  listHistory: channel<HistoryPage>()('history:list', historyFilter),
  exportHistory: channel<{ fileName: string; csv: string }>()(
    'history:export',
    z.strictObject({ filter: historyFilter, labels: csvLabels }),
  ),
  listDrafts: channel<Draft[]>()('drafts:list', z.undefined()),
  saveDraft: channel<Draft>()(
    'drafts:save',
    z.strictObject({ connectionId: id, pkey, profileName: z.string().max(200), changes: fieldValues, base: editBase }),
  ),
  discardDraft: channel<Draft[]>()('drafts:discard', profileRef),
  verifyProfile: channel<VerifyReport>()(
    'profile:verify',
    z.strictObject({ connectionId: id, pkey, sent: z.record(fieldPath, fieldValue) }),
  ),
} as const;

export type Contract = typeof contract;
export type ChannelKey = keyof Contract;
export type RequestOf<K extends ChannelKey> = z.output<Contract[K]['request']>;
export type ResponseOf<K extends ChannelKey> = NonNullable<Contract[K]['response']>;

/** What the preload exposes as `window.desk`: one named function per channel, nothing generic. */
export type DeskApi = {
  [K in ChannelKey]: (
    ...args: z.input<Contract[K]['request']> extends undefined ? [] : [request: z.input<Contract[K]['request']>]
  ) => Promise<Result<ResponseOf<K>>>;
};
