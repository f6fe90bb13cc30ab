/**
 * Stands in for the `electron` module when the REAL preload (main/preload.ts) is bundled for the Chromium
 * harness: only the transport is replaced. invoke() goes to a Playwright binding that calls the REAL
 * main-process handlers registered by main/ipc/register.ts.
 */
import { toWire } from './wire';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(window, key, { value: api, writable: false, configurable: false });
  },
};

/**
 * Electron copies IPC arguments with the structured clone algorithm and refuses what it cannot copy (a Svelte
 * $state proxy, a function): so does this stand-in, or a bug that only Electron shows would pass here. The
 * Playwright binding carries JSON, so bytes travel as base64 and the harness turns them back (wire.ts).
 */
export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]): Promise<unknown> =>
    (window as unknown as { __deskIpc: Invoke }).__deskIpc(channel, ...toWire(structuredClone(args))),
};

