/**
 * Registers every invoke call of the contract through one helper: the sender must be our own
 * window showing our own page, the payload must match its schema (and come alone), and only then
 * does the core's action run. Every call resolves a Result; nothing throws across IPC.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_NAMES,
  invokeChannel,
  parsePayload,
  type InvokeHandlers,
  type InvokeName,
  type InvokeOutput,
} from '../../shared/ipc';
import { fail, type Result } from '../../shared/result';
import type { Logger } from '../core/ports';
import { redactSecrets } from '../redact';

/** Who may call: our window's webContents showing our renderer. */
export interface TrustedSender {
  /** The id of our window's webContents, or null when there is no window. */
  webContentsId(): number | null;
  /** True for our renderer's file:// page or dev-server origin. */
  isTrustedUrl(url: string): boolean;
}

const REFUSED = {
  kind: 'refused',
  message: 'This request did not come from the app window and was refused.',
} as const;

const INTERNAL = {
  kind: 'internal',
  message: 'Something went wrong inside the app. Please try again; if it keeps happening, restart the app.',
} as const;

/** True when the event comes from our window's main frame showing our page. */
function isTrusted(event: IpcMainInvokeEvent, trust: TrustedSender): boolean {
  const id = trust.webContentsId();
  if (id === null || event.sender.id !== id) return false;
  const url = event.senderFrame?.url;
  return typeof url === 'string' && trust.isTrustedUrl(url);
}

/** Handles one call: trust, then schema, then the action; maps any surprise to `internal`. */
async function handleCall<K extends InvokeName>(
  name: K,
  handlers: InvokeHandlers,
  trust: TrustedSender,
  logger: Logger,
  event: IpcMainInvokeEvent,
  args: unknown[],
): Promise<Result<InvokeOutput<K>>> {
  try {
    if (!isTrusted(event, trust)) {
      logger.warn(`ipc: refused ${name} from an untrusted sender`);
      return fail(REFUSED);
    }
    if (args.length > 1) {
      return fail({
        kind: 'validation',
        message: `Invalid request to ${name}: it takes at most one argument`,
      });
    }
    const parsed = parsePayload(name, args[0]);
    if (!parsed.ok) return fail(parsed.error);
    const result = await handlers[name](parsed.value);
    return result;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
    logger.error(`ipc: ${name} failed unexpectedly: ${redactSecrets(detail)}`);
    return fail(INTERNAL);
  }
}

/** Registers a handler on every contract channel; returns a function that removes them all. */
export function registerIpcHandlers(
  handlers: InvokeHandlers,
  trust: TrustedSender,
  logger: Logger,
): () => void {
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(invokeChannel(name), (event, ...args: unknown[]) =>
      handleCall(name, handlers, trust, logger, event, args),
    );
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(invokeChannel(name));
  };
}
