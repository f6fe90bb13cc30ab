/**
 * Turns an AppError into what the operator reads: a title, what happened and what to do.
 * Pure: returns message keys plus the values to put into them; the ErrorPanel translates.
 */
import type { AppError, ErrorKind } from '../../main/model/errors';
import { PolicyRule } from '../../main/model/policy';
import { en, type MessageKey } from './i18n/en';
import type { Params } from './i18n/translate';

export interface ErrorText {
  title: MessageKey;
  whatHappened: MessageKey;
  whatToDo: MessageKey;
  params: Params;
  /** Campaign's own words, to show verbatim below the explanation (unless they are already part of it). */
  campaignMessage?: string;
}

type Triple = Pick<ErrorText, 'title' | 'whatHappened' | 'whatToDo'>;

const byKind: Record<Exclude<ErrorKind, 'keychain' | 'policy'>, Triple> = {
  invalidRequest: {
    title: 'error.invalidRequest.title',
    whatHappened: 'error.invalidRequest.happened',
    whatToDo: 'error.invalidRequest.todo',
  },
  notConfigured: {
    title: 'error.notConfigured.title',
    whatHappened: 'error.notConfigured.happened',
    whatToDo: 'error.notConfigured.todo',
  },
  invalidCredentials: {
    title: 'error.invalidCredentials.title',
    whatHappened: 'error.invalidCredentials.happened',
    whatToDo: 'error.invalidCredentials.todo',
  },
  authExpired: {
    title: 'error.authExpired.title',
    whatHappened: 'error.authExpired.happened',
    whatToDo: 'error.authExpired.todo',
  },
  forbidden: { title: 'error.forbidden.title', whatHappened: 'error.forbidden.happened', whatToDo: 'error.forbidden.todo' },
  notFound: { title: 'error.notFound.title', whatHappened: 'error.notFound.happened', whatToDo: 'error.notFound.todo' },
  invalidValue: {
    title: 'error.invalidValue.title',
    whatHappened: 'error.invalidValue.happened',
    whatToDo: 'error.invalidValue.todo',
  },
  badAddress: { title: 'error.badAddress.title', whatHappened: 'error.badAddress.happened', whatToDo: 'error.badAddress.todo' },
  rateLimited: {
    title: 'error.rateLimited.title',
    whatHappened: 'error.rateLimited.happened',
    whatToDo: 'error.rateLimited.todo',
  },
  serverError: {
    title: 'error.serverError.title',
    whatHappened: 'error.serverError.happened',
    whatToDo: 'error.serverError.todo',
  },
  network: { title: 'error.network.title', whatHappened: 'error.network.happened', whatToDo: 'error.network.todo' },
  timeout: { title: 'error.timeout.title', whatHappened: 'error.timeout.happened', whatToDo: 'error.timeout.todo' },
  proxy: { title: 'error.proxy.title', whatHappened: 'error.proxy.happened', whatToDo: 'error.proxy.todo' },
  certificate: { title: 'error.certificate.title', whatHappened: 'error.certificate.happened', whatToDo: 'error.certificate.todo' },
  unexpectedAnswer: {
    title: 'error.unexpectedAnswer.title',
    whatHappened: 'error.unexpectedAnswer.happened',
    whatToDo: 'error.unexpectedAnswer.todo',
  },
  busy: { title: 'error.busy.title', whatHappened: 'error.busy.happened', whatToDo: 'error.busy.todo' },
  badFile: { title: 'error.badFile.title', whatHappened: 'error.badFile.happened', whatToDo: 'error.badFile.todo' },
  staleRun: { title: 'error.staleRun.title', whatHappened: 'error.staleRun.happened', whatToDo: 'error.staleRun.todo' },
  internal: { title: 'error.internal.title', whatHappened: 'error.internal.happened', whatToDo: 'error.internal.todo' },
};

export const keychainCodes = ['noDbus', 'noSecretService', 'locked', 'unavailable', 'other'] as const;
export type KeychainCode = (typeof keychainCodes)[number];

const keychain: Record<KeychainCode, Triple> = {
  noDbus: {
    title: 'error.keychain.noDbus.title',
    whatHappened: 'error.keychain.noDbus.happened',
    whatToDo: 'error.keychain.noDbus.todo',
  },
  noSecretService: {
    title: 'error.keychain.noSecretService.title',
    whatHappened: 'error.keychain.noSecretService.happened',
    whatToDo: 'error.keychain.noSecretService.todo',
  },
  locked: {
    title: 'error.keychain.locked.title',
    whatHappened: 'error.keychain.locked.happened',
    whatToDo: 'error.keychain.locked.todo',
  },
  unavailable: {
    title: 'error.keychain.unavailable.title',
    whatHappened: 'error.keychain.unavailable.happened',
    whatToDo: 'error.keychain.unavailable.todo',
  },
  other: {
    title: 'error.keychain.other.title',
    whatHappened: 'error.keychain.other.happened',
    whatToDo: 'error.keychain.other.todo',
  },
};

/** The API gateway's 403 codes say more precisely what is wrong. */
const forbiddenByCode: Record<string, Triple> = {
  '403000': {
    title: 'error.forbidden.apiKey.title',
    whatHappened: 'error.forbidden.apiKey.happened',
    whatToDo: 'error.forbidden.apiKey.todo',
  },
  '403003': {
    title: 'error.forbidden.apiKey.title',
    whatHappened: 'error.forbidden.apiKey.happened',
    whatToDo: 'error.forbidden.apiKey.todo',
  },
  '403010': {
    title: 'error.forbidden.noToken.title',
    whatHappened: 'error.forbidden.noToken.happened',
    whatToDo: 'error.forbidden.noToken.todo',
  },
  '403023': {
    title: 'error.forbidden.noProduct.title',
    whatHappened: 'error.forbidden.noProduct.happened',
    whatToDo: 'error.forbidden.noProduct.todo',
  },
};

function isKeychainCode(code: string | undefined): code is KeychainCode {
  return (keychainCodes as readonly string[]).includes(code ?? '');
}

export function errorText(error: AppError): ErrorText {
  const serverMessage = error.serverMessage?.trim() || undefined;
  const withCampaign = (triple: Triple, params: Params = {}): ErrorText =>
    serverMessage ? { ...triple, params, campaignMessage: serverMessage } : { ...triple, params };

  switch (error.kind) {
    case 'keychain':
      return withCampaign(keychain[isKeychainCode(error.code) ? error.code : 'other']);
    case 'forbidden': {
      const specific = error.code ? forbiddenByCode[error.code] : undefined;
      return withCampaign(specific ?? byKind.forbidden);
    }
    case 'invalidValue':
      // Campaign's message names the offending value: it is part of the sentence, so not repeated below.
      return serverMessage
        ? { ...byKind.invalidValue, params: { serverMessage } }
        : { ...byKind.invalidValue, whatHappened: 'error.invalidValue.happenedNoMessage', params: {} };
    case 'rateLimited': {
      const seconds = error.retryAfterSeconds;
      return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
        ? withCampaign({ ...byKind.rateLimited, whatToDo: 'error.rateLimited.todoSeconds' }, { seconds: Math.ceil(seconds) })
        : withCampaign(byKind.rateLimited);
    }
    case 'badFile':
      return badFileText(error);
    case 'policy':
      return policyText(error);
    default:
      return withCampaign(byKind[error.kind] ?? byKind.internal);
  }
}

/** What IT's policy refused (by its rule), or that the policy file itself is unusable. */
function policyText(error: AppError): ErrorText {
  const rule: PolicyRule = (Object.values(PolicyRule) as string[]).includes(error.code ?? '') ? (error.code as PolicyRule) : PolicyRule.connectionsLocked;
  const max = error.params?.['max'];
  return {
    title: `error.policy.${rule}.title`,
    whatHappened: `error.policy.${rule}.happened`,
    whatToDo: `error.policy.${rule}.todo`,
    params: typeof max === 'number' ? { max } : {},
  };
}

const megabytes = (bytes: unknown) => (typeof bytes === 'number' ? Math.max(1, Math.round(bytes / 1024 / 1024)) : '?');

/** A file that cannot be used: the reason (by its code, and where it has one, its kind), and the line. */
function badFileText(error: AppError): ErrorText {
  const p = error.params ?? {};
  const variant = typeof p['looksLike'] === 'string' ? p['looksLike'] : typeof p['reason'] === 'string' ? p['reason'] : undefined;
  const candidates = [variant ? `error.badFile.${error.code}.${variant}` : '', `error.badFile.${error.code}`];
  const happened = candidates.find((key): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key)) ?? 'error.badFile.happened';
  const params: Params = {
    line: error.line ?? '?',
    names: Array.isArray(p['names']) ? p['names'].join(', ') : '',
    megabytes: megabytes(p['bytes']),
    maxMegabytes: megabytes(p['maxBytes']),
    ...Object.fromEntries(Object.entries(p).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')),
  };
  return { ...byKind.badFile, whatHappened: happened, params };
}
