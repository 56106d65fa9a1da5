/**
 * Texts of snapshot policies that more than one surface builds: the sentence of a run's result
 * (notification body, window, tray) and a schedule in words.
 */
import type { RunResult, Schedule } from '../policy';
import type { MessageKey } from './catalogs';
import type { Translator } from './translator';

/** The sentence saying how a scheduled run ended, with what rotation removed. */
export function policyResultText(tr: Translator, result: RunResult, server: string): string {
  const key = `policy.result.${result.code}` as const satisfies MessageKey;
  const main = tr.t(key, { server, snapshot: result.snapshotName ?? '' });
  if (result.removed.length === 0) return main;
  return `${main} ${tr.t('policy.result.removed', { names: result.removed.join(', ') })}`;
}

/** The catalog key of the title of a run's notification. */
export const POLICY_NOTIFY_TITLES: Record<RunResult['outcome'], MessageKey> = {
  succeeded: 'notify.policy.succeeded.title',
  failed: 'notify.policy.failed.title',
  skipped: 'notify.policy.skipped.title',
};

/** The kind of a schedule in words ("Daily", "Every 4 hours" …), for the tray and the window. */
export function scheduleKindText(tr: Translator, schedule: Schedule): string {
  if (schedule.kind === 'every') return tr.t('policy.everyHours', { hours: schedule.hours });
  return tr.t(`policy.kind.${schedule.kind}`);
}
