import type { AppError, ErrorKind } from '../model/errors';

/**
 * The one error type domain code throws. The IPC boundary turns it into `{ok: false, error}`;
 * anything else that escapes becomes kind "internal".
 */
export class DeskError extends Error {
  constructor(readonly info: AppError) {
    super(info.message);
    this.name = 'DeskError';
  }
}

export function deskError(kind: ErrorKind, message: string, extra: Partial<Omit<AppError, 'kind' | 'message'>> = {}): DeskError {
  return new DeskError({ kind, message, details: extra.details ?? message, ...extra });
}
