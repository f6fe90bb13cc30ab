/**
 * Stands in for the `electron` module when the REAL preload (main/preload.ts) is bundled for the Chromium
 * harness: only the transport is replaced. invoke() goes to a Playwright binding that calls the REAL
 * main-process handlers registered by main/ipc/register.ts.
 */
type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(window, key, { value: api, writable: false, configurable: false });
  },
};

export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]): Promise<unknown> =>
    (window as unknown as { __deskIpc: Invoke }).__deskIpc(channel, ...args),
};
