/**
 * The browser preview's HTTP host on 127.0.0.1: serves the built renderer (its HTML rewritten to
 * load the bridge first), and answers the bridge's invoke calls and event stream. The bridge
 * endpoints accept only the page this host served: the Host and Origin headers must be this
 * host's own and every request must carry the random per-run key from that page. The checks
 * mirror src/main/electron/ipc.ts (trusted sender, one argument, schema, then the action).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { realpath, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { INVOKE_NAMES, parsePayload, type EventMap, type EventName, type InvokeName } from '../shared/ipc';
import { fail, type Result } from '../shared/result';
import type { AppError } from '../shared/state';
import type { Logger } from '../main/core/ports';
import type { InvokeHandlers } from '../shared/ipc';
import { redactSecrets } from '../main/redact';
import { BRIDGE_PATH, EVENTS_PATH, INVOKE_PREFIX, KEY_HEADER, KEY_META_NAME, bridgeSource } from './bridge';

/**
 * The renderer's CSP, as the Electron window sends it (src/main/electron/window.ts cannot be
 * imported here: it imports electron).
 */
export const PREVIEW_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The largest invoke body accepted; the contract's biggest payload is far smaller. */
const MAX_BODY_BYTES = 64 * 1024;
/** How often an idle event stream gets a comment line, so proxies and the browser keep it open. */
const HEARTBEAT_MS = 15_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const REFUSED: AppError = {
  kind: 'refused',
  message: 'This request did not come from the preview page and was refused.',
};
const INTERNAL: AppError = {
  kind: 'internal',
  message: 'Something went wrong inside the app. Please try again; if it keeps happening, restart the app.',
};

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

/** Options for the preview's HTTP host. */
export interface BridgeServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer: a folder with index.html. */
  rendererDir: string;
  handlers: InvokeHandlers;
  logger: Logger;
  /** Called for every invoke that reached the schema check (refused requests never get here). */
  onInvoke?: (entry: BridgeLogEntry) => void;
  /** Called when the number of connected pages goes between zero and more. */
  onPagesConnected?: (connected: boolean) => void;
  /** More of the preview beside the window (the tray panel), under /__preview/x/. */
  extension?: PreviewExtension;
}

/**
 * Preview-only additions to the page (the tray drawn beside the window): scripts the page loads
 * first, files, and calls that are trusted exactly like the bridge's (same origin, this run's key).
 */
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

/** A running preview host. */
export interface BridgeServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Pushes an event to every connected page. */
  push<E extends EventName>(event: E, payload: EventMap[E]): void;
  close(): Promise<void>;
}

/** Writes a small response with the headers every answer of this host carries. */
function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Another site may not embed or pull in anything from here (e.g. the bridge as a <script>).
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': PREVIEW_CSP,
  });
  res.end(body);
}

/** Sends a Result as JSON with the given status. */
function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
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

/** Inserts the key meta tag, `scripts` (extension script paths) and the bridge script before the page's first script. */
export function rewriteIndexHtml(html: string, key: string, scripts: readonly string[] = []): string {
  const extra = scripts.map((src) => `<script src="${src}"></script>\n    `).join('');
  const inject = `<meta name="${KEY_META_NAME}" content="${key}">\n    ${extra}<script src="${BRIDGE_PATH}"></script>\n    `;
  const at = html.search(/<script\b/i);
  if (at >= 0) return html.slice(0, at) + inject + html.slice(at);
  const head = html.search(/<\/head>/i);
  if (head < 0) throw new Error('The renderer index.html has no <head>');
  return html.slice(0, head) + inject + html.slice(head);
}

/** Starts the host. Fails with a clear message when the renderer has not been built. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const root = resolve(options.rendererDir);
  const indexFile = join(root, 'index.html');
  let firstPage: string;
  try {
    firstPage = await readFile(indexFile, 'utf8');
  } catch {
    throw new Error(
      `The built renderer was not found at ${indexFile}. Build it first with "npx electron-vite build".`,
    );
  }
  // Fails now, not at the first request, when the page has nowhere to put the bridge.
  rewriteIndexHtml(firstPage, '');
  const realRoot = await realpath(root);
  const key = randomBytes(32).toString('hex');
  const keyBuffer = Buffer.from(key);
  const bridge = bridgeSource();
  const streams = new Set<ServerResponse>();
  const extension = options.extension;
  const extensionScripts = Object.keys(extension?.scripts ?? {}).map(
    (name) => `${EXTENSION_PREFIX}${name}.js`,
  );
  const names = new Set<string>(INVOKE_NAMES);
  let host = '';
  let origin = '';

  const keyMatches = (req: IncomingMessage): boolean => {
    const sent = req.headers[KEY_HEADER];
    if (typeof sent !== 'string') return false;
    const buffer = Buffer.from(sent);
    return buffer.length === keyBuffer.length && timingSafeEqual(buffer, keyBuffer);
  };

  /** Mirrors handleCall in src/main/electron/ipc.ts after the sender is trusted. */
  const handleInvoke = async (name: InvokeName, body: Buffer): Promise<Result<unknown>> => {
    let args: unknown;
    try {
      args = (JSON.parse(body.toString('utf8')) as { args?: unknown }).args;
    } catch {
      return fail({ kind: 'validation', message: `Invalid request to ${name}: the body is not JSON` });
    }
    if (!Array.isArray(args)) {
      return fail({ kind: 'validation', message: `Invalid request to ${name}: expected { "args": [] }` });
    }
    let result: Result<unknown>;
    if (args.length > 1) {
      result = fail({
        kind: 'validation',
        message: `Invalid request to ${name}: it takes at most one argument`,
      });
    } else {
      const parsed = parsePayload(name, args[0]);
      if (!parsed.ok) {
        result = fail(parsed.error);
      } else {
        try {
          const handler = options.handlers[name] as (payload: unknown) => Promise<Result<unknown>>;
          result = await handler(parsed.value);
        } catch (error) {
          const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
          options.logger.error(`preview: ${name} failed unexpectedly: ${redactSecrets(detail)}`);
          result = fail(INTERNAL);
        }
      }
    }
    options.onInvoke?.({ direction: 'invoke', name, payload: args[0], result });
    return result;
  };

  const openStream = (res: ServerResponse): void => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    if (streams.size === 1) options.onPagesConnected?.(true);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const done = () => {
      clearInterval(heartbeat);
      if (streams.delete(res) && streams.size === 0) options.onPagesConnected?.(false);
    };
    // Not req's 'close': since Node 16 it fires once the (empty) request body has been read.
    res.on('close', done);
  };

  const serveStatic = async (pathname: string, res: ServerResponse, head: boolean): Promise<void> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    const wanted = decoded === '/' ? '/index.html' : decoded;
    const full = resolve(root, `.${wanted}`);
    const rel = relative(root, full);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    let real: string;
    try {
      real = await realpath(full);
      if (!(await stat(real)).isFile()) throw new Error('not a file');
    } catch {
      // Chromium asks for a favicon the Electron window never does; answering 204 keeps the console clean.
      if (wanted === '/favicon.ico') {
        res.writeHead(204, { 'cache-control': 'no-store' });
        res.end();
        return;
      }
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    // A symlink inside the folder must not lead out of it either.
    const realRel = relative(realRoot, real);
    if (realRel.startsWith('..') || isAbsolute(realRel)) {
      send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }
    const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
    // The page is read on every request: a rebuild in another terminal changes its asset names.
    const body =
      real === join(realRoot, 'index.html')
        ? rewriteIndexHtml(await readFile(real, 'utf8'), key, extensionScripts)
        : await readFile(real);
    if (head) {
      res.writeHead(200, { 'content-type': type, 'content-security-policy': PREVIEW_CSP });
      res.end();
      return;
    }
    send(res, 200, type, body);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) gets nothing, not even files.
    if (req.headers.host !== host) {
      send(res, 403, 'text/plain; charset=utf-8', `Forbidden: open http://${host}/ instead.`);
      return;
    }
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (extension && rawPath.startsWith(EXTENSION_PREFIX)) {
      await routeExtension(extension, rawPath.slice(EXTENSION_PREFIX.length), req, res);
      return;
    }
    if (rawPath.startsWith('/__preview/')) {
      if (rawPath === BRIDGE_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
        send(res, 200, 'text/javascript; charset=utf-8', bridge);
        return;
      }
      const invokeName = rawPath.startsWith(INVOKE_PREFIX) ? rawPath.slice(INVOKE_PREFIX.length) : null;
      const isEvents = rawPath === EVENTS_PATH;
      if ((invokeName === null && !isEvents) || req.method !== 'POST') {
        send(res, 404, 'text/plain; charset=utf-8', 'Not found');
        return;
      }
      // Trust first, before anything of the request is read: our origin and this run's key.
      if (req.headers.origin !== origin || !keyMatches(req)) {
        options.logger.warn(`preview: refused ${rawPath} from an untrusted page`);
        req.resume();
        sendResult(res, 403, fail(REFUSED));
        return;
      }
      if (isEvents) {
        req.resume();
        openStream(res);
        return;
      }
      if (invokeName === null || !names.has(invokeName)) {
        req.resume();
        sendResult(
          res,
          404,
          fail({ kind: 'validation', message: `Unknown request: ${invokeName ?? ''}`.slice(0, 120) }),
        );
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        sendResult(
          res,
          413,
          fail({ kind: 'validation', message: `Invalid request to ${invokeName}: it is too large` }),
        );
        return;
      }
      sendResult(res, 200, await handleInvoke(invokeName as InvokeName, body));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    await serveStatic(rawPath, res, req.method === 'HEAD');
  };

  /** The extension's scripts and files (GET), and its calls (POST, trusted like the bridge's). */
  const routeExtension = async (
    ext: PreviewExtension,
    rest: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> => {
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
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    if (req.headers.origin !== origin || !keyMatches(req)) {
      options.logger.warn(`preview: refused ${EXTENSION_PREFIX}${rest} from an untrusted page`);
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
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : 'non-Error thrown';
      options.logger.error(`preview: request failed: ${redactSecrets(detail)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  return {
    url: `${origin}/`,
    origin,
    push(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(frame);
    },
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
