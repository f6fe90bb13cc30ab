/**
 * Exposes `window.desk`: one named function per IPC channel, nothing generic (no invoke, no ipcRenderer).
 * It bundles only the channel names (ipc/channels.ts); the contract's types are erased, its zod schemas
 * stay in main, which validates every request.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channels } from './ipc/channels';
import type { DeskApi } from './ipc/contract';

const desk = Object.fromEntries(
  Object.entries(channels).map(([fn, name]) => [
    fn,
    (request?: unknown) => (request === undefined ? ipcRenderer.invoke(name) : ipcRenderer.invoke(name, request)),
  ]),
) as DeskApi;

contextBridge.exposeInMainWorld('desk', Object.freeze(desk));
