/**
 * A per-server snapshot policy: when the app takes automatic snapshots, how many it keeps, whether
 * it may delete one to make room, and how loudly it reports. Shared by the core (which runs
 * policies) and the window (which edits them); the schema is the one check for both the IPC
 * payload and the settings file. The schedule and rotation rules live in src/main/core/policy/.
 */
import * as v from 'valibot';
import { SNAPSHOT_LIMIT, type Id } from './domain';
import {
  renderNameTemplate,
  SNAPSHOT_NAME_MAX,
  uniqueSnapshotName,
  type TemplateInput,
} from './snapshot-name';

/** The intervals an "every N hours" schedule may use: each divides a day, so slots repeat daily. */
export const EVERY_HOURS = [1, 2, 3, 4, 6, 8, 12] as const;
/** An allowed interval in hours. */
export type EveryHours = (typeof EVERY_HOURS)[number];

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** An ISO weekday (1 Monday ... 7 Sunday). */
export type Weekday = (typeof WEEKDAYS)[number];

/** A local wall-clock time, "HH:MM" on a 24-hour clock (what `<input type="time">` gives). */
export type LocalTime = string;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** When automatic snapshots are taken. Local times are in the computer's time zone. */
export type Schedule =
  | { kind: 'off' }
  | { kind: 'every'; hours: EveryHours }
  | { kind: 'daily'; at: LocalTime }
  | { kind: 'weekly'; weekday: Weekday; at: LocalTime };

/** How a policy reports: every successful run summarised, or only failures. Failures and skips always notify. */
export const NOTIFY_MODES = ['each-run', 'failures-only'] as const;
/** A notification mode. */
export type NotifyMode = (typeof NOTIFY_MODES)[number];

/** Bounds of K: at most one fewer than the per-server limit, so one slot always stays free. */
export const KEEP_BOUNDS = { min: 1, max: SNAPSHOT_LIMIT - 1, default: 3 } as const;

/** One server's policy. */
export interface SnapshotPolicy {
  schedule: Schedule;
  /** How many automatic snapshots rotation keeps (KEEP_BOUNDS). */
  keep: number;
  /** May a run delete the oldest automatic snapshot when the server has no free slot? */
  makeRoom: boolean;
  notify: NotifyMode;
}

/** The policy of a server nobody has set one for: no schedule. */
export const DEFAULT_POLICY: SnapshotPolicy = {
  schedule: { kind: 'off' },
  keep: KEEP_BOUNDS.default,
  makeRoom: false,
  notify: 'each-run',
};

const LocalTimeSchema = v.pipe(v.string(), v.regex(LOCAL_TIME));

/** A schedule, exactly one of the four kinds and nothing more. */
export const ScheduleSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('off') }),
  v.strictObject({ kind: v.literal('every'), hours: v.picklist(EVERY_HOURS) }),
  v.strictObject({ kind: v.literal('daily'), at: LocalTimeSchema }),
  v.strictObject({ kind: v.literal('weekly'), weekday: v.picklist(WEEKDAYS), at: LocalTimeSchema }),
]) satisfies v.GenericSchema<unknown, Schedule>;

/** K, the number of automatic snapshots rotation keeps. */
export const KeepSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(KEEP_BOUNDS.min),
  v.maxValue(KEEP_BOUNDS.max),
);

/** A whole policy (IPC payload and stored form); unknown keys are refused. */
export const PolicySchema = v.strictObject({
  schedule: ScheduleSchema,
  keep: KeepSchema,
  makeRoom: v.boolean(),
  notify: v.picklist(NOTIFY_MODES),
}) satisfies v.GenericSchema<unknown, SnapshotPolicy>;

/** The policy in `raw`, or null when it is not exactly a valid policy. */
export function parsePolicy(raw: unknown): SnapshotPolicy | null {
  const result = v.safeParse(PolicySchema, raw);
  return result.success ? result.output : null;
}

/** Hours and minutes of a valid LocalTime. */
export function splitLocalTime(at: LocalTime): { hour: number; minute: number } {
  if (!LOCAL_TIME.test(at)) throw new RangeError(`Not a local time (HH:MM): ${JSON.stringify(at)}`);
  return { hour: Number(at.slice(0, 2)), minute: Number(at.slice(3, 5)) };
}

/** How a scheduled run ended, as far as notifications care. */
export type RunOutcome = 'succeeded' | 'failed' | 'skipped';

/** True when a run's outcome gets a notification: failures and skips always, successes per the mode. */
export function notifiesRun(mode: NotifyMode, outcome: RunOutcome): boolean {
  return outcome !== 'succeeded' || mode === 'each-run';
}

/**
 * What names of automatic snapshots start with, so a user can tell them apart in VPS.org's own
 * dashboard. It is only a hint: which snapshots the app made is known from its local records
 * (see src/main/core/policy/rotation.ts), never from a name.
 */
export const AUTO_NAME_PREFIX = 'auto-';

/**
 * The name of an automatic snapshot: the user's naming template with AUTO_NAME_PREFIX in front
 * (not doubled when the template already starts with it), made unique among `taken` within the
 * name rule. Always starts with the prefix.
 */
export function autoSnapshotName(template: string, input: TemplateInput, taken: readonly string[]): string {
  const body = renderNameTemplate(template, input);
  // The body is valid and never starts or ends with a hyphen, so the prefix survives the cut.
  const full = body.startsWith(AUTO_NAME_PREFIX) ? body : `${AUTO_NAME_PREFIX}${body}`;
  return uniqueSnapshotName(full.slice(0, SNAPSHOT_NAME_MAX).replace(/-+$/, ''), taken);
}

/** Why a run ended as it did (codes for the catalogs: `policy.result.<code>`). */
export const RUN_RESULT_CODES = [
  'created',
  'no-free-slot',
  'create-refused',
  'create-not-listed',
  'snapshot-failed',
  'snapshot-vanished',
  'make-room-failed',
  'rotation-incomplete',
] as const;
/** One result code. */
export type RunResultCode = (typeof RUN_RESULT_CODES)[number];

/** The last result of a policy (kept by the core, shown in the window and the tray). */
export interface RunResult {
  /** When it ended, schedule-clock ms. */
  at: number;
  periodKey: string;
  outcome: 'succeeded' | 'failed' | 'skipped';
  code: RunResultCode;
  /** The snapshot made (succeeded), or the one that failed; else null. */
  snapshotName: string | null;
  /** Names rotation (or make-room) deleted in this run, oldest first. */
  removed: string[];
}

/** What the window and the tray see of one server's policy (AppState.policies). */
export interface PolicyView {
  serverId: Id;
  policy: SnapshotPolicy;
  /** When the next run is due (ISO), or null when the schedule is off. Past: due now. */
  nextRunAt: string | null;
  /** A run is in flight (creating, waiting for the snapshot, or waiting to retry). */
  running: boolean;
  lastResult: RunResult | null;
  /** Names the next rotation removes once the next automatic snapshot has completed, oldest first. */
  nextRemoves: string[];
}

/** The policy editor's dry run for a chosen K: what rotation would keep and delete today (names, oldest first). */
export interface PolicyPreview {
  keep: string[];
  remove: string[];
}
