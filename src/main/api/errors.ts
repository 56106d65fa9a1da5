/**
 * The client's one error type and the rules that turn an HTTP answer into it: a stable `kind` the
 * app can act on and a plain-language message built from whatever body the server sent.
 */
import { cleanText, stripInvisible } from '../../shared/display-text';
import { SNAPSHOT_LIMIT } from '../../shared/domain';
import { appError } from '../../shared/i18n/app-error';
import type { AppError, CatalogMessage, ErrorKind } from '../../shared/state';

/** Every kind of failure the API client reports (the API part of the shared ErrorKind). */
export const API_ERROR_KINDS = [
  'unauthorized',
  'not_found',
  'limit_reached',
  'invalid',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'cancelled',
  'bad_response',
] as const satisfies readonly ErrorKind[];

/** One kind of failure the API client reports. */
export type ApiErrorKind = (typeof API_ERROR_KINDS)[number];

/** Extra facts an ApiError may carry. */
export interface ApiErrorDetails {
  /** How long the server asked us to wait (429/503 with Retry-After), in ms. */
  retryAfterMs?: number | null;
  /** Per-field messages from a validation body such as `{"name": ["..."]}`. */
  fields?: Record<string, string[]>;
  /** The shared input rule the request broke (the client refused it before sending). */
  rule?: CatalogMessage;
}

/** Any failure of an API call. `status` is the HTTP status, or null when none came back. */
export class ApiError extends Error {
  readonly retryAfterMs: number | null;
  readonly fields: Record<string, string[]>;
  /** The shared input rule the request broke, so the views can word it in their language. */
  readonly rule: CatalogMessage | null;

  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.fields = details.fields ?? {};
    this.rule = details.rule ?? null;
  }

  /** What JSON.stringify shows: the public facts only (never a request or its headers). */
  toJSON(): { name: string; kind: ApiErrorKind; status: number | null; message: string } {
    return { name: this.name, kind: this.kind, status: this.status, message: this.message };
  }
}

/** True for an ApiError, the client's one error type (an `instanceof` check: one copy of this module runs). */
export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Turns any thrown value into the shared AppError the views show. */
export function toAppError(err: unknown): AppError {
  if (isApiError(err)) {
    const rule =
      err.rule === null
        ? {}
        : { code: err.rule.code, ...(err.rule.params ? { params: err.rule.params } : {}) };
    return { kind: err.kind, message: err.message, ...rule };
  }
  // An unknown error's text may hold anything (even request details): show a generic sentence.
  return appError('internal', 'core.internal');
}

const MAX_SERVER_TEXT = 300;

/** Removes every occurrence of the token from a text (in case a server echoes it back). */
export function redactToken(text: string, token: string | undefined): string {
  if (!token) return text;
  return text.split(token).join('[token hidden]');
}

function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType !== null && /html|xml/i.test(contentType)) return true;
  return /^\s*</.test(text);
}

function humanizeField(field: string): string {
  const words = field.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Collects the human text in a JSON error value (string, list of strings, nested objects). */
function textsIn(value: unknown, depth = 0): string[] {
  if (depth > 4) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [];
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['detail', 'error', 'message', 'msg', 'non_field_errors']) {
      if (key in record) {
        const found = textsIn(record[key], depth + 1);
        if (found.length > 0) return found;
      }
    }
    return Object.entries(record).flatMap(([field, v]) =>
      textsIn(v, depth + 1).map((t) => `${humanizeField(field)}: ${t}`),
    );
  }
  return [];
}

/** Keys that carry a general message rather than a field's. */
const GENERAL_KEYS = new Set([
  'detail',
  'error',
  'errors',
  'message',
  'msg',
  'non_field_errors',
  'code',
  'status',
]);

/** Per-field messages when the body is a field map like `{"name": ["..."]}`. */
function fieldMessages(body: unknown): Record<string, string[]> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const fields: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (GENERAL_KEYS.has(key)) continue;
    const texts = textsIn(value);
    if (texts.length > 0) fields[key] = texts;
  }
  return fields;
}

/** What the server said, read from the raw body. */
export interface ServerSaid {
  /** One plain sentence (or a few joined), or null when the body had nothing readable. */
  text: string | null;
  /** Field-level messages (empty when the body was not a field map). */
  fields: Record<string, string[]>;
}

/**
 * Reads a plain-language message out of an error body: `{"detail"}`, `{"error"}`, field maps,
 * plain text. An empty body or an HTML page gives null: an HTML error page is never shown.
 */
export function readServerMessage(raw: string, contentType: string | null, token?: string): ServerSaid {
  const trimmed = raw.trim();
  if (trimmed === '' || looksLikeHtml(trimmed, contentType)) return { text: null, fields: {} };
  let parsed: unknown;
  let isJson = true;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    isJson = false;
  }
  let texts: string[];
  let fields: Record<string, string[]> = {};
  if (isJson) {
    texts = textsIn(parsed);
    fields = fieldMessages(parsed);
  } else {
    texts = [trimmed];
  }
  // Invisible characters out first (one inside an echoed token would hide it from redaction), then
  // redact, then clip: a clip could otherwise leave a recognisable part of the token.
  const safe = (text: string) => cleanText(redactToken(stripInvisible(text), token), MAX_SERVER_TEXT);
  const joined = safe(texts.join('; '));
  const safeFields: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(fields)) safeFields[k] = list.map(safe);
  return { text: joined === '' ? null : joined, fields: safeFields };
}

/**
 * The limit rule. A 400 means "limit reached" when its general message (not a single field's
 * complaint) talks about a limit, quota or maximum number of snapshots, and not about a length or
 * characters. This covers "Snapshot limit reached (5/5)", "Maximum number of snapshots reached",
 * "quota exceeded", "too many snapshots", while "Name: at most 64 characters" stays `invalid`.
 */
export function mentionsSnapshotLimit(said: ServerSaid): boolean {
  if (said.text === null) return false;
  const fieldKeys = Object.keys(said.fields);
  // A complaint tied to one input field (other than the server) is a validation error.
  if (fieldKeys.some((k) => k !== 'server_id' && k !== 'server')) return false;
  const text = said.text;
  if (/\b(characters?|length|long|format)\b/i.test(text)) return false;
  return (
    /\blimit(s|ed)?\b/i.test(text) ||
    /\bquota\b/i.test(text) ||
    /\bmax(imum)?\b.*\bsnapshots?\b/i.test(text) ||
    /\btoo many snapshots\b/i.test(text)
  );
}

/** Picks the kind for an HTTP error status and what the server said. */
export function kindForStatus(status: number, said: ServerSaid): ApiErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status === 400 && mentionsSnapshotLimit(said)) return 'limit_reached';
  if (status >= 400) return 'invalid';
  return 'bad_response';
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

/** The app's own sentence for a kind, used when the server said nothing usable or as a lead-in. */
function ownSentence(kind: ApiErrorKind, status: number, retryAfterMs: number | null): string {
  switch (kind) {
    case 'unauthorized':
      return status === 403
        ? 'This API token is not allowed to do that. Check its permissions under Account → Developers.'
        : 'VPS.org did not accept the API token. It may have been revoked or mistyped: paste a new one from Account → Developers.';
    case 'not_found':
      return 'VPS.org could not find it: it may have been deleted.';
    case 'limit_reached':
      return `This server already has the most snapshots allowed (${SNAPSHOT_LIMIT}). Delete an old one first.`;
    case 'invalid':
      return 'VPS.org refused the request as invalid.';
    case 'rate_limited':
      return retryAfterMs !== null
        ? `VPS.org is receiving too many requests. Try again in ${seconds(retryAfterMs)}.`
        : 'VPS.org is receiving too many requests. Try again in a moment.';
    case 'server':
      return `VPS.org had a problem answering (HTTP ${status}). Try again in a moment.`;
    case 'timeout':
      return 'VPS.org took too long to answer. Try again in a moment.';
    default:
      return `VPS.org sent an unexpected answer (HTTP ${status}).`;
  }
}

/** Builds the ApiError for an HTTP error answer. */
export function errorFromResponse(
  status: number,
  raw: string,
  contentType: string | null,
  options: { token?: string; retryAfterMs?: number | null } = {},
): ApiError {
  const said = readServerMessage(raw, contentType, options.token);
  const kind = kindForStatus(status, said);
  const retryAfterMs = options.retryAfterMs ?? null;
  const own = ownSentence(kind, status, retryAfterMs);
  let message: string;
  if (said.text === null) message = own;
  // The server's words stand alone only when they read as a sentence, never when they open like markup.
  else if ((kind === 'invalid' || kind === 'not_found') && !/^\s*</.test(said.text)) message = said.text;
  else message = `${own} (VPS.org said: ${said.text})`;
  return new ApiError(kind, status, message, { retryAfterMs, fields: said.fields });
}

/** A request that got no answer: the host could not be reached or the connection dropped. */
export function networkError(host: string): ApiError {
  return new ApiError(
    'network',
    null,
    `Could not reach VPS.org at ${host}, or the connection was cut. Check your internet connection and try again.`,
  );
}

/** A request that did not finish within the timeout. */
export function timeoutError(timeoutMs: number): ApiError {
  return new ApiError(
    'timeout',
    null,
    `VPS.org did not answer within ${seconds(timeoutMs)}. It may be busy; try again in a moment.`,
  );
}

/**
 * The caller cancelled the request (e.g. the app is shutting down): kind `cancelled`, not a network
 * failure, so nothing reads it as "offline" and nothing retries it.
 */
export function cancelledError(): ApiError {
  return new ApiError('cancelled', null, 'The request was cancelled before VPS.org answered.');
}

/** A 2xx answer whose body was not what the API documents. */
export function badResponseError(status: number | null, what: string): ApiError {
  return new ApiError(
    'bad_response',
    status,
    `VPS.org sent an answer the app could not read (${what}). Try again; if it keeps happening the API may have changed.`,
  );
}
