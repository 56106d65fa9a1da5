/**
 * The built renderer's files, served read-only from its folder and never from outside it (no `..`,
 * no encoded separators, no symlink leading out). The page itself is rewritten to load the bridge
 * first and to carry this run's key.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { BRIDGE_PATH, KEY_META_NAME } from './bridge';
import { PAGE_CSP, send, sendText } from './replies';

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

/** Inserts the key meta tag and the bridge script before the page's first script. */
export function rewriteIndexHtml(html: string, key: string): string {
  const inject = `<meta name="${KEY_META_NAME}" content="${key}">\n    <script src="${BRIDGE_PATH}"></script>\n    `;
  const at = html.search(/<script\b/i);
  if (at >= 0) return html.slice(0, at) + inject + html.slice(at);
  const head = html.search(/<\/head>/i);
  if (head < 0) throw new Error('The renderer index.html has no <head>');
  return html.slice(0, head) + inject + html.slice(head);
}

/** True when `path` lies inside `root`. */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** The renderer folder, served. */
export class StaticFiles {
  private constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly key: string,
  ) {}

  /** Opens the folder. Fails with a clear message when the renderer has not been built. */
  static async open(rendererDir: string, key: string): Promise<StaticFiles> {
    const root = resolve(rendererDir);
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
    return new StaticFiles(root, await realpath(root), key);
  }

  /** Answers a GET (or HEAD) for `pathname` as sent, still URL-encoded. */
  async serve(pathname: string, res: ServerResponse, head: boolean): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(res, 400, 'Bad request');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      sendText(res, 400, 'Bad request');
      return;
    }
    const wanted = decoded === '/' ? '/index.html' : decoded;
    const full = resolve(this.root, `.${wanted}`);
    if (!isInside(this.root, full)) {
      sendText(res, 403, 'Forbidden');
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
      sendText(res, 404, 'Not found');
      return;
    }
    // A symlink inside the folder must not lead out of it either.
    if (!isInside(this.realRoot, real)) {
      sendText(res, 403, 'Forbidden');
      return;
    }
    const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
    if (head) {
      res.writeHead(200, { 'content-type': type, 'content-security-policy': PAGE_CSP });
      res.end();
      return;
    }
    // The page is read on every request: a rebuild in another terminal changes its asset names.
    const body =
      real === join(this.realRoot, 'index.html')
        ? rewriteIndexHtml(await readFile(real, 'utf8'), this.key)
        : await readFile(real);
    send(res, 200, type, body);
  }
}
