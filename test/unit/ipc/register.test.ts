import { describe, expect, it } from 'vitest';
import { channels, type ChannelKey } from '../../../main/ipc/contract';
import { registerHandlers, type Handlers, type IpcEventLike } from '../../../main/ipc/register';
import { createLogger, createRedactor } from '../../../main/logging/logger';
import { deskError } from '../../../main/errors/desk-error';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

function setup(overrides: Partial<Handlers> = {}) {
  const listeners = new Map<string, Listener>();
  const calls: string[] = [];
  const logs: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(channels) as ChannelKey[]).map((k) => [k, overrides[k] ?? (async () => void calls.push(k))]),
  ) as unknown as Handlers;
  registerHandlers({ handle: (ch, l) => void listeners.set(ch, l) }, handlers, {
    isTrustedUrl: (url) => url.startsWith('app://profile-desk/'),
    log: createLogger((l) => logs.push(l), createRedactor()),
  });
  const call = (channel: string, event: IpcEventLike, ...args: unknown[]) => listeners.get(channel)!(event, ...args);
  return { listeners, calls, logs, call };
}
const trusted: IpcEventLike = { senderFrame: { url: 'app://profile-desk/index.html', parent: null } };
const ref = { connectionId: 'demo', pkey: '@abc' };

describe('registerHandlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...setup().listeners.keys()].sort()).toEqual(Object.values(channels).sort());
  });

  it('passes a valid payload to the handler and wraps the answer', async () => {
    const { call } = setup({ loadProfile: async (r) => ({ connectionId: r.connectionId, pkey: r.pkey, displayName: 'x', fields: [], values: {} }) });
    expect(await call('profile:load', trusted, ref)).toMatchObject({ ok: true, value: { pkey: '@abc' } });
  });

  it.each([
    ['another origin', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a sub-frame', { senderFrame: { url: 'app://profile-desk/index.html', parent: {} } }],
    ['no frame', { senderFrame: null }],
  ])('refuses a call from %s without running the handler', async (_name, event) => {
    const { call, calls } = setup();
    expect(await call('profile:load', event as IpcEventLike, ref)).toMatchObject({ ok: false, error: { kind: 'invalidRequest' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a missing field', { connectionId: 'demo' }],
    ['an extra field', { ...ref, extra: 1 }],
    ['a PKey with a slash', { connectionId: 'demo', pkey: '@a/../b' }],
    ['a wrong type', { connectionId: 7, pkey: '@a' }],
    ['no payload', undefined],
  ])('refuses %s with a validation error', async (_name, payload) => {
    const { call, calls } = setup();
    const answer = (await call('profile:load', trusted, payload)) as { ok: boolean; error: { kind: string; details: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.kind).toBe('invalidRequest');
    expect(calls).toEqual([]);
  });

  it('refuses extra arguments', async () => {
    const { call } = setup();
    expect(await call('profile:load', trusted, ref, ref)).toMatchObject({ ok: false });
  });

  it('turns a DeskError into its error envelope', async () => {
    const { call } = setup({ loadProfile: async () => Promise.reject(deskError('notFound', 'no such profile', { status: 404 })) });
    expect(await call('profile:load', trusted, ref)).toEqual({
      ok: false,
      error: { kind: 'notFound', message: 'no such profile', status: 404, details: 'no such profile' },
    });
  });

  it('turns any other exception into an internal error and logs it', async () => {
    const { call, logs } = setup({ loadProfile: async () => Promise.reject(new TypeError('boom')) });
    expect(await call('profile:load', trusted, ref)).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(logs.some((l) => l.includes('boom'))).toBe(true);
  });
});
