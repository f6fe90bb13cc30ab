/** How a bulk change's rows read on screen: outcomes, problems and warnings in the operator's language. */
import type { RowOutcome, RowProblem, RowWarning } from '../../main/model/bulk';
import type { FieldDef, FieldValue } from '../../main/model/profile';
import { displayValue } from './display';
import { isMessageKey, t } from './i18n/i18n.svelte';

export const outcomeText = (outcome: RowOutcome): string => t(`bulk.outcome.${outcome}`);

/** A value old or new, as the form shows it (dates, yes/no and choices in words). */
export const bulkValue = (def: FieldDef | undefined, value: FieldValue | undefined): string => displayValue(def, value);

export function problemText(p: RowProblem, labelOf: (path: string) => string): string {
  const reasonKey = `bulk.reason.${p.detail ?? ''}`;
  return t(`bulk.problem.${p.cause}`, {
    value: p.value ?? '',
    count: p.count ?? 0,
    lines: p.lines?.join(', ') ?? '',
    field: p.field ? labelOf(p.field) : '',
    detail: p.detail ?? '',
    reason: isMessageKey(reasonKey) ? t(reasonKey) : (p.detail ?? ''),
  });
}

export const warningText = (w: RowWarning, labelOf: (path: string) => string): string =>
  t(`bulk.warning.${w.kind}`, { field: labelOf(w.field), value: w.value });

/** "about 3 min", "40 s": how long something takes at the current pace. */
export function duration(seconds: number): string {
  return seconds < 90 ? t('bulk.duration.seconds', { count: Math.max(1, Math.round(seconds)) }) : t('bulk.duration.minutes', { count: Math.round(seconds / 60) });
}
