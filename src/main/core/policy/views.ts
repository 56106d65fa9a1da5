/**
 * What the window and the tray see of the policies of the account in use: next run, last result,
 * what the next rotation removes, and which snapshots are automatic. Pure (clock and zone passed in).
 */
import type { Id, Snapshot } from '../../../shared/domain';
import type { PolicyView } from '../../../shared/policy';
import type { PolicyEntry } from './policy-data';
import { groupRecords, isAutomatic, previewRotation, type AutoSnapshotRecord } from './rotation';
import { nextRun } from './schedule';

/** Everything the views are built from. */
export interface PolicyViewInput {
  entries: readonly PolicyEntry[];
  records: readonly AutoSnapshotRecord[];
  pinnedIds: readonly Id[];
  snapshots: readonly Snapshot[];
  /** The account scope in use, or null when signed out (no views then). */
  scope: string | null;
  /** The schedules' time zone, asked for only when there is a policy to show. */
  zone: () => string;
  /** The schedules' clock (scaled in demo mode). */
  now: number;
}

/** The policy views of the scope in use, one per server with a stored policy. */
export function policyViews(input: PolicyViewInput): PolicyView[] {
  const { scope } = input;
  if (scope === null) return [];
  const records = groupRecords(input.records, scope);
  // One pass over the snapshots (5,000 at most), then one lookup per policy.
  const byServer = new Map<string, Snapshot[]>();
  for (const s of input.snapshots) {
    const key = String(s.serverId);
    const list = byServer.get(key);
    if (list) list.push(s);
    else byServer.set(key, [s]);
  }
  let zone: string | undefined;
  return input.entries
    .filter((e) => e.scope === scope)
    .map((e) => {
      zone ??= input.zone();
      const next = nextRun(e.policy.schedule, zone, e.schedule, input.now);
      const snapshots = byServer.get(String(e.serverId)) ?? [];
      const preview = previewRotation(
        {
          scope,
          serverId: e.serverId,
          snapshots,
          records: records.get(String(e.serverId)) ?? [],
          pinnedIds: input.pinnedIds,
        },
        e.policy.keep,
      );
      return {
        serverId: e.serverId,
        policy: e.policy,
        nextRunAt: next === null ? null : new Date(e.run?.retryAt ?? next.period.start).toISOString(),
        running: e.run !== null,
        lastResult: e.lastResult,
        nextRemoves: e.policy.schedule.kind === 'off' ? [] : preview.afterNextRun.map((s) => s.name),
      };
    });
}

/** Ids of the listed snapshots the app made under a policy in this scope (the window's "automatic"). */
export function automaticIds(
  records: readonly AutoSnapshotRecord[],
  scope: string | null,
  snapshots: readonly Snapshot[],
): Id[] {
  if (scope === null) return [];
  const groups = groupRecords(records, scope);
  return snapshots
    .filter((s) => isAutomatic(groups.get(String(s.serverId)) ?? [], scope, s.serverId, s))
    .map((s) => s.id);
}
