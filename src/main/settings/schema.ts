/**
 * The shape of the settings file, its version and migrations, and the valibot schemas that check
 * each part on its own (so one bad field costs only that field, not the whole file).
 */
import * as v from 'valibot';
import { outsideText, TEXT_LIMITS } from '../../shared/display-text';
import { SAFETY_ABANDONS, type Operation, type OperationOutcome } from '../../shared/domain';
import {
  HISTORY_FLOWS,
  HISTORY_KINDS,
  HISTORY_RESULTS,
  HISTORY_SOURCES,
  type HistoryEntry,
  type HistoryError,
} from '../../shared/history';
import { isMessageKey, type MessageKey } from '../../shared/i18n/catalogs';
import { ERROR_KIND_KEYS } from '../../shared/i18n/texts';
import type { ErrorKind } from '../../shared/state';
import { IdSchema, OperationIdSchema, SETTING_SCHEMAS, wholeNumber } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { PersistedData } from '../core/ports';
import type { PinRecord } from '../core/pins';
import type { PolicyEntry } from '../core/policy/policy-data';
import type { AutoSnapshotRecord } from '../core/policy/rotation';
import { PolicySchema, RUN_RESULT_CODES } from '../../shared/policy';

/** The file format version this build writes. */
export const SETTINGS_VERSION = 1;

/** Where the window was last, so it reopens there. */
export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Everything in the settings file (never the token). */
export interface StoredFile extends PersistedData {
  version: number;
  windowBounds: WindowBounds | null;
}

/** A parsed, not yet validated, file body. */
export type RawFile = Record<string, unknown>;

/**
 * Migrations by the version they upgrade from. Version 0 (pre-release builds, no `version` field)
 * kept the user settings at the top level; version 1 groups them under `settings`.
 */
export const MIGRATIONS: Record<number, (raw: RawFile) => RawFile> = {
  0: (raw) => {
    if (raw['settings'] !== undefined) return { ...raw, version: 1 };
    const settings: RawFile = {};
    const rest: RawFile = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key in DEFAULT_SETTINGS) settings[key] = value;
      else rest[key] = value;
    }
    return { ...rest, settings, version: 1 };
  },
};

// Texts are capped and cleaned as they are read (outsideText): the file may have been edited by
// someone else, and what it holds reaches the window, the tray and notifications.
const IsoOrNull = v.nullable(outsideText(TEXT_LIMITS.date));

// Statuses VPS.org sent, kept in an outcome: cleaned and capped like every outside text.
const Word = outsideText(TEXT_LIMITS.status);

/** How a finished operation ended, as stored (see OperationOutcome). */
export const OutcomeSchema = v.variant('type', [
  v.object({ type: v.literal('created'), sizeMb: v.nullable(v.number()) }),
  v.object({ type: v.literal('snapshotFailed'), status: Word }),
  v.object({ type: v.literal('snapshotGone') }),
  v.object({ type: v.literal('notApplied'), minutes: v.optional(v.number()) }),
  v.object({ type: v.literal('notListed'), minutes: v.number() }),
  v.object({ type: v.literal('restored'), serverStatus: v.nullable(Word), previousStatus: v.nullable(Word) }),
  v.object({ type: v.literal('serverGone') }),
  v.object({
    type: v.literal('restoreUnconfirmed'),
    serverStatus: v.nullable(Word),
    minutes: v.optional(v.number()),
  }),
]) satisfies v.GenericSchema<unknown, OperationOutcome>;

/** One tracked operation as stored. */
export const OperationSchema = v.object({
  id: OperationIdSchema,
  kind: v.picklist(['create', 'restore']),
  // The contract's id pattern: these ids go into URL paths and log lines.
  serverId: IdSchema,
  serverName: outsideText(TEXT_LIMITS.name),
  snapshotId: v.nullable(IdSchema),
  snapshotName: outsideText(TEXT_LIMITS.name),
  startedAt: outsideText(TEXT_LIMITS.date),
  status: v.picklist(['running', 'succeeded', 'failed']),
  finishedAt: IsoOrNull,
  // A damaged outcome is dropped rather than the whole operation (its status still says how it ended).
  outcome: v.optional(v.fallback(v.nullable(OutcomeSchema), null)),
  message: v.nullable(outsideText(TEXT_LIMITS.text)),
  previousServerStatus: v.optional(v.nullable(outsideText(TEXT_LIMITS.status))),
  // Kept across restarts: without them a dormant operation of another API would be judged against
  // the current one, and an unconfirmed restore would end as a plain success.
  scope: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  uncertain: v.optional(v.boolean()),
  // Without these, a create tracked by name could adopt an older snapshot, a restore seen running
  // would wait for confirmation again, and an end saved just before a crash would never be announced.
  knownSnapshotIds: v.optional(v.pipe(v.array(IdSchema), v.maxLength(100))),
  seenRestoring: v.optional(v.boolean()),
  announced: v.optional(v.boolean()),
  source: v.optional(v.picklist(HISTORY_SOURCES)),
  flow: v.optional(v.picklist(HISTORY_FLOWS)),
  safetyRestore: v.optional(
    v.object({
      snapshotId: IdSchema,
      snapshotName: outsideText(TEXT_LIMITS.name),
      step: v.picklist(['waiting', 'sending', 'started', 'abandoned']),
      restoreOpId: v.optional(OperationIdSchema),
      abandoned: v.optional(v.picklist(SAFETY_ABANDONS)),
    }),
  ),
}) satisfies v.GenericSchema<unknown, Operation>;

/** A refusal's reason as stored: its kind, and a catalog code with short parameters. */
const HistoryErrorSchema = v.object({
  kind: v.picklist(Object.keys(ERROR_KIND_KEYS) as ErrorKind[]),
  // A code this build has no words for makes the reason unreadable: it is dropped, the entry kept.
  code: v.optional(v.custom<MessageKey>((c) => typeof c === 'string' && isMessageKey(c))),
  params: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.maxLength(40)),
        v.union([outsideText(TEXT_LIMITS.name), v.pipe(v.number(), v.finite())]),
      ),
      v.check((p) => Object.keys(p).length <= 10),
    ),
  ),
}) satisfies v.GenericSchema<unknown, HistoryError>;

/** One history entry as stored; a damaged one is dropped alone. */
export const HistoryEntrySchema = v.object({
  id: OperationIdSchema,
  at: outsideText(TEXT_LIMITS.date),
  startedAt: IsoOrNull,
  scope: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  kind: v.picklist(HISTORY_KINDS),
  source: v.picklist(HISTORY_SOURCES),
  serverId: IdSchema,
  serverName: outsideText(TEXT_LIMITS.name),
  snapshotId: v.nullable(IdSchema),
  snapshotName: outsideText(TEXT_LIMITS.name),
  result: v.picklist(HISTORY_RESULTS),
  outcome: v.optional(v.fallback(v.nullable(OutcomeSchema), null)),
  error: v.optional(v.fallback(v.nullable(HistoryErrorSchema), null)),
  flow: v.optional(v.picklist(HISTORY_FLOWS)),
}) satisfies v.GenericSchema<unknown, HistoryEntry>;

/** Each user setting's own schema (one definition with the IPC contract's settings patch). */
export { SETTING_SCHEMAS };

/** How the app was last connected. */
export const SessionSchema = v.object({
  mode: v.picklist(['signed-out', 'demo', 'account']),
  email: v.nullable(outsideText(TEXT_LIMITS.email)),
});

/** The longest scope text kept (an API address and an email, as JSON). */
const SCOPE_MAX = 4096;

/** One pinned snapshot as stored; each is checked on its own, so a damaged one costs only itself. */
export const PinSchema = v.object({
  scope: v.pipe(v.string(), v.minLength(1), v.maxLength(SCOPE_MAX)),
  snapshotId: IdSchema,
}) satisfies v.GenericSchema<unknown, PinRecord>;

const Instant = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Date.UTC(9999, 11, 31)));
const ScopeText = v.pipe(v.string(), v.minLength(1), v.maxLength(SCOPE_MAX));
const PeriodKey = v.pipe(v.string(), v.maxLength(64));
const SnapshotName = outsideText(TEXT_LIMITS.name);

/** The app's record that it made a snapshot under a policy, as stored. */
export const AutoRecordSchema = v.object({
  scope: ScopeText,
  serverId: IdSchema,
  snapshotId: IdSchema,
  name: SnapshotName,
}) satisfies v.GenericSchema<unknown, AutoSnapshotRecord>;

const RunStampSchema = v.object({
  at: Instant,
  period: v.object({ key: PeriodKey, start: Instant }),
});

/** One server's policy with its schedule state, run in flight and last result, as stored. */
export const PolicyEntrySchema = v.object({
  scope: ScopeText,
  serverId: IdSchema,
  policy: PolicySchema,
  schedule: v.object({ since: Instant, lastRun: v.nullable(RunStampSchema) }),
  run: v.nullable(
    v.object({
      periodKey: PeriodKey,
      name: SnapshotName,
      attempt: v.picklist([1, 2]),
      requestedAt: Instant,
      knownSnapshotIds: v.pipe(v.array(IdSchema), v.maxLength(100)),
      snapshotId: v.nullable(IdSchema),
      retryAt: v.nullable(Instant),
    }),
  ),
  // A damaged result is dropped rather than the policy.
  lastResult: v.fallback(
    v.nullable(
      v.object({
        at: Instant,
        periodKey: PeriodKey,
        outcome: v.picklist(['succeeded', 'failed', 'skipped']),
        code: v.picklist(RUN_RESULT_CODES),
        snapshotName: v.nullable(SnapshotName),
        removed: v.pipe(v.array(SnapshotName), v.maxLength(10)),
      }),
    ),
    null,
  ),
}) satisfies v.GenericSchema<unknown, PolicyEntry>;

/** Window bounds: sane integers only. */
export const WindowBoundsSchema = v.object({
  x: wholeNumber(-100_000, 100_000),
  y: wholeNumber(-100_000, 100_000),
  width: wholeNumber(200, 20_000),
  height: wholeNumber(200, 20_000),
});

/** What a first run starts with. */
export function defaultFile(): StoredFile {
  return {
    version: SETTINGS_VERSION,
    settings: { ...DEFAULT_SETTINGS },
    operations: [],
    session: { mode: 'signed-out', email: null },
    pins: [],
    policies: [],
    autoSnapshots: [],
    history: [],
    windowBounds: null,
  };
}

/** The top-level keys a valid file may have. */
export const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(defaultFile()));
