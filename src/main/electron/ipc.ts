/**
 * Registers every invoke call of the contract on ipcMain, each answered by the one dispatcher
 * (src/main/ipc-dispatch.ts): the sender must be our own window showing our own page, the payload
 * must match its schema (and come alone), and only then does the core's action run.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_NAMES, invokeChannel, type InvokeHandlers } from '../../shared/ipc';
import { ok } from '../../shared/result';
import type { Logger } from '../core/ports';
import { createDispatcher } from '../ipc-dispatch';

/** Who may call: our window's webContents showing our renderer. */
export interface TrustedSender {
  /** The id of our window's webContents, or null when there is no window. */
  webContentsId(): number | null;
  /** True for our renderer's file:// page or dev-server origin. */
  isTrustedUrl(url: string): boolean;
}

/** True when the event comes from our window's main frame showing our page. */
function isTrusted(event: IpcMainInvokeEvent, trust: TrustedSender): boolean {
  const id = trust.webContentsId();
  if (id === null || event.sender.id !== id) return false;
  const url = event.senderFrame?.url;
  return typeof url === 'string' && trust.isTrustedUrl(url);
}

/**
 * Takes away every ipcMain.on listener of `channel`: for a channel a library registers without the
 * trusted-sender check (electron-store's), which nothing in this app uses.
 */
export function removeUncheckedChannel(channel: string): void {
  ipcMain.removeAllListeners(channel);
}

/** Registers a handler on every contract channel; returns a function that removes them all. */
export function registerIpcHandlers(
  handlers: InvokeHandlers,
  trust: TrustedSender,
  logger: Logger,
): () => void {
  const dispatch = createDispatcher({ handlers, logger, logPrefix: 'ipc' });
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(invokeChannel(name), (event, ...args: unknown[]) =>
      dispatch({ name, isTrusted: () => isTrusted(event, trust), readArgs: () => ok(args) }),
    );
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}
