/** The preview's event stream: main's events pushed to every connected page as server-sent events. */
import type { ServerResponse } from 'node:http';
import type { EventMap, EventName } from '../shared/ipc';

/** How often an idle event stream gets a comment line, so proxies and the browser keep it open. */
const HEARTBEAT_MS = 15_000;

/** The open streams, one per connected page. */
export class EventStreams {
  readonly #streams = new Set<ServerResponse>();

  /** @param onPagesConnected called when the number of connected pages goes between zero and more. */
  constructor(private readonly onPagesConnected?: (connected: boolean) => void) {}

  /** Turns a (trusted) request's response into an event stream until the page goes away. */
  open(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.#streams.add(res);
    if (this.#streams.size === 1) this.onPagesConnected?.(true);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    // Not req's 'close': since Node 16 it fires once the (empty) request body has been read.
    res.on('close', () => {
      clearInterval(heartbeat);
      if (this.#streams.delete(res) && this.#streams.size === 0) this.onPagesConnected?.(false);
    });
  }

  /** Pushes an event to every connected page. */
  push<E extends EventName>(event: E, payload: EventMap[E]): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of this.#streams) res.write(frame);
  }

  /** Ends every stream. */
  closeAll(): void {
    for (const res of this.#streams) res.end();
    this.#streams.clear();
  }
}
