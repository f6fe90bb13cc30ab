/** The history's outcome words, shared by its filter, its table and its CSV labels. */
import type { HistoryOutcome } from '../../main/model/history';
import type { MessageKey } from './i18n/en';

export const outcomeKey: Record<HistoryOutcome, MessageKey> = {
  confirmed: 'history.outcome.confirmed',
  different: 'history.outcome.different',
  notVerified: 'history.outcome.notVerified',
  failed: 'history.outcome.failed',
  unknown: 'history.outcome.unknown',
};
