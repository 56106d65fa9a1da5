/** Plain-language, translated text for errors that reach the window. */
import type { AppError, ErrorKind } from '../../shared/state';
import { t, type MessageKey } from './i18n/index.svelte';

const KIND_KEYS: Record<ErrorKind, MessageKey> = {
  unauthorized: 'error.unauthorized',
  not_found: 'error.not_found',
  limit_reached: 'error.limit_reached',
  invalid: 'error.invalid',
  rate_limited: 'error.rate_limited',
  server: 'error.server',
  network: 'error.network',
  timeout: 'error.timeout',
  cancelled: 'error.cancelled',
  bad_response: 'error.bad_response',
  validation: 'error.validation',
  refused: 'error.refused',
  keychain: 'error.keychain',
  not_signed_in: 'error.not_signed_in',
  internal: 'error.internal',
};

/** The translated headline for an error's kind (any unknown kind reads as an internal error). */
export function errorText(error: AppError): string {
  return t(KIND_KEYS[error.kind] ?? 'error.internal');
}

// Kinds whose core message carries the specific reason (which field, which state) worth showing.
const DETAILED = new Set<ErrorKind>([
  'invalid',
  'refused',
  'validation',
  'keychain',
  'limit_reached',
  'not_found',
]);

/** The core's own message as a secondary detail line, when it adds something to the headline. */
export function errorDetail(error: AppError): string | null {
  const message = error.message.trim();
  return DETAILED.has(error.kind) && message ? t('error.details', { message }) : null;
}
