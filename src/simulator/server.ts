/**
 * The simulator's HTTP layer (Node `http`, 127.0.0.1 only): refuses requests addressed to another
 * host name (DNS rebinding), counts each request, reads its body, adds latency, injects the chosen
 * fault, checks the bearer token, and writes the route's answer.
 * It keeps every socket and timer it opens so stop() leaves nothing running.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { chooseFault, latencyFor, type Fault, type FaultTarget } from './faults';
import { HttpProblem } from './problem';
import { API_ROOT, answer, resolve, type RouteAnswer } from './routes';
import type { SimStore } from './store';
import type { FaultConfig } from './types';

/** Largest request body accepted (the API's bodies are tiny). */
const MAX_BODY_BYTES = 64 * 1024;

/** What the HTTP layer needs from the simulator. */
export interface HttpDeps {
  store: SimStore;
  token: string;
  faults: () => FaultConfig;
  random: () => number;
  /** Called once per request with its `METHOD /path/` key. */
  count: (key: string) => void;
  /** Route templates answered 404 as if unknown (e.g. `/servers/{id}/`). */
  hiddenRoutes: ReadonlySet<string>;
}

/** A listening HTTP server. */
export interface HttpHandle {
  port: number;
  close(): Promise<void>;
}

/** A body that parses as JSON for a moment, then breaks off: what a truncated proxy answer looks like. */
const MALFORMED_BODY = '{"count": 2, "results": [{"id": 12345, "name": "web-ser';

const GATEWAY_TIMEOUT_HTML =
  '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center>' +
  '<hr><center>nginx</center></body></html>';

const BAD_GATEWAY_HTML =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>' +
  '<hr><center>nginx</center></body></html>';

function tokenMatches(header: string | undefined, token: string): 'ok' | 'missing' | 'wrong' {
  if (header === undefined || header.trim() === '') return 'missing';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) return 'wrong';
  const given = Buffer.from(match[1] ?? '');
  const want = Buffer.from(token);
  // Constant-time comparison: a simulator should not teach timing leaks.
  return given.length === want.length && timingSafeEqual(given, want) ? 'ok' : 'wrong';
}

function checkAuth(req: IncomingMessage, token: string): void {
  const result = tokenMatches(req.headers.authorization, token);
  if (result === 'missing') throw new HttpProblem(401, 'Authentication credentials were not provided.');
  if (result === 'wrong') throw new HttpProblem(401, 'Invalid token.');
}

/** True for a Host header naming this simulator: 127.0.0.1 or localhost, on its own port. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Starts the HTTP server on 127.0.0.1. */
export async function listen(deps: HttpDeps, port: number): Promise<HttpHandle> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let actualPort = port;

  const wait = (ms: number): Promise<void> =>
    new Promise((done) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        done();
      }, ms);
      timers.add(timer);
    });

  const readBody = (req: IncomingMessage): Promise<string | null> =>
    new Promise((done) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      req.on('end', () => done(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => done(null));
    });

  const send = (
    res: ServerResponse,
    status: number,
    body: string | undefined,
    headers: Record<string, string> = {},
    contentType = 'application/json',
  ): void => {
    if (res.destroyed || res.headersSent) return;
    const all: Record<string, string | number> = { ...headers };
    if (body !== undefined) {
      all['Content-Type'] = contentType;
      all['Content-Length'] = Buffer.byteLength(body);
    }
    res.writeHead(status, all);
    res.end(body);
  };

  const sendSlowly = (res: ServerResponse, status: number, body: string, stallMs: number): void => {
    const bytes = Buffer.from(body);
    const half = Math.floor(bytes.length / 2);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
    res.write(bytes.subarray(0, half));
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) res.end(bytes.subarray(half));
    }, stallMs);
    timers.add(timer);
  };

  const evaluate = (req: IncomingMessage, url: URL, below: string | null, body: string): RouteAnswer => {
    if (below === null) throw new HttpProblem(404, 'Not found.');
    const resolved = resolve(below);
    if (resolved.route === null || deps.hiddenRoutes.has(resolved.template)) {
      throw new HttpProblem(404, 'Not found.');
    }
    checkAuth(req, deps.token);
    return answer(resolved, req.method ?? 'GET', { store: deps.store, query: url.searchParams, url, body });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a web page may make the browser send requests to 127.0.0.1 under another
    // name. Only requests addressed to this simulator itself are answered (as the preview does).
    if (!isOwnHost(req.headers.host, actualPort)) {
      send(res, 403, JSON.stringify({ detail: `Forbidden: use http://127.0.0.1:${actualPort}/ instead.` }), {
        Connection: 'close',
      });
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${actualPort}`);
    } catch {
      send(res, 400, JSON.stringify({ detail: 'Bad request URL.' }));
      return;
    }
    const below = url.pathname.startsWith(`${API_ROOT}/`) ? url.pathname.slice(API_ROOT.length) : null;
    const template = resolve(below ?? url.pathname).template;
    deps.count(`${method} ${template}`);
    const target: FaultTarget = { method, template, path: below ?? url.pathname };

    const body = await readBody(req);
    if (body === null) {
      send(res, 413, JSON.stringify({ detail: 'Request body too large.' }), { Connection: 'close' });
      return;
    }
    const config = deps.faults();
    const latency = latencyFor(config, target);
    if (latency > 0) await wait(latency);
    if (res.destroyed) return;

    const fault: Fault = chooseFault(config, target, deps.random, Date.now);
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'rateLimit') {
      send(res, 429, JSON.stringify({ detail: 'Request was throttled. Try again later.' }), {
        'Retry-After': fault.retryAfter,
      });
      return;
    }
    if (fault.kind === 'lateEffect') {
      // A gateway answers (or drops the connection) now; the back end applies the request later,
      // and a refusal it makes then reaches nobody.
      deps.store.defer(fault.delayMs, () => {
        try {
          evaluate(req, url, below, body);
        } catch (error) {
          if (!(error instanceof HttpProblem)) throw error;
        }
      });
      if (fault.answer === 'drop') req.socket.destroy();
      else if (fault.answer === 'garbled2xx') send(res, 201, MALFORMED_BODY);
      else send(res, 504, GATEWAY_TIMEOUT_HTML, {}, 'text/html');
      return;
    }
    if (fault.kind === 'serverError') {
      if (fault.status === 502) send(res, 502, BAD_GATEWAY_HTML, {}, 'text/html');
      else if (fault.status === 503)
        send(res, 503, JSON.stringify({ detail: 'Service temporarily unavailable.' }));
      else send(res, 500, JSON.stringify({ detail: 'Internal server error.' }));
      return;
    }

    let status: number;
    let text: string | undefined;
    let headers: Record<string, string> = {};
    try {
      const result = evaluate(req, url, below, body);
      status = result.status;
      text = result.body === undefined ? undefined : JSON.stringify(result.body);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      status = error.status;
      text = JSON.stringify({ detail: error.detail });
      headers = error.status === 401 ? { 'WWW-Authenticate': 'Bearer', ...error.headers } : error.headers;
    }

    if (fault.kind === 'dropAfterEffect') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'malformed') {
      send(res, 200, MALFORMED_BODY);
      return;
    }
    if (fault.kind === 'slowBody' && text !== undefined) {
      sendSlowly(res, status, text, fault.stallMs);
      return;
    }
    send(res, status, text, headers);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A bug in the simulator answers 500 rather than hanging the client.
      send(res, 500, JSON.stringify({ detail: 'Simulator error.' }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address();
  actualPort = typeof address === 'object' && address !== null ? address.port : port;

  return {
    port: actualPort,
    close: () =>
      new Promise<void>((done) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
