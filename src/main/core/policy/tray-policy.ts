/**
 * What the tray says about snapshot policies: each server's next run and a failed or skipped last
 * run (in its submenu), and whether the icon should ask for attention. Pure.
 */
import { sameId, type Id } from '../../../shared/domain';
import type { Translator } from '../../../shared/i18n/translator';
import type { PolicyView } from '../../../shared/policy';

/** A last run that went wrong: failed, or skipped (a full server). */
function troubled(view: PolicyView): boolean {
  return view.lastResult !== null && view.lastResult.outcome !== 'succeeded';
}

/** The tray's lines about one server's policy (none when it has no schedule and no trouble). */
export function policyTrayLines(
  tr: Translator,
  policies: readonly PolicyView[],
  server: { id: Id; name: string },
): string[] {
  const view = policies.find((p) => sameId(p.serverId, server.id));
  if (view === undefined) return [];
  const lines: string[] = [];
  if (view.lastResult !== null && troubled(view)) {
    const key = view.lastResult.outcome === 'failed' ? 'tray.policy.failed' : 'tray.policy.skipped';
    lines.push(tr.t(key, { server: server.name }));
  }
  const when = tr.dateTime(view.nextRunAt);
  if (when !== null) lines.push(tr.t('tray.policy.next', { server: server.name, when }));
  return lines;
}

/** True when a policy's last run failed or was skipped: the icon and tooltip say so. */
export function policyNeedsAttention(policies: readonly PolicyView[]): boolean {
  return policies.some(troubled);
}
