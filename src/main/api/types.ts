/**
 * The VPS.org client's public surface. The core depends on this interface only, so tests and the
 * browser preview can hand it the real client pointed at the simulator.
 */
import type { Account, Id, Server, Snapshot } from '../../shared/domain';

/** What a restore request answers (the documented 200 body, mapped). */
export interface RestoreStarted {
  snapshot: { id: Id; name: string; createdAt: string };
  server: { id: Id; name: string; status: string };
  message: string;
}

/** Filters for the server list. */
export interface ServerFilter {
  status?: string;
  location?: string;
}

/** What createSnapshot needs. */
export interface CreateSnapshotInput {
  serverId: Id;
  name: string;
  description?: string;
  /**
   * Ids of the snapshots the caller knew on that server before asking. After an unclear failure a
   * same-name snapshot with one of these ids is never taken for the one this request made.
   */
  knownSnapshotIds?: readonly Id[];
}

/** One typed function per endpoint the app uses. Every failure is an ApiError. */
export interface VpsClient {
  getAccount(signal?: AbortSignal): Promise<Account>;
  /** All servers, every page followed. */
  listServers(filter?: ServerFilter, signal?: AbortSignal): Promise<Server[]>;
  getServer(id: Id, signal?: AbortSignal): Promise<Server>;
  /** All snapshots (of one server when `serverId` is given), every page followed. */
  listSnapshots(serverId?: Id, signal?: AbortSignal): Promise<Snapshot[]>;
  /**
   * Starts a snapshot. Never retried blindly: after an unclear failure (or an unreadable 2xx) the
   * client looks for the snapshot this request made (snapshotOfCreate in unclear-writes.ts) and
   * returns it instead of creating a second one. When it is not listed (yet), the original error is
   * thrown: that proves nothing (see writeOutcome), and the caller keeps watching.
   */
  createSnapshot(input: CreateSnapshotInput): Promise<Snapshot>;
  restoreSnapshot(snapshotId: Id): Promise<RestoreStarted>;
  deleteSnapshot(snapshotId: Id): Promise<void>;
}

/** Options for building a client. */
export interface ClientOptions {
  /** API base URL ending with `/api/v1/`; https, or http on loopback only. */
  baseUrl: string;
  token: string;
  /** Per-request timeout in ms (default 15 000). */
  timeoutMs?: number;
  /** Retries for reads (default 3). */
  maxRetries?: number;
  /** Base backoff in ms (default 500); tests set it low. */
  backoffMs?: number;
  /** Longest wait honoured from Retry-After, in ms (default 60 000). */
  maxRetryAfterMs?: number;
  /** Called once per HTTP request (for counting API cost in tests and benchmarks). */
  onRequest?: (info: { method: string; path: string }) => void;
  /** Injected fetch (defaults to the global one). */
  fetch?: typeof fetch;
  /** Injected sleep, so tests need not wait through backoff. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock a create's request time is taken from (default Date.now); tests pass their own. */
  now?: () => number;
}
