import { describe, expect, it } from 'vitest';
import { type AppError, type ErrorKind, errorKinds } from '../../../main/model/errors';
import { PolicyRule } from '../../../main/model/policy';
import { errorText, keychainCodes } from '../../../renderer/lib/error-text';
import { de } from '../../../renderer/lib/i18n/de';
import { en } from '../../../renderer/lib/i18n/en';
import { interpolate, placeholders } from '../../../renderer/lib/i18n/translate';

const err = (kind: ErrorKind, extra: Partial<AppError> = {}): AppError => ({ kind, message: 'x', details: 'details', ...extra });

function expectKeysExist(error: AppError) {
  const text = errorText(error);
  for (const key of [text.title, text.whatHappened, text.whatToDo]) {
    expect(en[key], `${error.kind}: ${key} in en`).toBeTruthy();
    expect(de[key], `${error.kind}: ${key} in de`).toBeTruthy();
    // every placeholder the text uses is provided
    for (const name of placeholders(en[key])) expect(text.params, `${key} needs {${name}}`).toHaveProperty(name);
  }
  return text;
}

describe('errorText', () => {
  it('maps every error kind to existing keys in both languages', () => {
    for (const kind of errorKinds) expectKeysExist(err(kind));
  });

  it('gives each kind its own title (none falls back silently)', () => {
    const titles = new Set(errorKinds.filter((k) => k !== 'keychain').map((k) => errorText(err(k)).title));
    expect(titles.size).toBe(errorKinds.length - 1);
  });

  it('explains each keychain problem separately and falls back to "other"', () => {
    const titles = keychainCodes.map((code) => expectKeysExist(err('keychain', { code })).title);
    expect(new Set(titles).size).toBe(keychainCodes.length);
    expect(errorText(err('keychain', { code: 'weird' })).title).toBe('error.keychain.other.title');
    expect(errorText(err('keychain')).title).toBe('error.keychain.other.title');
  });

  it('explains each of IT’s policy rules separately, with the limit where there is one', () => {
    const titles = Object.values(PolicyRule).map((code) => expectKeysExist(err('policy', { code, params: { max: 8 } })).title);
    expect(new Set(titles).size).toBe(Object.values(PolicyRule).length);
    const rate = errorText(err('policy', { code: 'rateLimit', params: { max: 8 } }));
    expect(interpolate(de[rate.whatHappened], rate.params)).toBe('Ihre IT erlaubt höchstens 8 Anfragen pro Sekunde.');
    expect(errorText(err('policy', { code: 'unheard-of' })).title).toBe('error.policy.connectionsLocked.title');
  });

  it("quotes Campaign's message verbatim for a rejected value", () => {
    const serverMessage = "RST-360011 The value 'x' is not valid for the 'nms:recipient:gender' enumeration {0}";
    const text = expectKeysExist(err('invalidValue', { serverMessage, status: 500 }));
    expect(interpolate(en[text.whatHappened], text.params)).toContain(serverMessage);
    expect(interpolate(de[text.whatHappened], text.params)).toContain(serverMessage);
    expect(text.campaignMessage).toBeUndefined(); // not shown twice
    expect(errorText(err('invalidValue')).whatHappened).toBe('error.invalidValue.happenedNoMessage');
  });

  it('says how long to wait when Campaign asks to', () => {
    const text = expectKeysExist(err('rateLimited', { retryAfterSeconds: 30 }));
    expect(interpolate(en[text.whatToDo], text.params)).toContain('30 seconds');
    expect(interpolate(de[text.whatToDo], text.params)).toContain('30 Sekunden');
    expect(errorText(err('rateLimited')).whatToDo).toBe('error.rateLimited.todo');
  });

  it('says the access token expired after 24 hours and where to paste a new one', () => {
    const text = expectKeysExist(err('authExpired', { status: 401, code: '401013' }));
    expect(en[text.whatHappened]).toContain('24 hours');
    expect(en[text.whatToDo]).toMatch(/connection settings/);
    expect(de[text.whatHappened]).toContain('24 Stunden');
  });

  it('is more precise for the gateway 403 codes', () => {
    expect(expectKeysExist(err('forbidden', { code: '403003' })).title).toBe('error.forbidden.apiKey.title');
    expect(expectKeysExist(err('forbidden', { code: '403023' })).title).toBe('error.forbidden.noProduct.title');
    expect(expectKeysExist(err('forbidden', { code: '403010' })).title).toBe('error.forbidden.noToken.title');
    expect(errorText(err('forbidden', { code: '999' })).title).toBe('error.forbidden.title');
  });

  it("shows Campaign's own message separately for other kinds", () => {
    expect(errorText(err('notFound', { serverMessage: 'RST-360011 not found' })).campaignMessage).toBe('RST-360011 not found');
    expect(errorText(err('network')).campaignMessage).toBeUndefined();
  });

  it('does not use developer words in the operator texts', () => {
    for (const kind of errorKinds) {
      const text = errorText(err(kind));
      for (const key of [text.title, text.whatHappened, text.whatToDo]) {
        for (const dict of [en, de]) expect(dict[key]).not.toMatch(/\b(PATCH|PKey|HTTP|API error|IPC)\b/);
      }
    }
  });
});
