/**
 * Texts every surface builds the same way from data: an error in the viewer's language, a status
 * word, and the outcome sentence of a finished operation (the window's operations list and the
 * notification body share it).
 */
import type { Operation, OperationOutcome } from '../domain';
import type { AppError, CatalogMessage, ErrorKind } from '../state';
import type { MessageKey } from './catalogs';
import type { Translator } from './translator';

/** The catalog key of each error kind's plain sentence (the window's headline for it). */
export const ERROR_KIND_KEYS: Record<ErrorKind, MessageKey> = {
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

/**
 * An error in the translator's language: from its code when the app worded it; otherwise its own
 * message in English (it may hold what VPS.org said), or the kind's sentence in other languages.
 */
export function errorMessage(error: AppError, tr: Translator): string {
  if (error.code !== undefined) return tr.t(error.code, error.params);
  if (tr.language.locale === 'en' && error.message.trim() !== '') return error.message;
  return tr.t(ERROR_KIND_KEYS[error.kind] ?? 'error.internal');
}

const STATUS_WORDS: Record<string, MessageKey> = {
  active: 'statusWord.active',
  stopped: 'statusWord.stopped',
  suspended: 'statusWord.suspended',
  restoring: 'statusWord.restoring',
  in_progress: 'statusWord.in_progress',
  completed: 'statusWord.completed',
  failed: 'statusWord.failed',
};

/** A server or snapshot status as a lower-case word; a status the docs do not name is shown as sent. */
export function statusWord(status: string, tr: Translator): string {
  const key = Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status] : undefined;
  if (key) return tr.t(key);
  return status.trim() === '' ? tr.t('statusWord.unknown') : status;
}

/** The sentence saying how an operation ended (empty while it runs or when nothing is known). */
export function outcomeText(
  op: Pick<Operation, 'serverName' | 'outcome' | 'message'>,
  tr: Translator,
): string {
  const outcome: OperationOutcome | null | undefined = op.outcome;
  if (!outcome) return op.message ?? '';
  const server = op.serverName;
  switch (outcome.type) {
    case 'created': {
      const size = tr.size(outcome.sizeMb);
      return size === null ? tr.t('outcome.createdNoSize') : tr.t('outcome.created', { size });
    }
    case 'snapshotFailed':
      return tr.t('outcome.snapshotFailed', { status: statusWord(outcome.status, tr) });
    case 'snapshotGone':
      return tr.t('outcome.snapshotGone');
    case 'notApplied':
      return tr.t('outcome.notApplied', { minutes: outcome.minutes ?? 0 });
    case 'notListed':
      return tr.t('outcome.notListed', { minutes: outcome.minutes });
    case 'restored': {
      if (outcome.serverStatus === null) return tr.t('outcome.restoredEnded', { server });
      const status = statusWord(outcome.serverStatus, tr);
      if (outcome.serverStatus === 'active') return tr.t('outcome.restoredUp', { server });
      const asBefore = outcome.previousStatus === outcome.serverStatus;
      return tr.t(asBefore ? 'outcome.restoredAsBefore' : 'outcome.restoredDown', { server, status });
    }
    case 'serverGone':
      return tr.t('outcome.serverGone');
    case 'restoreUnconfirmed': {
      const minutes = outcome.minutes ?? 0;
      return outcome.serverStatus === null
        ? tr.t('outcome.restoreUnconfirmedNoStatus', { server, minutes })
        : tr.t('outcome.restoreUnconfirmed', {
            server,
            minutes,
            status: statusWord(outcome.serverStatus, tr),
          });
    }
  }
}

/** Messages the core left as codes (a settings problem, sentence by sentence) in the translator's language. */
export function messagesText(messages: readonly CatalogMessage[], tr: Translator): string {
  return messages.map((m) => tr.t(m.code, m.params)).join(' ');
}
