/**
 * The one way an invoke call from the window reaches the core, for both hosts of the window: the
 * Electron IPC adapter (src/main/electron/ipc.ts) and the browser preview's bridge
 * (src/preview/bridge-calls.ts). In order: the sender must be our own page, the name a contract
 * call, the arguments at most one payload that matches its schema; only then does the action run,
 * and anything it throws becomes a generic `internal` error, logged without secrets. Every call
 * resolves a Result; nothing throws back to the page. No Electron here, so the preview can use it.
 */
import { INVOKE_NAMES, parsePayload, type InvokeHandlers, type InvokeName } from '../shared/ipc';
import { appError } from '../shared/i18n/app-error';
import { fail, type Result } from '../shared/result';
import type { AppError } from '../shared/state';
import type { Logger } from './core/ports';
import { redactSecrets } from './redact';

/** What a caller that is not our own page is told. */
export const REFUSED: AppError = appError('refused', 'core.untrustedSender');

/** What the page is told when an action fails in a way nobody planned for. */
const INTERNAL: AppError = appError('internal', 'core.internal');

/** One invoke call as a host received it. */
export interface IncomingCall {
  /** The call's name as sent (the IPC channel's, or the preview's URL path). */
  name: string;
  /** True when the sender is our own page. Asked first: nothing else of the call is read before. */
  isTrusted(): boolean;
  /** The call's arguments, read once the sender is trusted; a failure here is the transport's. */
  readArgs(): Result<readonly unknown[]> | Promise<Result<readonly unknown[]>>;
}

/** Options of the dispatcher. */
export interface DispatcherOptions {
  handlers: InvokeHandlers;
  logger: Logger;
  /** Starts each log line: which host the call came through (`ipc`, `preview`). */
  logPrefix: string;
  /** Told about each call whose arguments were read: its first argument and the answer. */
  onAnswered?: (name: InvokeName, payload: unknown, result: Result<unknown>) => void;
}

/** Answers one incoming call; never rejects. */
export type Dispatcher = (call: IncomingCall) => Promise<Result<unknown>>;

const NAMES: ReadonlySet<string> = new Set(INVOKE_NAMES);

/** True when `name` is a call of the contract (own names only: `constructor` is not one). */
export function isInvokeName(name: string): name is InvokeName {
  return NAMES.has(name);
}

/** Makes the dispatcher for one host. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { handlers, logger, logPrefix } = options;
  /** The checks and the action, after the sender is trusted and the arguments are read. */
  async function answer(name: InvokeName, args: readonly unknown[]): Promise<Result<unknown>> {
    if (args.length > 1) {
      return fail({
        kind: 'validation',
        message: `Invalid request to ${name}: it takes at most one argument`,
      });
    }
    const parsed = parsePayload(name, args[0]);
    if (!parsed.ok) return fail(parsed.error);
    const handler = handlers[name] as (payload: unknown) => Promise<Result<unknown>>;
    return await handler(parsed.value);
  }

  return async (call) => {
    // In log lines and messages only: the preview's name comes from a URL anyone could send.
    const name = call.name.slice(0, 64);
    let answered: ((result: Result<unknown>) => void) | undefined;
    let result: Result<unknown>;
    try {
      if (!call.isTrusted()) {
        logger.warn(`${logPrefix}: refused ${name} from an untrusted sender`);
        return fail(REFUSED);
      }
      const known = call.name;
      if (!isInvokeName(known)) return fail({ kind: 'validation', message: `Unknown request: ${name}` });
      const args = await call.readArgs();
      if (!args.ok) return args;
      answered = (r) => options.onAnswered?.(known, args.value[0], r);
      result = await answer(known, args.value);
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
      logger.error(`${logPrefix}: ${name} failed unexpectedly: ${redactSecrets(detail)}`);
      result = fail(INTERNAL);
    }
    answered?.(result);
    return result;
  };
}
