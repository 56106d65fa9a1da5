/**
 * The one function that talks HTTP to VPS.org: bearer auth, JSON, a timeout on every attempt
 * (headers and body), same-origin redirects for reads only (a change is never re-sent), and bounded
 * retries for reads.
 */
import { backoffDelay, parseRetryAfter } from './backoff';
import {
  ApiError,
  badResponseError,
  cancelledError,
  errorFromResponse,
  networkError,
  timeoutError,
} from './errors';

/** The HTTP methods the client uses. */
export type Method = 'GET' | 'POST' | 'DELETE';

/** One API call to make. */
export interface RequestSpec {
  method: Method;
  /** Path below the base URL, without a leading slash, ending with a slash (e.g. `servers/`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** JSON body for writes. */
  body?: unknown;
  signal?: AbortSignal;
  /** A tighter bound than MAX_BODY_BYTES for this answer (a list's remaining budget). */
  bodyLimit?: BodyLimit;
}

/** How many bytes an answer may have, and what to call it when it has more. */
export interface BodyLimit {
  bytes: number;
  /** E.g. `a list of more than 32 MB in total`. */
  what: string;
}

/** A successful answer: the status, the parsed JSON body (undefined when empty) and its size. */
export interface HttpResponse {
  status: number;
  body: unknown;
  /** Bytes of body read. */
  bytes: number;
}

/** What the request function needs; all timing parts are injectable. */
export interface HttpOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  maxRetries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onRequest?: (info: { method: string; path: string }) => void;
}

/** Makes one API call (with retries for reads) and returns its answer, or throws an ApiError. */
export type HttpRequest = (spec: RequestSpec) => Promise<HttpResponse>;

const MAX_REDIRECTS = 5;

/**
 * The largest answer body read, in bytes. Real answers are a few KB (a page of 100 items is tens of
 * KB); a bound keeps a broken or hostile server from filling the app's memory.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** True when a failed read may be tried again. */
function isRetryable(err: ApiError): boolean {
  if (err.kind === 'network' || err.kind === 'timeout') return true;
  return err.status !== null && RETRYABLE_STATUS.has(err.status);
}

function buildUrl(baseUrl: string, spec: RequestSpec): URL {
  const url = new URL(spec.path, baseUrl);
  for (const [key, value] of Object.entries(spec.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/** The path relative to the API root, for onRequest (`/servers/`, no query). */
function apiPath(baseUrl: string, url: URL): string {
  const basePath = new URL(baseUrl).pathname;
  const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  return `/${rest.replace(/^\/+/, '')}`;
}

/** Builds the request function. */
export function createHttp(options: HttpOptions): HttpRequest {
  const origin = new URL(options.baseUrl).origin;
  const host = new URL(options.baseUrl).host;

  /** One attempt, following same-origin redirects of reads; every HTTP exchange counts for onRequest. */
  async function attempt(spec: RequestSpec): Promise<HttpResponse> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal;
    const failure = (): ApiError => {
      if (timeout.signal.aborted) return timeoutError(options.timeoutMs);
      if (spec.signal?.aborted) return cancelledError();
      return networkError(host);
    };
    try {
      let url = buildUrl(options.baseUrl, spec);
      const method: Method = spec.method;
      const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      for (let hop = 0; ; hop++) {
        options.onRequest?.({ method, path: apiPath(options.baseUrl, url) });
        let response: Response;
        try {
          response = await options.fetch(url, {
            method,
            headers: {
              Authorization: `Bearer ${options.token}`,
              'Content-Type': 'application/json',
              Accept: 'application/json',
            },
            body,
            signal,
            // Never let fetch follow a redirect by itself: it would resend our token to any host.
            redirect: 'manual',
          });
        } catch {
          // The underlying error is dropped on purpose: its text and cause may carry request details.
          throw failure();
        }
        const limit: BodyLimit =
          spec.bodyLimit !== undefined && spec.bodyLimit.bytes < MAX_BODY_BYTES
            ? spec.bodyLimit
            : {
                bytes: MAX_BODY_BYTES,
                what: `the answer was larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`,
              };
        let read: { text: string; bytes: number } | null;
        try {
          read = await readBody(response, Math.max(0, limit.bytes));
        } catch {
          throw failure();
        }
        if (read === null) throw badResponseError(response.status, limit.what);
        const text = read.text;
        if (response.status >= 300 && response.status < 400) {
          const location = response.headers.get('location');
          if (location === null) throw badResponseError(response.status, 'a redirect without a target');
          const next = new URL(location, url);
          if (next.origin !== origin) {
            throw new ApiError(
              'bad_response',
              response.status,
              `VPS.org redirected the request to another address (${next.host}). It was not followed, so your token stays private. Check the API address in Settings.`,
            );
          }
          // A change (create, restore, delete) is never sent again to wherever a redirect points: a
          // second POST could make a second snapshot, and a redirected DELETE could hit another one.
          if (method !== 'GET') {
            throw new ApiError(
              'bad_response',
              response.status,
              'VPS.org answered with a redirect, which the app does not follow for changes, so the request was not sent again. Check the API address in Settings.',
            );
          }
          if (hop >= MAX_REDIRECTS) throw badResponseError(response.status, 'too many redirects');
          url = next;
          continue;
        }
        if (response.status >= 200 && response.status < 300) {
          return { status: response.status, body: parseJsonBody(text, response.status), bytes: read.bytes };
        }
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.now());
        throw errorFromResponse(response.status, text, response.headers.get('content-type'), {
          token: options.token,
          retryAfterMs,
        });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return async function request(spec: RequestSpec): Promise<HttpResponse> {
    // Writes are never retried here: a write that may have taken effect is the caller's to resolve.
    const retries = spec.method === 'GET' ? options.maxRetries : 0;
    for (let n = 0; ; n++) {
      try {
        return await attempt(spec);
      } catch (err) {
        if (!(err instanceof ApiError) || n >= retries || !isRetryable(err)) throw err;
        // A cancelled call is over: the caller no longer wants the answer.
        if (spec.signal?.aborted) throw err;
        let wait = backoffDelay(n, options.backoffMs, options.random);
        if (err.retryAfterMs !== null) {
          // A wait longer than we are willing to honour: report it rather than hammer the API.
          if (err.retryAfterMs > options.maxRetryAfterMs) throw err;
          wait = err.retryAfterMs;
        }
        await options.sleep(wait);
        if (spec.signal?.aborted) throw cancelledError();
      }
    }
  };
}

/** Parses a 2xx body: empty is undefined, anything but JSON is a bad response. */
function parseJsonBody(text: string, status: number): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badResponseError(status, 'the body was not valid JSON');
  }
}

/**
 * Reads a body as UTF-8 text with its size, or null once it passes `limit` bytes (declared or
 * actually sent); the rest is then not read. A failed read rejects (the caller maps it to a timeout
 * or network error).
 */
async function readBody(response: Response, limit: number): Promise<{ text: string; bytes: number } | null> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const reader = response.body?.getReader();
  if (Number.isFinite(declared) && declared > limit) {
    await reader?.cancel().catch(() => undefined);
    return null;
  }
  if (reader === undefined) return { text: '', bytes: 0 };
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), bytes: size };
}
