/**
 * Exposes `window.desk`: one named function per contract channel, built from the contract itself,
 * so the renderer can call nothing the contract does not name (no generic invoke, no ipcRenderer).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { contract, type DeskApi } from './ipc/contract';

const desk = Object.fromEntries(
  Object.entries(contract).map(([fn, { name }]) => [
    fn,
    (request?: unknown) => (request === undefined ? ipcRenderer.invoke(name) : ipcRenderer.invoke(name, request)),
  ]),
) as DeskApi;

contextBridge.exposeInMainWorld('desk', Object.freeze(desk));
