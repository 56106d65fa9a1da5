/**
 * The policy engine at the size users have (1,000 servers, 5 snapshots each): one pass of
 * `nextRun` over 1,000 policies (what the core does when it wakes or the clock jumps), first in a
 * fresh process (slot cache empty) and then warm; the rotation dry run and the run plans for
 * 1,000 servers.
 */
import { performance } from 'node:perf_hooks';
import type { Schedule } from '../src/shared/policy';
import { EVERY_HOURS } from '../src/shared/policy';
import { nextRun, type ScheduleState } from '../src/main/core/policy/schedule';
import {
  groupRecords,
  planCreate,
  planRotation,
  previewRotation,
  type AutoSnapshotRecord,
  type RotationSnapshot,
  type ServerSnapshots,
} from '../src/main/core/policy/rotation';
import { info, underBudget, type Figure } from './report';

const SERVERS = 1000;
const H = 3_600_000;
const ZONE = 'Europe/Helsinki';
const SCOPE = '["https://admin.vps.org/api/v1","ops@example.com"]';

/** A spread of schedules: every kind, many times of day. */
function scheduleFor(i: number): Schedule {
  const at = `${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
  if (i % 3 === 0) return { kind: 'every', hours: EVERY_HOURS[i % EVERY_HOURS.length]! };
  if (i % 3 === 1) return { kind: 'daily', at };
  return { kind: 'weekly', weekday: ((i % 7) + 1) as 1, at };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Runs the policy figures. */
export function policyScaleBenchmark(): Figure[] {
  const now = Date.parse('2026-10-25T01:30:00Z'); // during Helsinki's repeated hour
  const schedules = Array.from({ length: SERVERS }, (_, i) => scheduleFor(i));
  const states: ScheduleState[] = schedules.map((_, i) => ({
    since: now - 30 * 24 * H,
    lastRun: { at: now - (i % 50) * H, period: { key: 'x', start: now - (i % 50) * H } },
  }));
  const pass = () => schedules.forEach((s, i) => nextRun(s, ZONE, states[i]!, now));
  const cold = timed(pass);
  const warm = median(Array.from({ length: 9 }, () => timed(pass)));

  const records: AutoSnapshotRecord[] = [];
  const lists: RotationSnapshot[][] = [];
  for (let server = 0; server < SERVERS; server++) {
    const list: RotationSnapshot[] = [];
    for (let j = 0; j < 5; j++) {
      const id = server * 10 + j;
      const snapshot = {
        id,
        name: `auto-s${server}-${j}`,
        status: 'completed',
        createdAt: new Date(now - j * H).toISOString(),
      };
      list.push(snapshot);
      if (j < 4) records.push({ scope: SCOPE, serverId: server, snapshotId: id, name: snapshot.name });
    }
    lists.push(list);
  }
  /** `plan` for every server; `grouped` hands each only its server's records (grouped once per pass). */
  const pass1000 = (grouped: boolean, plan: (input: ServerSnapshots, server: number) => void) => () => {
    const groups = grouped ? groupRecords(records, SCOPE) : null;
    lists.forEach((snapshots, server) => {
      const own = groups ? (groups.get(String(server)) ?? []) : records;
      plan({ scope: SCOPE, serverId: server, snapshots, records: own, pinnedIds: [server * 10 + 3] }, server);
    });
  };
  const preview = pass1000(true, (input) => previewRotation(input, 3));
  const runPlans = pass1000(true, (input, server) => {
    planCreate(input, true);
    planRotation(input, 3, server * 10);
  });
  timed(preview);
  const previewMs = median(Array.from({ length: 9 }, () => timed(preview)));
  const plansMs = median(Array.from({ length: 9 }, () => timed(runPlans)));
  const ungrouped = timed(pass1000(false, (input) => previewRotation(input, 3)));

  return [
    info(
      'policy.next_run.n1000.cold',
      cold,
      'ms',
      'First pass in a fresh process: every slot computed with Intl.',
    ),
    underBudget('policy.next_run.n1000', warm, 'ms', 50),
    underBudget(
      'policy.preview.n1000',
      previewMs,
      'ms',
      50,
      false,
      'previewRotation for each of 1,000 servers (5 snapshots, 4 records each): what a window showing "next rotation removes" for every server costs per state build.',
    ),
    info(
      'policy.plans.n1000',
      plansMs,
      'ms',
      'planCreate + planRotation for each of 1,000 servers (once per run in use).',
    ),
    info(
      'policy.preview.n1000.all_records',
      ungrouped,
      'ms',
      'previewRotation handing every server all 4,000 records.',
    ),
  ];
}
