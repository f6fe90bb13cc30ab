/** Connections to Campaign as both processes see them: settings and the state of their secrets, never a secret. */
import type { PolicyView } from './policy';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

export const apiNames = ['profileAndServices', 'profileAndServicesExt'] as const;
export type ApiName = (typeof apiNames)[number];

/** Production is marked unmistakably everywhere, so nobody edits it thinking it is stage. */
export const environments = ['production', 'stage'] as const;
export type Environment = (typeof environments)[number];

/** oauth: main gets and renews tokens itself (client id + secret). token: an access token pasted by the operator. */
export const authModes = ['oauth', 'token'] as const;
export type AuthMode = (typeof authModes)[number];

export const DEFAULT_SCOPES = 'openid,AdobeID,campaign_sdk,additional_info.projectedProductContext';

export interface SecretStatus {
  set: boolean;
  /** At most the last four characters, so an operator can tell two keys apart. */
  last4?: string;
}

/** Where a connection points and how it signs in: what the operator (or IT) sets, never a secret. */
export interface ConnectionSettings {
  name: string;
  tenant: string;
  environment: Environment;
  apiName: ApiName;
  /** '' means Adobe's default, https://mc.adobe.io/<tenant>/campaign. */
  baseUrl: string;
  authMode: AuthMode;
  /** '' means Adobe's default token endpoint. */
  imsUrl: string;
}

export interface ConnectionSummary extends ConnectionSettings {
  id: string;
  /** Not secret, but kept in the keychain with the credential it belongs to. */
  scopes: string;
  isDemo: boolean;
  /** Set up by IT in the policy file: its settings cannot be changed here, only its secrets entered. */
  managed?: true;
  /** apiKey is the OAuth client id. */
  secrets: { apiKey: SecretStatus; clientSecret: SecretStatus; accessToken: SecretStatus };
  /** When the current access token expires (ISO time), if known. */
  tokenExpiresAt?: string;
}

/** Who and where, as the audit trail records it. */
export type ConnectionInfo = Pick<ConnectionSummary, 'id' | 'name' | 'environment' | 'tenant'>;

/** Add (no id) or edit a connection. An omitted secret or scope on edit keeps the stored value. */
export interface SaveConnectionRequest extends ConnectionSettings {
  id?: string;
  /** Omitted on edit means "keep the stored value"; for a new OAuth connection the default scopes apply. */
  scopes?: string;
  /** apiKey is the OAuth client id. */
  apiKey?: string;
  clientSecret?: string;
  accessToken?: string;
}

export interface ConnectionCheck {
  profilesVisible: number;
  tokenExpiresAt?: string;
}

export interface AppInfo {
  locale: Locale;
  version: string;
  /** IT's policy in force (state 'none' without one). */
  policy: PolicyView;
}

export interface KeychainStatus {
  available: true;
}
