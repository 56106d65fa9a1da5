/**
 * The local history: one entry for every operation the app started or saw end, and for every
 * action it refused. Plain data (no English): each surface words an entry in the user's language
 * (src/shared/i18n/history-text.ts). Shared by the core, which keeps it, and the window, which shows
 * and exports it.
 */
import type { Id, OperationOutcome } from './domain';
import type { MessageKey } from './i18n/catalogs';
import type { MessageParams } from './i18n/message-format';
import type { ErrorKind } from './state';

/** Entries kept at most (all accounts together); the oldest are dropped first. */
export const HISTORY_KEEP = 1000;

/** What an entry did. A scheduled run, a safety snapshot and a 5/5 flow's create are creates too. */
export const HISTORY_KINDS = ['create', 'restore', 'delete'] as const;
/** An entry's kind. */
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/**
 * Where it came from: the window, the tray, a schedule, a follow-up, or the safety snapshot taken
 * before a restore. Only the core sets it: an action from the window's IPC is always `window`.
 */
export const HISTORY_SOURCES = ['window', 'tray', 'schedule', 'follow-up', 'safety'] as const;
/** An entry's source. */
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/** The sources a user's own click can have (what an action handler passes to the core). */
export type UserSource = Extract<HistorySource, 'window' | 'tray'>;

/** How it ended: done, failed, or refused before anything was sent (or refused by VPS.org). */
export const HISTORY_RESULTS = ['succeeded', 'failed', 'refused'] as const;
/** An entry's result. */
export type HistoryResult = (typeof HISTORY_RESULTS)[number];

/** The two-step flows an entry can be part of (issue 13): restore after a safety snapshot; delete to make room. */
export const HISTORY_FLOWS = ['safety-restore', 'make-room'] as const;
/** A flow. */
export type HistoryFlow = (typeof HISTORY_FLOWS)[number];

/** Why an action was refused or failed, as data: its kind and, when the app worded it, its catalog code. */
export interface HistoryError {
  kind: ErrorKind;
  code?: MessageKey;
  params?: MessageParams;
}

/** One entry. */
export interface HistoryEntry {
  /** Unique; an operation's entry has the operation's id, so its end is recorded once. */
  id: string;
  /** When it ended (ISO). */
  at: string;
  /** When it was asked for (ISO), when that differs from `at`. */
  startedAt: string | null;
  /** The API address and account it belongs to (see src/main/core/scope.ts). */
  scope?: string;
  kind: HistoryKind;
  source: HistorySource;
  serverId: Id;
  serverName: string;
  snapshotId: Id | null;
  snapshotName: string;
  result: HistoryResult;
  /** How a tracked operation ended (creates and restores). */
  outcome?: OperationOutcome | null;
  /** Why it was refused or failed without an outcome. */
  error?: HistoryError | null;
  /** The flow it was a step of. */
  flow?: HistoryFlow;
}

/** The error kinds that mean "not allowed / not possible", as opposed to "something broke". */
const REFUSAL_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'validation',
  'refused',
  'limit_reached',
  'invalid',
  'not_found',
  'not_signed_in',
]);

/** The result an error stands for: refused (a clear no) or failed. */
export function resultOfError(kind: ErrorKind): HistoryResult {
  return REFUSAL_KINDS.has(kind) ? 'refused' : 'failed';
}
