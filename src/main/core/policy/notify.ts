/** The notification of a scheduled run (sent for failures and skips always, successes per the policy). */
import { policyResultText, POLICY_NOTIFY_TITLES } from '../../../shared/i18n/policy-texts';
import type { Translator } from '../../../shared/i18n/translator';
import type { NotificationRequest } from '../ports';
import type { RunReport } from './runner';

/** The notification for a run that ended; `demo` marks it as the demo's. */
export function policyRunNotification(tr: Translator, report: RunReport, demo = false): NotificationRequest {
  const title = tr.t(POLICY_NOTIFY_TITLES[report.result.outcome], { server: report.serverName });
  return {
    title: demo ? tr.t('notify.demo', { title }) : title,
    body: policyResultText(tr, report.result, report.serverName),
    serverId: report.serverId,
  };
}
