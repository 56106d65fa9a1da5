/**
 * Builds `window.vps` from the IPC contract: one named async function per invoke call and `on`
 * for events. ipcRenderer itself is never exposed, and listeners never see the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, INVOKE_NAMES, eventChannel, invokeChannel, type EventName } from '../shared/ipc';

/** Builds the API object (separate from exposing it, so its shape is easy to check). */
function buildApi(): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const name of INVOKE_NAMES) {
    const channel = invokeChannel(name);
    // Zero or one argument, as the contract says; main refuses anything more.
    api[name] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args.slice(0, 1));
  }
  const known = new Set<string>(EVENT_NAMES);
  api['on'] = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!known.has(event) || typeof listener !== 'function') {
      throw new TypeError(`Unknown event: ${String(event)}`);
    }
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  };
  return api;
}

contextBridge.exposeInMainWorld('vps', buildApi());
