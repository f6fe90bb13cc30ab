import type { z } from 'zod';
import type { AppError, Result } from '../model/errors';
import { channels, contract, type ChannelKey, type RequestOf, type ResponseOf } from './contract';
import { DeskError } from '../errors/desk-error';
import type { Logger } from '../logging/logger';

/** The slice of Electron's ipcMain we use; the e2e harness passes its own transport with the same shape. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}
export interface IpcEventLike {
  senderFrame?: { url: string; parent?: unknown } | null;
}

export type Handlers = { [K in ChannelKey]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export interface RegisterOptions {
  /** True only for the app's own top-level page. */
  isTrustedUrl(url: string): boolean;
  log: Logger;
}

/**
 * Registers every channel of the contract: checks the sender, validates the payload with the
 * contract's zod schema, and answers with a Result envelope because thrown errors lose their shape over IPC.
 */
export function registerHandlers(ipc: IpcMainLike, handlers: Handlers, opts: RegisterOptions): void {
  for (const key of Object.keys(contract) as ChannelKey[]) {
    const { request } = contract[key];
    ipc.handle(channels[key], (event, ...args) => dispatch(key, request, handlers[key] as (r: unknown) => Promise<unknown>, event, args, opts));
  }
}

async function dispatch(
  key: ChannelKey,
  schema: z.ZodType,
  handler: (r: unknown) => Promise<unknown>,
  event: IpcEventLike,
  args: unknown[],
  opts: RegisterOptions,
): Promise<Result<unknown>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent || !opts.isTrustedUrl(frame.url)) {
    opts.log.warn('ipc: refused a call from an untrusted sender', { channel: key, url: frame?.url ?? '(none)' });
    return failure({ kind: 'invalidRequest', message: 'Untrusted sender', details: `Channel ${key} refused: untrusted sender` });
  }
  const parsed = args.length <= 1 ? schema.safeParse(args[0]) : undefined;
  if (!parsed?.success) {
    const issues = parsed ? parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ') : 'too many arguments';
    opts.log.warn('ipc: invalid payload', { channel: key, issues });
    return failure({ kind: 'invalidRequest', message: `Invalid request for ${key}`, details: `Channel ${key}: ${issues}` });
  }
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof DeskError) {
      opts.log.info('ipc: call failed', { channel: key, kind: err.info.kind, status: err.info.status });
      return failure(err.info);
    }
    opts.log.error('ipc: unexpected failure', { channel: key, error: String((err as Error)?.stack ?? err) });
    return failure({ kind: 'internal', message: 'Unexpected internal error', details: `Channel ${key}: ${(err as Error)?.message ?? String(err)}` });
  }
}

const failure = (error: AppError): Result<never> => ({ ok: false, error });
