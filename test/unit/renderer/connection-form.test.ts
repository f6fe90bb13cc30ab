import { describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../../main/model/connection';
import type { AppError, ErrorKind } from '../../../main/model/errors';
import { saveConnectionRequest } from '../../../main/ipc/contract';
import {
  checkForm,
  explainTestFailure,
  fieldsFor,
  firstProblem,
  initialValues,
  tenantFromInput,
  toRequest,
  type FormValues,
} from '../../../renderer/lib/connection-form';
import { de } from '../../../renderer/lib/i18n/de';
import { en } from '../../../renderer/lib/i18n/en';
import { interpolate, placeholders } from '../../../renderer/lib/i18n/translate';

const stored: ConnectionSummary = {
  id: 'c1',
  name: 'Acme production',
  tenant: 'acme-mkt-prod1',
  environment: 'production',
  apiName: 'profileAndServices',
  baseUrl: '',
  authMode: 'oauth',
  imsUrl: '',
  scopes: 'openid,AdobeID',
  isDemo: false,
  secrets: { apiKey: { set: true, last4: '1a2b' }, clientSecret: { set: true, last4: '9z9z' }, accessToken: { set: false } },
};

const filled = (extra: Partial<FormValues> = {}): FormValues => ({
  ...initialValues(),
  name: 'Acme stage',
  environment: 'stage',
  tenant: 'acme-mkt-stage1',
  apiKey: 'client-id-123',
  clientSecret: 'p8e-secret',
  ...extra,
});

const err = (kind: ErrorKind, extra: Partial<AppError> = {}): AppError => ({ kind, message: 'x', details: 'd', ...extra });

describe('the form before sending', () => {
  it('starts a new connection with OAuth, no environment chosen and nothing secret', () => {
    const v = initialValues();
    expect(v.authMode).toBe('oauth');
    expect(v.environment).toBe('');
    expect([v.apiKey, v.clientSecret, v.accessToken, v.scopes]).toEqual(['', '', '', '']);
  });

  it('never pre-fills secrets or scopes when editing', () => {
    const v = initialValues(stored);
    expect(v).toMatchObject({ name: 'Acme production', environment: 'production', authMode: 'oauth', apiKey: '', clientSecret: '', scopes: '' });
  });

  it('OAuth needs client ID and client secret on create; token mode needs client ID and access token', () => {
    expect(checkForm(filled())).toEqual({});
    expect(Object.keys(checkForm(filled({ apiKey: '', clientSecret: ' ' }))).sort()).toEqual(['apiKey', 'clientSecret']);
    const token = filled({ authMode: 'token', clientSecret: '' });
    expect(Object.keys(checkForm(token))).toEqual(['accessToken']);
    expect(checkForm({ ...token, accessToken: 'eyJ…' })).toEqual({});
  });

  it('on edit, empty secrets mean "keep the stored ones"; a newly needed one is still required', () => {
    expect(checkForm(initialValues(stored), stored)).toEqual({});
    // Switching a stored OAuth connection to a pasted token: no token is stored yet.
    expect(Object.keys(checkForm({ ...initialValues(stored), authMode: 'token' }, stored))).toEqual(['accessToken']);
  });

  it('asks for the environment instead of guessing it', () => {
    expect(checkForm(filled({ environment: '' })).environment?.key).toBe('connForm.errorChoose');
  });

  it('checks tenant, scopes and addresses, and points to the first problem from the top', () => {
    const problems = checkForm(filled({ tenant: 'acme mkt', scopes: 'openid;drop', baseUrl: 'mc.adobe.io', imsUrl: 'ftp://x' }));
    expect(problems.tenant?.key).toBe('connForm.errorTenant');
    expect(problems.scopes?.key).toBe('connForm.errorScopes');
    expect(problems.baseUrl?.key).toBe('connForm.errorUrl');
    expect(problems.imsUrl?.key).toBe('connForm.errorUrl');
    expect(firstProblem(problems)).toBe('tenant');
    expect(firstProblem(checkForm(filled({ name: '', imsUrl: 'x' })))).toBe('name');
  });

  it('takes the tenant out of a pasted Campaign address', () => {
    expect(tenantFromInput(' https://acme-mkt-prod1.campaign.adobe.com/view/home ')).toBe('acme-mkt-prod1');
    expect(tenantFromInput('acme-mkt-stage1.campaign.adobe.com')).toBe('acme-mkt-stage1');
    expect(tenantFromInput('https://mc.adobe.io/acme-mkt-prod1/campaign/profileAndServices')).toBe('acme-mkt-prod1');
    expect(tenantFromInput('acme-mkt-prod1')).toBe('acme-mkt-prod1');
    expect(tenantFromInput('https://example.com/acme')).toBe('https://example.com/acme');
  });
});

describe('the request', () => {
  it('a new OAuth connection: what the contract accepts, default scopes left to main', () => {
    const request = toRequest(filled({ tenant: 'https://acme-mkt-stage1.campaign.adobe.com', baseUrl: ' ', imsUrl: 'http://127.0.0.1:9/ims/token/v3' }));
    expect(request).toEqual({
      name: 'Acme stage',
      tenant: 'acme-mkt-stage1',
      environment: 'stage',
      apiName: 'profileAndServices',
      authMode: 'oauth',
      baseUrl: '',
      imsUrl: 'http://127.0.0.1:9/ims/token/v3',
      apiKey: 'client-id-123',
      clientSecret: 'p8e-secret',
    });
    expect(saveConnectionRequest.safeParse(request).success).toBe(true);
  });

  it('never sends a secret of the other sign-in method, nor an empty one', () => {
    const request = toRequest(filled({ authMode: 'token', accessToken: ' tok ', clientSecret: 'left-over', scopes: 'x' }));
    expect(request.accessToken).toBe('tok');
    expect(request).not.toHaveProperty('clientSecret');
    expect(request).not.toHaveProperty('scopes');
    expect(saveConnectionRequest.safeParse(request).success).toBe(true);
  });

  it('on edit: the id, and only what was typed', () => {
    const request = toRequest({ ...initialValues(stored), name: 'Acme live' }, stored);
    expect(request).toMatchObject({ id: 'c1', name: 'Acme live', environment: 'production' });
    for (const key of ['apiKey', 'clientSecret', 'accessToken', 'scopes']) expect(request).not.toHaveProperty(key);
    expect(saveConnectionRequest.safeParse(request).success).toBe(true);
  });

  it('hides and sends only the fields of the chosen sign-in method', () => {
    expect(fieldsFor('oauth')).toEqual(expect.arrayContaining(['apiKey', 'clientSecret', 'scopes', 'imsUrl']));
    expect(fieldsFor('oauth')).not.toContain('accessToken');
    expect(fieldsFor('token')).toEqual(expect.arrayContaining(['apiKey', 'accessToken']));
    expect(fieldsFor('token')).not.toContain('clientSecret');
  });
});

describe('which field a failed test points to', () => {
  const oauth = { authMode: 'oauth' as const, tenant: 'acme-mkt-prod1', baseUrl: '', imsUrl: '' };
  const token = { ...oauth, authMode: 'token' as const };
  const fields = (e: AppError, c: Parameters<typeof explainTestFailure>[1] = oauth) => Object.keys(explainTestFailure(e, c).fields);

  it('IMS refused: the value IMS names, else both', () => {
    const secret = explainTestFailure(err('invalidCredentials', { code: 'invalid_client', serverMessage: 'invalid client_secret parameter' }), oauth);
    expect(Object.keys(secret.fields)).toEqual(['clientSecret']);
    expect(en[secret.text.title]).toMatch(/client secret/);
    expect(fields(err('invalidCredentials', { code: 'invalid_client', serverMessage: 'invalid client_id parameter' }))).toEqual(['apiKey']);
    expect(fields(err('invalidCredentials', { code: 'invalid_client' })).sort()).toEqual(['apiKey', 'clientSecret']);
  });

  it('gateway 403: client ID for 403000/403003, tenant for 403023 (named in the text)', () => {
    expect(fields(err('forbidden', { code: '403003' }))).toEqual(['apiKey']);
    expect(fields(err('forbidden', { code: '403000' }))).toEqual(['apiKey']);
    const noCampaign = explainTestFailure(err('forbidden', { code: '403023' }), oauth);
    expect(Object.keys(noCampaign.fields)).toEqual(['tenant']);
    expect(interpolate(en[noCampaign.text.title], noCampaign.text.params)).toBe('This credential has no Campaign access for tenant acme-mkt-prod1');
    expect(interpolate(de[noCampaign.text.title], noCampaign.text.params)).toContain('acme-mkt-prod1');
    expect(fields(err('forbidden', { code: '999999' }))).toEqual([]);
  });

  it('an expired or missing pasted token points to the access token', () => {
    expect(fields(err('authExpired', { status: 401 }), token)).toEqual(['accessToken']);
    expect(fields(err('forbidden', { code: '403010' }), token)).toEqual(['accessToken']);
    expect(fields(err('authExpired', { status: 401 }), oauth)).toEqual([]);
    expect(fields(err('notConfigured'), token).sort()).toEqual(['accessToken', 'apiKey']);
    expect(fields(err('notConfigured'), oauth).sort()).toEqual(['apiKey', 'clientSecret']);
  });

  it('unknown tenant or base address: the address that was used', () => {
    expect(fields(err('badAddress'))).toEqual(['tenant']);
    expect(fields(err('badAddress'), { ...oauth, baseUrl: 'https://proxy.example/campaign' })).toEqual(['baseUrl']);
  });

  it('no answer: the custom addresses if any, otherwise the network', () => {
    expect(fields(err('network'))).toEqual([]);
    expect(explainTestFailure(err('network'), oauth).text.whatToDo).toBe('connTest.noAnswer.todo');
    const custom = explainTestFailure(err('timeout'), { ...oauth, baseUrl: 'https://a.example', imsUrl: 'https://b.example' });
    expect(Object.keys(custom.fields).sort()).toEqual(['baseUrl', 'imsUrl']);
    expect(custom.text.whatToDo).toBe('connTest.noAnswer.todoAddresses');
    expect(fields(err('network'), { ...token, imsUrl: 'https://b.example' })).toEqual([]); // no token address in token mode
  });

  it('keychain and Campaign trouble: the general explanation, no field', () => {
    const keychain = explainTestFailure(err('keychain', { code: 'locked' }), oauth);
    expect(keychain.fields).toEqual({});
    expect(keychain.text.title).toBe('error.keychain.locked.title');
    expect(explainTestFailure(err('serverError', { status: 503 }), oauth).fields).toEqual({});
  });

  it('every text it uses exists in both languages with its placeholders filled', () => {
    const cases: AppError[] = [
      err('invalidCredentials', { serverMessage: 'invalid client_secret parameter' }),
      err('invalidCredentials', { serverMessage: 'invalid client_id parameter' }),
      err('invalidCredentials'),
      err('forbidden', { code: '403003' }),
      err('forbidden', { code: '403023' }),
      err('authExpired'),
      err('notConfigured'),
      err('badAddress'),
      err('network'),
      err('timeout'),
    ];
    for (const c of [oauth, token, { ...oauth, baseUrl: 'https://a.example', imsUrl: 'https://b.example' }]) {
      for (const e of cases) {
        const { text, fields: marked } = explainTestFailure(e, c);
        const keys = [text.title, text.whatHappened, text.whatToDo, ...Object.values(marked).map((p) => p!.key)];
        const params = { ...text.params, ...Object.assign({}, ...Object.values(marked).map((p) => p!.params ?? {})) };
        for (const key of keys) {
          expect(en[key], key).toBeTruthy();
          expect(de[key], key).toBeTruthy();
          for (const name of placeholders(en[key])) expect(params, `${key} needs {${name}}`).toHaveProperty(name);
        }
      }
    }
  });
});
