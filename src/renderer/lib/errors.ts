/** Plain-language, translated text for errors that reach the window. */
import { ERROR_KIND_KEYS } from '../../shared/i18n';
import type { AppError, ErrorKind } from '../../shared/state';
import { t } from './i18n/index.svelte';

/** The translated headline for an error's kind (any unknown kind reads as an internal error). */
export function errorText(error: AppError): string {
  return t(ERROR_KIND_KEYS[error.kind] ?? 'error.internal');
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

/** The specific reason in the current language: from the error's code when main worded it. */
export function errorReason(error: AppError): string {
  return error.code !== undefined ? t(error.code, error.params) : error.message.trim();
}

/** The core's own message as a secondary detail line, when it adds something to the headline. */
export function errorDetail(error: AppError): string | null {
  const message = errorReason(error);
  return DETAILED.has(error.kind) && message ? t('error.details', { message }) : null;
}
