/** How the preview host answers: the headers every reply carries, and Results as JSON. */
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../shared/csp';
import type { Result } from '../shared/result';

/** The renderer's CSP, as the Electron window sends it. */
export const PAGE_CSP = contentSecurityPolicy({ delivery: 'header' });

/** Writes a small response with the headers every answer of this host carries. */
export function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Another site may not embed or pull in anything from here (e.g. the bridge as a <script>).
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'content-security-policy': PAGE_CSP,
  });
  res.end(body);
}

/** Sends plain text (errors such as 404). */
export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

/** Sends a Result as JSON with the given status. */
export function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(result));
}
