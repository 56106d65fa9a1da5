/**
 * Which requests the preview host trusts: only those for its own address (no DNS rebinding), and on
 * the bridge only those from the page it served, which carry its origin and this run's random key.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { KEY_HEADER } from './bridge';

/** The page this host serves, and how to recognise requests from it. */
export class OwnPage {
  /** The per-run key the served page carries in a meta tag and sends with each bridge request. */
  readonly key = randomBytes(32).toString('hex');
  readonly #keyBuffer = Buffer.from(this.key);
  /** `127.0.0.1:<port>` once listening. */
  host = '';
  /** `http://127.0.0.1:<port>` once listening. */
  origin = '';

  /** Called once the port is known. */
  listeningOn(port: number): void {
    this.host = `127.0.0.1:${port}`;
    this.origin = `http://${this.host}`;
  }

  /** True when the request names this host (not another name made to resolve to 127.0.0.1). */
  isForUs(req: IncomingMessage): boolean {
    return req.headers.host === this.host;
  }

  /** True when the request comes from the page this host served: its origin and this run's key. */
  sentByPage(req: IncomingMessage): boolean {
    if (req.headers.origin !== this.origin) return false;
    const sent = req.headers[KEY_HEADER];
    if (typeof sent !== 'string') return false;
    const buffer = Buffer.from(sent);
    return buffer.length === this.#keyBuffer.length && timingSafeEqual(buffer, this.#keyBuffer);
  }
}
