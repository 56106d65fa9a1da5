/**
 * The bridge's invoke calls over HTTP: `POST /__preview/invoke/<name>` with `{ "args": [...] }`,
 * answered by the same dispatcher as Electron's IPC (src/main/ipc-dispatch.ts). This module only
 * reads the body, once the sender is trusted, and turns the answer into an HTTP status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeHandlers } from '../shared/ipc';
import { fail, ok, type Result } from '../shared/result';
import type { Logger } from '../main/core/ports';
import { createDispatcher, isInvokeName, type Dispatcher } from '../main/ipc-dispatch';
import type { OwnPage } from './own-page';
import { sendResult } from './replies';

/** The largest invoke body accepted; the contract's biggest payload is far smaller. */
const MAX_BODY_BYTES = 64 * 1024;

/** One thing that crossed the bridge: an invoke call with its answer, or an event pushed. */
export interface BridgeLogEntry {
  direction: 'invoke' | 'event';
  /** The call's name, or the event's name. */
  name: string;
  /** What the page sent (invoke), or what was pushed (event). */
  payload: unknown;
  /** What the page got back (invoke); null for events. */
  result: unknown;
}

/** What the bridge's calls need. */
export interface BridgeCallsOptions {
  handlers: InvokeHandlers;
  logger: Logger;
  page: OwnPage;
  /** Called for every invoke that reached the schema check (refused requests never get here). */
  onInvoke?: (entry: BridgeLogEntry) => void;
}

/** Reads a request body up to a limit; null when it is too large. */
async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The arguments in a body the bridge sent: `{ "args": [...] }`. */
function argsOf(name: string, body: Buffer): Result<readonly unknown[]> {
  let args: unknown;
  try {
    args = (JSON.parse(body.toString('utf8')) as { args?: unknown }).args;
  } catch {
    return fail({ kind: 'validation', message: `Invalid request to ${name}: the body is not JSON` });
  }
  if (!Array.isArray(args)) {
    return fail({ kind: 'validation', message: `Invalid request to ${name}: expected { "args": [] }` });
  }
  return ok(args);
}

/** Answers the bridge's invoke calls. */
export class BridgeCalls {
  readonly #dispatch: Dispatcher;

  constructor(private readonly options: BridgeCallsOptions) {
    this.#dispatch = createDispatcher({
      handlers: options.handlers,
      logger: options.logger,
      logPrefix: 'preview',
      onAnswered: (name, payload, result) =>
        options.onInvoke?.({ direction: 'invoke', name, payload, result }),
    });
  }

  /** Answers one call: 403 for a stranger, 404 for no such call, 413 for a huge body, else 200. */
  async answer(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The status follows the step that stopped the call, not the error's kind: an action may
    // itself answer `refused` (a guard), and that is a 200 like any other answer.
    const trusted = this.options.page.sentByPage(req);
    let tooLarge = false;
    const result = await this.#dispatch({
      name,
      isTrusted: () => trusted,
      readArgs: async () => {
        const body = await readBody(req);
        if (body !== null) return argsOf(name, body);
        tooLarge = true;
        return fail({ kind: 'validation', message: `Invalid request to ${name}: it is too large` });
      },
    });
    // A body left unread (a stranger's, an unknown call's) is drained so the reply can go out.
    req.resume();
    let status = 200;
    if (!trusted) status = 403;
    else if (!isInvokeName(name)) status = 404;
    else if (tooLarge) status = 413;
    sendResult(res, status, result);
  }
}
