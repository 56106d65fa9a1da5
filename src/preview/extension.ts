/**
 * Preview-only additions beside the window (the tray panel): scripts the page loads before the
 * bridge, files, and calls trusted exactly like the bridge's (this host's origin and run key).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fail } from '../shared/result';
import type { Logger } from '../main/core/ports';
import { REFUSED } from '../main/ipc-dispatch';
import { readBody } from './bridge-calls';
import type { OwnPage } from './own-page';
import { send, sendResult, sendText } from './replies';
import { CONTENT_TYPES } from './static-files';

/** What an extension serves. */
export interface PreviewExtension {
  /** Scripts served at /__preview/x/<name>.js, loaded before the bridge (which hides the key). */
  scripts: Record<string, () => Promise<string>>;
  /** Files served at /__preview/x/files/<name>. */
  files: Record<string, string>;
  /** Calls POSTed to /__preview/x/call/<name> with a JSON body; the answer is sent as JSON. */
  calls: Record<string, (payload: unknown) => Promise<unknown>>;
}

/** Where the extension's scripts, files and calls are served. */
export const EXTENSION_PREFIX = '/__preview/x/';

/** The script paths the page loads for an extension. */
export function extensionScripts(ext: PreviewExtension | undefined): string[] {
  return Object.keys(ext?.scripts ?? {}).map((name) => `${EXTENSION_PREFIX}${name}.js`);
}

/** Answers a request under EXTENSION_PREFIX (`rest` is the path after it). */
export async function serveExtension(
  ext: PreviewExtension,
  rest: string,
  req: IncomingMessage,
  res: ServerResponse,
  page: OwnPage,
  logger: Logger,
): Promise<void> {
  const read = req.method === 'GET' || req.method === 'HEAD';
  const script = rest.endsWith('.js') ? rest.slice(0, -3) : null;
  if (read && script !== null && Object.hasOwn(ext.scripts, script)) {
    const source = ext.scripts[script];
    send(res, 200, 'text/javascript; charset=utf-8', source ? await source() : '');
    return;
  }
  const file = rest.startsWith('files/') ? rest.slice('files/'.length) : null;
  if (read && file !== null && Object.hasOwn(ext.files, file)) {
    const path = ext.files[file] ?? '';
    send(
      res,
      200,
      CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      await readFile(path),
    );
    return;
  }
  const call = rest.startsWith('call/') ? rest.slice('call/'.length) : null;
  if (req.method !== 'POST' || call === null || !Object.hasOwn(ext.calls, call)) {
    req.resume();
    sendText(res, 404, 'Not found');
    return;
  }
  if (!page.sentByPage(req)) {
    logger.warn(`preview: refused ${EXTENSION_PREFIX}${rest} from an untrusted page`);
    req.resume();
    sendResult(res, 403, fail(REFUSED));
    return;
  }
  const body = await readBody(req);
  let payload: unknown;
  try {
    payload = body === null || body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    sendResult(res, 400, fail({ kind: 'validation', message: 'The body is not JSON.' }));
    return;
  }
  const handler = ext.calls[call] as (payload: unknown) => Promise<unknown>;
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await handler(payload)));
}
