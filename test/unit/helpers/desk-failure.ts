import { expect } from 'vitest';
import { DeskError } from '../../../main/errors/desk-error';
import type { AppError } from '../../../main/model/errors';

/** The AppError a call rejects with; fails the test if it resolves or throws anything but a DeskError. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    return (e as DeskError).info;
  }
  throw new Error('expected a failure');
}
