// Public types of the simulator; re-exported by server.ts, which is the module others import.

export interface ExtraClient {
  clientId: string;
  clientSecret: string;
  /** false = the credential has no Campaign product profile: its tokens get 403 403023 on Campaign calls. */
  campaignAccess: boolean;
}

export interface SimulatorOptions {
  tenant?: string; // default 'demo-tenant'
  apiKey?: string; // = the OAuth client id; default 'demo-client-id'
  clientSecret?: string; // default 'demo-client-secret'
  latencyMs?: number; // added before every answer, default 0
  tokenLifetimeSec?: number; // expires_in of issued tokens, default 86399
  rateLimit?: { requests: number; perSeconds: number } | null; // default null (off); excess gets 429 + Retry-After
  retryAfterSeconds?: number; // Retry-After value on 429, default 1
  profileCount?: number; // how many seeded profiles, default 60 (deterministic seed)
  port?: number; // default 0 (random)
  extraClients?: ExtraClient[]; // further IMS credentials, e.g. one without Campaign access
  wrapGetInContent?: boolean; // answer GET profile as {"content":[profile]} (one Adobe page shows that shape)
  // How resourceType/profile describes fields (the public docs do not show it). Only the description changes:
  // stored values, validation and writes (enum names) stay the same.
  enumShape?: EnumShape; // default 'labelled'
  sizedNumberTypes?: boolean; // describe age as int64 instead of long; default false
  timestampsAsStrings?: boolean; // describe created and lastModified as type "string"; default false
  enumsWithoutValues?: string[]; // enum fields described without any values, e.g. ['timeZone']; default []
}

/**
 * How enum values are listed: 'labelled' [{name, label}], 'names' ["male", …], 'keyed' {"male": {label, value: 1}, …}
 * (the number is Campaign's internal code; writes still take the name).
 */
export type EnumShape = 'labelled' | 'names' | 'keyed';

export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown; // parsed JSON or form fields when parseable, else the raw text; undefined when empty
  status: number; // 0 while unanswered, and for requests that never got an answer (reset, timeout, lostAnswer)
  at: number;
}

export interface Fault {
  method?: string;
  match?: RegExp | string; // against the path; a string matches as a substring
  times?: number; // default 1
  kind: 'status' | 'reset' | 'timeout' | 'malformed' | 'lostAnswer';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A running simulator, as the Demo and `npm run sim` use it. */
export interface Simulator {
  readonly baseUrl: string;
  readonly imsUrl: string;
  readonly tenant: string;
  readonly apiKey: string;
  readonly clientSecret: string;
  readonly accessToken: string;
  readonly profileCount: number;
  close(): Promise<void>;
}

/** The same simulator seen from a test: its request log, its data and its faults (test-hooks.ts). */
export interface TestSimulator extends Simulator {
  readonly requests: SimRequest[];
  clearRequests(): void;
  pkeys(): string[];
  getProfile(pkey: string): Record<string, unknown> | undefined;
  changeProfile(pkey: string, patch: Record<string, unknown>): void;
  expireTokens(): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  setNormalizer(field: string, fn: ((value: unknown) => unknown) | null): void;
}
