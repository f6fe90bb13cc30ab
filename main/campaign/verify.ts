import type { FieldValue } from '../model/profile';
import type { FieldCheck } from '../model/save';
import { isFieldValue, sameValue } from '../model/values';

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
