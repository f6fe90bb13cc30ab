import type { FieldCheck, FieldValue } from '../ipc/contract';

/**
 * Compares what was sent with what the verifying GET returned, field by field. Strict on purpose:
 * a value Campaign trimmed or reformatted is reported as different, never as confirmed, and a field
 * missing from the answer is never confirmed.
 */
export function compareSent(sent: Record<string, FieldValue>, serverValue: (path: string) => unknown): FieldCheck[] {
  return Object.entries(sent).map(([path, value]) => {
    const now = serverValue(path);
    const server = isFieldValue(now) ? now : undefined;
    return { path, sent: value, server, match: server !== undefined && sameValue(value, server) };
  });
}

// Campaign reports an unset string as "": sending null or "" to clear a field is confirmed by either.
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if ((a === null || a === '') && (b === null || b === '')) return true;
  return a === b;
}

export const isFieldValue = (v: unknown): v is FieldValue =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
