/**
 * The browser preview's HTTP host on 127.0.0.1: it routes each request to one of three jobs, the
 * built renderer's files (static-files.ts), the bridge's invoke calls (bridge-calls.ts, answered by
 * the same dispatcher as Electron's IPC) and the event stream (event-stream.ts). Nothing is served
 * to a request for another host name, and the bridge answers only the page this host served
 * (own-page.ts: its origin and this run's key).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventMap, EventName, InvokeHandlers } from '../shared/ipc';
import { fail } from '../shared/result';
import type { Logger } from '../main/core/ports';
import { REFUSED } from '../main/ipc-dispatch';
import { redactSecrets } from '../main/redact';
import { BRIDGE_PATH, EVENTS_PATH, INVOKE_PREFIX, bridgeSource } from './bridge';
import { BridgeCalls, type BridgeLogEntry } from './bridge-calls';
import { EventStreams } from './event-stream';
import { OwnPage } from './own-page';
import { send, sendResult, sendText } from './replies';
import { StaticFiles } from './static-files';

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
}

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

/** Starts the host. Fails with a clear message when the renderer has not been built. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const page = new OwnPage();
  const files = await StaticFiles.open(options.rendererDir, page.key);
  const calls = new BridgeCalls({ ...options, page });
  const streams = new EventStreams(options.onPagesConnected);
  const bridge = bridgeSource();

  /** The bridge's endpoints: its script for anyone, calls and events for our page only. */
  const routeBridge = async (path: string, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (path === BRIDGE_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      send(res, 200, 'text/javascript; charset=utf-8', bridge);
    } else if (req.method !== 'POST') {
      sendText(res, 404, 'Not found');
    } else if (path.startsWith(INVOKE_PREFIX)) {
      await calls.answer(path.slice(INVOKE_PREFIX.length), req, res);
    } else if (path !== EVENTS_PATH) {
      sendText(res, 404, 'Not found');
    } else {
      req.resume();
      if (page.sentByPage(req)) {
        streams.open(res);
      } else {
        options.logger.warn(`preview: refused ${path} from an untrusted page`);
        sendResult(res, 403, fail(REFUSED));
      }
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) gets nothing, not even files.
    if (!page.isForUs(req)) {
      sendText(res, 403, `Forbidden: open http://${page.host}/ instead.`);
      return;
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/__preview/')) {
      await routeBridge(path, req, res);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await files.serve(path, res, req.method === 'HEAD');
    } else {
      sendText(res, 405, 'Method not allowed');
    }
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : 'non-Error thrown';
      options.logger.error(`preview: request failed: ${redactSecrets(detail)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
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
  page.listeningOn((server.address() as AddressInfo).port);

  return {
    url: `${page.origin}/`,
    origin: page.origin,
    push: (event, payload) => streams.push(event, payload),
    async close() {
      streams.closeAll();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
