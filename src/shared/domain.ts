/**
 * Domain types shared by main, preload and renderer. Plain data only: everything here crosses IPC.
 * Field names are our own (camelCase); the API client maps the wire format onto them.
 */
import type { HistoryFlow, HistorySource } from './history';

/** An API id, kept exactly as the API sent it (number or string): never do arithmetic on it. */
export type Id = number | string;

/** Server statuses the documentation names; any other string may arrive and is shown as it is. */
export type KnownServerStatus = 'active' | 'stopped' | 'suspended' | 'restoring';
/** Snapshot statuses the documentation names, plus our assumed `failed`. */
export type KnownSnapshotStatus = 'in_progress' | 'completed' | 'failed';

/** The documented limit of snapshots per server (in-progress ones count). */
export const SNAPSHOT_LIMIT = 5;

/** Documented duration ranges, in minutes, for the UI's expectations. */
export const CREATE_MINUTES = { min: 3, max: 10 } as const;
export const RESTORE_MINUTES = { min: 5, max: 15 } as const;

/** Who the token belongs to, from `GET /account/me/`. */
export interface Account {
  email: string;
  firstName: string;
  lastName: string;
  companyName: string;
  tokenName: string;
}

/** A server as the app shows it. */
export interface Server {
  id: Id;
  name: string;
  hostname: string;
  /** A KnownServerStatus or any other string the API sends. */
  status: string;
  ipAddress: string;
  location: string;
  plan: { id: Id; name: string; vcpus: number; memoryMb: number; storageGb: number };
  os: { id: Id; name: string };
  createdAt: string;
  updatedAt: string;
}

/** A snapshot as the app shows it. */
export interface Snapshot {
  id: Id;
  serverId: Id;
  serverName: string;
  name: string;
  /** A KnownSnapshotStatus or any other string the API sends. */
  status: string;
  sizeMb: number | null;
  createdAt: string;
  description: string;
}

/** The operations the app tracks through to their end. */
export type OperationKind = 'create' | 'restore';
/** Where a tracked operation stands. */
export type OperationStatus = 'running' | 'succeeded' | 'failed';

/**
 * How a finished operation ended, as data: each view words it in the user's language
 * (src/shared/i18n/operation-text.ts).
 */
export type OperationOutcome =
  /** The snapshot completed; its size as VPS.org reported it. */
  | { type: 'created'; sizeMb: number | null }
  /** The snapshot ended with another status than completed (e.g. failed). */
  | { type: 'snapshotFailed'; status: string }
  /** The snapshot is no longer listed (failed and removed, or deleted). */
  | { type: 'snapshotGone' }
  /** A create whose answer was lost never showed up in `minutes`: it did not take effect. */
  | { type: 'notApplied'; minutes?: number }
  /** A create VPS.org accepted was never listed in `minutes`. */
  | { type: 'notListed'; minutes: number }
  /** The restore ended; the server's status now (null: only "no longer restoring" is known) and before. */
  | { type: 'restored'; serverStatus: string | null; previousStatus: string | null }
  /** The server is no longer listed. */
  | { type: 'serverGone' }
  /** A restore never seen running within `minutes`; the server's status now, if known. */
  | { type: 'restoreUnconfirmed'; serverStatus: string | null; minutes?: number };

/** A long-running operation, persisted so it survives an app restart. */
export interface Operation {
  /** Local id (not the API's). */
  id: string;
  kind: OperationKind;
  serverId: Id;
  serverName: string;
  snapshotId: Id | null;
  snapshotName: string;
  /** ISO time the user started it. */
  startedAt: string;
  status: OperationStatus;
  finishedAt: string | null;
  /** How it ended, as data (null while running). */
  outcome?: OperationOutcome | null;
  /** An outcome in English words, as older versions saved it (shown as it is); new ones use `outcome`. */
  message: string | null;
  /** Server status before a restore began (restore only). */
  previousServerStatus?: string | null;
  /**
   * The API base URL and account it belongs to (set by the core; older saved operations have none
   * and count as the current one). Operations of another scope wait until the user switches back.
   */
  scope?: string;
  /**
   * Set when VPS.org's answer to the start request was lost: true while it is unknown whether it
   * started, false once VPS.org showed it. Absent for operations started with a clear answer.
   */
  uncertain?: boolean;
  /**
   * Create tracked by name (`snapshotId` null): the server's snapshot ids known before the request,
   * none of which can be the one it made.
   */
  knownSnapshotIds?: Id[];
  /** Restore only: VPS.org has shown the server `restoring` since the restore was asked for. */
  seenRestoring?: boolean;
  /** Where it was started (the history records it); older saved operations have none. */
  source?: HistorySource;
  /** The two-step flow it is a step of (issue 13), when it is one. */
  flow?: HistoryFlow;
  /** A safety snapshot only: the restore it leads to, and how far that got (see core/safety-restore.ts). */
  safetyRestore?: SafetyRestore;
  /**
   * False from the moment the operation's end is saved until it has been announced (notification
   * and event); absent otherwise. An end saved but not announced before a crash is announced at the
   * next start.
   */
  announced?: boolean;
}

/** Why a restore after a safety snapshot was not started. */
export const SAFETY_ABANDONS = ['safetyFailed', 'safetyUnclear', 'restoreRefused'] as const;
/** One such reason. */
export type SafetyAbandon = (typeof SAFETY_ABANDONS)[number];

/** The restore a safety snapshot leads to, and its step (each saved before it is taken). */
export interface SafetyRestore {
  /** The snapshot to restore. */
  snapshotId: Id;
  snapshotName: string;
  step: 'waiting' | 'sending' | 'started' | 'abandoned';
  /** The restore operation, once started. */
  restoreOpId?: string;
  /** Why it was not started (step `abandoned`). */
  abandoned?: SafetyAbandon;
}

/** True when the snapshot has ended, however it ended. */
export function isSnapshotFinished(s: Pick<Snapshot, 'status'>): boolean {
  return s.status !== 'in_progress';
}

/** Compares two ids the API may send as number or string. */
export function sameId(a: Id, b: Id): boolean {
  return String(a) === String(b);
}
