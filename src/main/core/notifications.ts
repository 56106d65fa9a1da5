/**
 * The texts of every notification, in the user's language. Each is complete on its own: on Linux
 * a click may never arrive, so the title names the server and the body says what happened, to
 * what, and what to do next.
 */
import { CREATE_MINUTES, type Id, type Operation, type SafetyAbandon } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n/catalogs';
import { errorMessage, outcomeText } from '../../shared/i18n/texts';
import type { Translator } from '../../shared/i18n/translator';
import type { AppError, CatalogMessage } from '../../shared/state';
import type { NotificationRequest } from './ports';

/** Adds a "(demo)" marker so demo events are never mistaken for real ones. */
function titled(tr: Translator, title: string, demo: boolean): string {
  return demo ? tr.t('notify.demo', { title }) : title;
}

const FINISHED_KEYS: Record<
  Operation['kind'],
  Record<'succeeded' | 'failed', { title: MessageKey; body: MessageKey }>
> = {
  create: {
    succeeded: { title: 'notify.createDone.title', body: 'notify.createDone.body' },
    failed: { title: 'notify.createFailed.title', body: 'notify.createFailed.body' },
  },
  restore: {
    succeeded: { title: 'notify.restoreDone.title', body: 'notify.restoreDone.body' },
    failed: { title: 'notify.restoreFailed.title', body: 'notify.restoreFailed.body' },
  },
};

/** The notification for a finished operation (create or restore, success or failure). */
export function operationFinishedNotification(
  op: Operation,
  tr: Translator,
  demo = false,
): NotificationRequest {
  const keys = FINISHED_KEYS[op.kind][op.status === 'succeeded' ? 'succeeded' : 'failed'];
  const params = {
    server: op.serverName,
    snapshot: op.snapshotName,
    duration: tr.between(op.startedAt, op.finishedAt ?? op.startedAt),
    outcome: outcomeText(op, tr),
  };
  return {
    title: titled(tr, tr.t(keys.title, params), demo),
    body: tr.t(keys.body, params).trim(),
    serverId: op.serverId,
  };
}

/**
 * A restore after a safety snapshot was not started (the snapshot failed or cannot be confirmed, or
 * the restore was refused meanwhile): the server was left as it was.
 */
export function safetyAbandonedNotification(
  safety: Operation,
  reason: SafetyAbandon,
  tr: Translator,
  demo = false,
): NotificationRequest {
  const params = {
    server: safety.serverName,
    snapshot: safety.safetyRestore?.snapshotName ?? '',
    reason: tr.t(`safety.abandoned.${reason}`),
  };
  return {
    title: titled(tr, tr.t('notify.safetyAbandoned.title', params), demo),
    body: tr.t('notify.safetyAbandoned.body', params),
    serverId: safety.serverId,
  };
}

/** The one notification sent when the token stops working (a 401). */
export function tokenInvalidNotification(tr: Translator, demo = false): NotificationRequest {
  return {
    title: titled(tr, tr.t('notify.tokenInvalid.title'), demo),
    body: tr.t('notify.tokenInvalid.body'),
  };
}

/** The notification at start when the settings file had a problem (the window shows the details). */
export function settingsProblemNotification(tr: Translator): NotificationRequest {
  return { title: tr.t('notify.settingsProblem.title'), body: tr.t('notify.settingsProblem.body') };
}

/** A settings problem that needs the user's eye now, worded in full (e.g. a token kept for another address). */
export function settingsDetailNotification(problem: CatalogMessage, tr: Translator): NotificationRequest {
  return { title: tr.t('notify.settingsProblem.title'), body: tr.t(problem.code, problem.params) };
}

/** Confirms a quick snapshot started from the tray (or, when VPS.org's answer was lost, that it may have). */
export function snapshotStartedNotification(
  op: Operation,
  tr: Translator,
  demo = false,
): NotificationRequest {
  const params = {
    server: op.serverName,
    snapshot: op.snapshotName,
    usual: tr.minutesRange(CREATE_MINUTES.min, CREATE_MINUTES.max),
  };
  return {
    title: titled(tr, tr.t('notify.snapshotStarted.title', params), demo),
    body: tr.t(op.uncertain === true ? 'notify.snapshotUnclear.body' : 'notify.snapshotStarted.body', params),
    serverId: op.serverId,
  };
}

/** A tray action that was refused or failed: what it was (and on which server), why, and what to do. */
export function actionFailedNotification(
  action: 'quickSnapshot' | 'refresh' | 'startDemo' | 'leaveDemo',
  error: AppError,
  tr: Translator,
  server: { id: Id; name: string } | null,
  demo = false,
): NotificationRequest {
  const titleKeys = {
    quickSnapshot: 'notify.snapshotRefused.title',
    refresh: 'notify.refreshFailed.title',
    startDemo: 'notify.demoFailed.title',
    leaveDemo: 'notify.leaveDemoFailed.title',
  } as const satisfies Record<typeof action, MessageKey>;
  const title = tr.t(titleKeys[action], { server: server?.name ?? '' });
  return {
    title: titled(tr, title, demo),
    body: errorMessage(error, tr),
    ...(server !== null ? { serverId: server.id } : {}),
  };
}

/**
 * The one notification sent when the settings file cannot be written: finished operations are still
 * announced, but their end is not saved, so a restart may announce them again.
 */
export function saveFailedNotification(reason: string, tr: Translator): NotificationRequest {
  const body = saveProblem(reason);
  return { title: tr.t('notify.saveFailed.title'), body: tr.t(body.code, body.params) };
}

/** Why the settings cannot be saved, for the state (the window's banner says what the notification says). */
export function saveProblem(reason: string): CatalogMessage {
  return { code: 'notify.saveFailed.body', params: { reason } };
}
