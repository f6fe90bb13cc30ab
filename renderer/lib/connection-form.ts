/**
 * The logic of the connection form, kept pure so it is unit-tested: which fields a sign-in method needs,
 * the checks before anything is sent, the request that is sent, and which field a failed test points to.
 */
import type { ApiName, AuthMode, ConnectionCheck, ConnectionSummary, Environment, SaveConnectionRequest } from '../../main/model/connection';
import type { AppError } from '../../main/model/errors';
import { errorText, type ErrorText } from './error-text';
import type { MessageKey } from './i18n/en';
import type { Params } from './i18n/translate';

export type FieldName =
  | 'name'
  | 'environment'
  | 'tenant'
  | 'apiName'
  | 'authMode'
  | 'apiKey'
  | 'clientSecret'
  | 'scopes'
  | 'accessToken'
  | 'baseUrl'
  | 'imsUrl';

/** Top to bottom, as the form shows them: the first field with a problem gets the focus. */
export const FIELD_ORDER: readonly FieldName[] = [
  'name',
  'environment',
  'tenant',
  'apiName',
  'authMode',
  'apiKey',
  'clientSecret',
  'scopes',
  'accessToken',
  'baseUrl',
  'imsUrl',
];

/** Fields inside the folded "Advanced settings". */
export const ADVANCED_FIELDS: readonly FieldName[] = ['baseUrl', 'imsUrl'];

export interface FormValues {
  name: string;
  /** '' until the operator chooses: production vs. stage is never a silent default. */
  environment: Environment | '';
  tenant: string;
  apiName: ApiName;
  authMode: AuthMode;
  apiKey: string;
  clientSecret: string;
  scopes: string;
  accessToken: string;
  baseUrl: string;
  imsUrl: string;
}

export interface Problem {
  key: MessageKey;
  params?: Params;
}
export type Problems = Partial<Record<FieldName, Problem>>;

/** Secrets and scopes are never pre-filled: on edit, empty means "keep what is stored". */
export function initialValues(stored?: ConnectionSummary): FormValues {
  return {
    name: stored?.name ?? '',
    environment: stored?.environment ?? '',
    tenant: stored?.tenant ?? '',
    apiName: stored?.apiName ?? 'profileAndServices',
    authMode: stored?.authMode ?? 'oauth',
    apiKey: '',
    clientSecret: '',
    scopes: '',
    accessToken: '',
    baseUrl: stored?.baseUrl ?? '',
    imsUrl: stored?.imsUrl ?? '',
  };
}

/** The fields the chosen sign-in method uses (others are hidden and never sent). */
export function fieldsFor(mode: AuthMode): readonly FieldName[] {
  return mode === 'oauth'
    ? ['name', 'environment', 'tenant', 'apiName', 'authMode', 'apiKey', 'clientSecret', 'scopes', 'baseUrl', 'imsUrl']
    : ['name', 'environment', 'tenant', 'apiName', 'authMode', 'apiKey', 'accessToken', 'baseUrl'];
}

const TENANT = /^[A-Za-z0-9_-]+$/;
const SCOPES = /^[A-Za-z0-9_.,:/ -]+$/;
const SECRET_MAX = 8192;

/**
 * Operators often paste the whole Campaign address instead of the tenant name. Takes the tenant out of
 * "https://acme-mkt-prod1.campaign.adobe.com/…" or "https://mc.adobe.io/acme-mkt-prod1/campaign"; any other
 * text comes back trimmed and unchanged (the check then explains what is expected).
 */
export function tenantFromInput(text: string): string {
  const trimmed = text.trim();
  const host = /^(?:https?:\/\/)?([A-Za-z0-9_-]+)\.campaign\.adobe\.com(?:[/:?#]|$)/i.exec(trimmed);
  if (host?.[1]) return host[1];
  const gateway = /^(?:https?:\/\/)?mc\.adobe\.io\/([A-Za-z0-9_-]+)(?:[/?#]|$)/i.exec(trimmed);
  if (gateway?.[1]) return gateway[1];
  return trimmed;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The checks the contract would make, phrased for the operator; nothing is sent while one fails. */
export function checkForm(v: FormValues, stored?: ConnectionSummary): Problems {
  const found: Problems = {};
  const required: Problem = { key: 'connForm.errorRequired' };
  const tooLong = (max: number): Problem => ({ key: 'connForm.errorTooLong', params: { max } });
  const needed = fieldsFor(v.authMode);

  const name = v.name.trim();
  if (name === '') found.name = required;
  else if (name.length > 80) found.name = tooLong(80);

  if (v.environment === '') found.environment = { key: 'connForm.errorChoose' };

  const tenant = tenantFromInput(v.tenant);
  if (tenant === '') found.tenant = required;
  else if (!TENANT.test(tenant)) found.tenant = { key: 'connForm.errorTenant' };
  else if (tenant.length > 100) found.tenant = tooLong(100);

  const secret = (field: 'apiKey' | 'clientSecret' | 'accessToken') => {
    if (!needed.includes(field)) return;
    const value = v[field].trim();
    if (value === '' && !stored?.secrets[field].set) found[field] = required;
    else if (value.length > SECRET_MAX) found[field] = tooLong(SECRET_MAX);
  };
  secret('apiKey');
  secret('clientSecret');
  secret('accessToken');

  const scopes = v.scopes.trim();
  if (needed.includes('scopes') && scopes !== '') {
    if (scopes.length > 1000) found.scopes = tooLong(1000);
    else if (!SCOPES.test(scopes)) found.scopes = { key: 'connForm.errorScopes' };
  }

  for (const field of ['baseUrl', 'imsUrl'] as const) {
    if (!needed.includes(field)) continue;
    const url = v[field].trim();
    if (url !== '' && (!isHttpUrl(url) || url.length > 500)) found[field] = { key: 'connForm.errorUrl' };
  }
  return found;
}

export function firstProblem(problems: Problems): FieldName | undefined {
  return FIELD_ORDER.find((field) => problems[field]);
}

/** The request for saveConnection; call only when checkForm found nothing. Empty secrets are left out. */
export function toRequest(v: FormValues, stored?: ConnectionSummary): SaveConnectionRequest {
  const needed = fieldsFor(v.authMode);
  const request: SaveConnectionRequest = {
    name: v.name.trim(),
    tenant: tenantFromInput(v.tenant),
    environment: v.environment === '' ? 'stage' : v.environment,
    apiName: v.apiName,
    authMode: v.authMode,
    baseUrl: v.baseUrl.trim(),
    // A pasted-token connection keeps whatever token address it had, so switching back loses nothing.
    imsUrl: needed.includes('imsUrl') ? v.imsUrl.trim() : (stored?.imsUrl ?? ''),
  };
  if (stored) request.id = stored.id;
  for (const field of ['apiKey', 'clientSecret', 'accessToken', 'scopes'] as const) {
    const value = v[field].trim();
    if (needed.includes(field) && value !== '') request[field] = value;
  }
  return request;
}

// ---------- a failed "Save and test" ----------

/** What the form shows after "Save and test connection". */
export type TestOutcome =
  | { ok: true; connection: ConnectionSummary; check: ConnectionCheck }
  | { ok: false; error: AppError; text: ErrorText; /** no field to point to: focus the result itself */ focusHere: boolean };

export interface TestFailure {
  /** Title, what happened and what to do, for the result box. */
  text: ErrorText;
  /** The fields to mark, each with the short message shown next to it. */
  fields: Problems;
}

type Triple = Pick<ErrorText, 'title' | 'whatHappened' | 'whatToDo'>;
type TestProblem =
  | 'secretWrong'
  | 'clientIdUnknown'
  | 'credentials'
  | 'apiKey'
  | 'noCampaign'
  | 'tokenExpired'
  | 'missing'
  | 'badBaseUrl'
  | 'badTenant'
  | 'noAnswer';
/** Typed template literals: a key that does not exist in en.ts is a type error. */
const triple = (name: TestProblem): Triple => ({
  title: `connTest.${name}.title` as const,
  whatHappened: `connTest.${name}.happened` as const,
  whatToDo: `connTest.${name}.todo` as const,
});

/**
 * Which value a failed connection test points to, so the form can name it, mark the field and move the
 * focus there. Errors no field can fix (Campaign down, keychain, …) fall back to the general explanation.
 */
export function explainTestFailure(
  error: AppError,
  connection: Pick<ConnectionSummary, 'authMode' | 'tenant' | 'baseUrl' | 'imsUrl'>,
): TestFailure {
  const params: Params = { tenant: connection.tenant };
  const result = (name: TestProblem, fields: Problems, extra: Partial<ErrorText> = {}): TestFailure => ({
    text: { ...triple(name), params, ...extra },
    fields,
  });
  const token = connection.authMode === 'token';

  switch (error.kind) {
    case 'invalidCredentials': {
      // IMS says which of the two it refused ("invalid client_secret parameter"); otherwise mark both.
      const says = `${error.serverMessage ?? ''} ${error.code ?? ''}`.toLowerCase();
      if (/client[_ ]secret/.test(says)) return result('secretWrong', { clientSecret: { key: 'connTest.field.secretWrong' } });
      if (/client[_ ]id/.test(says)) return result('clientIdUnknown', { apiKey: { key: 'connTest.field.clientIdUnknown' } });
      return result('credentials', {
        apiKey: { key: 'connTest.field.checkClientId' },
        clientSecret: { key: 'connTest.field.checkSecret' },
      });
    }
    case 'forbidden':
      if (error.code === '403000' || error.code === '403003') return result('apiKey', { apiKey: { key: 'connTest.field.apiKey' } });
      if (error.code === '403023') return result('noCampaign', { tenant: { key: 'connTest.field.noCampaign', params } });
      if (error.code === '403010' && token) return result('tokenExpired', { accessToken: { key: 'connTest.field.tokenExpired' } });
      return { text: errorText(error), fields: {} };
    case 'authExpired':
      return token
        ? result('tokenExpired', { accessToken: { key: 'connTest.field.tokenExpired' } })
        : { text: errorText(error), fields: {} };
    case 'notConfigured':
      return token
        ? result('missing', { apiKey: { key: 'connTest.field.missing' }, accessToken: { key: 'connTest.field.missing' } })
        : result('missing', { apiKey: { key: 'connTest.field.missing' }, clientSecret: { key: 'connTest.field.missing' } });
    case 'badAddress':
      return connection.baseUrl.trim() !== ''
        ? result('badBaseUrl', { baseUrl: { key: 'connTest.field.badBaseUrl' } })
        : result('badTenant', { tenant: { key: 'connTest.field.badTenant', params } });
    case 'network':
    case 'timeout': {
      const fields: Problems = {};
      if (connection.baseUrl.trim() !== '') fields.baseUrl = { key: 'connTest.field.noAnswer' };
      if (!token && connection.imsUrl.trim() !== '') fields.imsUrl = { key: 'connTest.field.noAnswer' };
      const custom = Object.keys(fields).length > 0;
      return result('noAnswer', fields, custom ? { whatToDo: 'connTest.noAnswer.todoAddresses' } : {});
    }
    default:
      return { text: errorText(error), fields: {} };
  }
}
