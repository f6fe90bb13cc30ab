/**
 * Why a call failed, as both processes see it. Main throws DeskError carrying an AppError; the IPC boundary
 * answers `{ok: false, error}` because thrown errors lose their shape over IPC; the renderer turns each kind
 * into a sentence that says what to do.
 */

/** The kinds of failure; const objects rather than TS enums, so every tool (Svelte, esbuild, Node) can strip them. */
export const ErrorKind = {
  /** The IPC payload did not match the contract. */
  invalidRequest: 'invalidRequest',
  /** A secret the connection needs is not in the keychain. */
  notConfigured: 'notConfigured',
  /** The OS keychain refused or is unreachable; AppError.code holds a KeychainReason. */
  keychain: 'keychain',
  /** Adobe IMS refused the client id or client secret. */
  invalidCredentials: 'invalidCredentials',
  /** Campaign said 401: the access token is invalid or expired. */
  authExpired: 'authExpired',
  /** Campaign said 403 (missing/invalid API key, no product profile). */
  forbidden: 'forbidden',
  /** No profile with that PKey. */
  notFound: 'notFound',
  /** Campaign rejected a value (it reports this as HTTP 500). */
  invalidValue: 'invalidValue',
  /** Unknown tenant or wrong base URL ("Oops" 500). */
  badAddress: 'badAddress',
  rateLimited: 'rateLimited',
  /** Other 5xx. */
  serverError: 'serverError',
  /** No answer: offline, DNS, refused, reset. */
  network: 'network',
  timeout: 'timeout',
  /** The company proxy refused the connection (a CONNECT refused, 407) or could not be reached. */
  proxy: 'proxy',
  /** This computer does not trust the certificate Campaign's (or IMS's) address presented: waiting does not cure it. */
  certificate: 'certificate',
  /** An answer we cannot read. */
  unexpectedAnswer: 'unexpectedAnswer',
  /** The same save is already running. */
  busy: 'busy',
  /** A spreadsheet that cannot be used; AppError.code says why (a FileProblem), line and params where. */
  badFile: 'badFile',
  /** A bulk change that no longer fits its preview or file (changed on disk, other mapping). */
  staleRun: 'staleRun',
  /** IT's policy does not allow this, or the policy file itself is unusable; AppError.code holds a PolicyRule. */
  policy: 'policy',
  internal: 'internal',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];
export const errorKinds = Object.values(ErrorKind) as [ErrorKind, ...ErrorKind[]];

/** Why the OS keychain failed, in AppError.code, so the operator (or IT) is told what to do. */
export const KeychainReason = {
  noDbus: 'noDbus',
  noSecretService: 'noSecretService',
  locked: 'locked',
  /** The keychain backend itself could not be loaded (Linux without libsecret). */
  unavailable: 'unavailable',
  other: 'other',
} as const;
export type KeychainReason = (typeof KeychainReason)[keyof typeof KeychainReason];
export const keychainReasons = Object.values(KeychainReason) as [KeychainReason, ...KeychainReason[]];

export interface AppError {
  kind: ErrorKind;
  /** Short technical summary in English, for IT. The operator-facing text comes from the renderer's i18n. */
  message: string;
  status?: number;
  /** Campaign's or the API gateway's error code, e.g. "401013", "RST-360011"; a KeychainReason for kind keychain. */
  code?: string;
  /** Campaign's own message text, shown verbatim because it names the offending value. */
  serverMessage?: string;
  requestId?: string;
  retryAfterSeconds?: number;
  /** A line of a file the problem is on (badFile). */
  line?: number;
  /** Values the operator-facing text needs (badFile: the limit, the duplicate headings, …). */
  params?: Record<string, string | number | string[]>;
  /** Multi-line text for "copy details for IT"; secrets are already redacted. */
  details: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Errors the operator fixes in the connection's settings (a new token, a corrected key or address) or the keychain. */
const FIXED_IN_SETTINGS: ReadonlySet<ErrorKind> = new Set([
  ErrorKind.authExpired,
  ErrorKind.invalidCredentials,
  ErrorKind.notConfigured,
  ErrorKind.forbidden,
  ErrorKind.badAddress,
  ErrorKind.keychain,
]);

export function fixableInSettings(error: Pick<AppError, 'kind'>): boolean {
  return FIXED_IN_SETTINGS.has(error.kind);
}
