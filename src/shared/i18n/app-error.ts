/**
 * AppErrors the app words itself: a kind, a catalog code with parameters (so each view renders it
 * in its own language), and `message`, the same text rendered in one language for callers that
 * only read text (logs, older views). The core re-renders `message` in the user's language before
 * an error leaves it (localizeError).
 */
import type { AppError, ErrorKind } from '../state';
import type { MessageKey } from './catalogs';
import type { MessageParams } from './message-format';
import { english, type Translator } from './translator';

/** An error of `kind` worded by the catalog entry `code` (message in English until localized). */
export function appError(kind: ErrorKind, code: MessageKey, params?: MessageParams): AppError {
  return {
    kind,
    code,
    ...(params !== undefined ? { params } : {}),
    message: english().t(code, params),
  };
}

/** The error with `message` in the translator's language (errors without a code stay as they are). */
export function localizeError(error: AppError, tr: Translator): AppError {
  if (error.code === undefined) return error;
  return { ...error, message: tr.t(error.code, error.params) };
}
