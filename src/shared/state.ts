/**
 * The application state the main process owns and pushes to every view (window and tray).
 * It never holds the token: only whether one is set, where it is kept, and who it belongs to.
 */
import type { Id, Operation, Server, Snapshot } from './domain';
import type { MessageKey } from './i18n/catalogs';
import type { MessageParams } from './i18n/message-format';
import type { ResolvedLanguage } from './i18n/translator';
import type { UserSettings } from './settings';
import type { PolicyView } from './policy';

/** How the app is connected: no account yet, the built-in demo, or a real account. */
export type Mode = 'signed-out' | 'demo' | 'account';

/** Where the token is kept: the OS keychain, or memory for this session only. */
export type TokenStorage = 'keychain' | 'session';

/** The signed-in identity, as much as the renderer may know. */
export interface AccountView {
  email: string | null;
  tokenSet: boolean;
  tokenStorage: TokenStorage | null;
  /** True after a 401: the token no longer works and a new one is needed. */
  tokenInvalid: boolean;
}

/** Whether the OS keychain can be used, and why not. */
export interface KeychainView {
  available: boolean;
  /** Plain-language reason when unavailable. */
  reason: string | null;
}

/**
 * A user-facing error with a stable kind the UI can act on. Errors the app words itself also carry
 * their catalog `code` and `params`, so every view renders them in its language; `message` is the
 * same text in the core's language at the time (the only text for errors worded elsewhere, such as
 * what VPS.org said).
 */
export interface AppError {
  kind: ErrorKind;
  message: string;
  code?: MessageKey;
  params?: MessageParams;
}

/** Kinds of failure the app reports. API kinds first, then the app's own. */
export type ErrorKind =
  | 'unauthorized'
  | 'not_found'
  | 'limit_reached'
  | 'invalid'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'bad_response'
  | 'validation'
  | 'refused'
  | 'keychain'
  | 'not_signed_in'
  | 'internal';

/** Words the core leaves for each view to render in its own language: a catalog key and its parameters. */
export interface CatalogMessage {
  code: MessageKey;
  params?: MessageParams;
}

/** How fresh the data is and whether the last refresh worked. */
export interface SyncView {
  /** True while a refresh is in flight. */
  refreshing: boolean;
  /** ISO time of the last successful full refresh. */
  lastRefreshAt: string | null;
  /** The last background failure (cleared by the next success). */
  lastError: AppError | null;
  /** True when the API could not be reached on the last attempt. */
  offline: boolean;
}

/** One server and its snapshots, newest first. */
export interface ServerEntry {
  server: Server;
  snapshots: Snapshot[];
}

/** The whole state pushed to views. */
export interface AppState {
  /**
   * True until the core has read the settings file and the keychain. Views offer nothing that acts
   * before then (a demo started during a slow keychain prompt would replace saved operations).
   */
  starting: boolean;
  mode: Mode;
  account: AccountView;
  keychain: KeychainView;
  /** Servers in the API's order, each with its snapshots. */
  servers: ServerEntry[];
  /** Tracked operations: running ones, then recently finished ones until dismissed. */
  operations: Operation[];
  sync: SyncView;
  settings: UserSettings;
  /** The demo simulator's base URL while in demo mode. */
  demoUrl: string | null;
  /**
   * What was wrong with the settings file (damaged and backed up, or unreadable and left alone for
   * this run, or a token stored for another API address), sentence by sentence, or null.
   */
  settingsProblem: CatalogMessage[] | null;
  /**
   * The language every surface shows (the window, the tray, notifications): the user's choice, or
   * with `system` the OS's preferred language when it has a catalog, else English.
   */
  language: ResolvedLanguage;
  /**
   * Why the settings file cannot be saved (finished operations may then be reported again after a
   * restart), or null.
   */
  saveProblem: CatalogMessage | null;
  /** Ids of the snapshots the user pinned in the account in use (never rotated; deleting asks twice). */
  pinnedSnapshotIds: Id[];
  /** The snapshot policies of the account in use, one per server that has one. */
  policies: PolicyView[];
  /** Ids of listed snapshots the app made under a policy ("automatic"; all others are manual). */
  automaticSnapshotIds: Id[];
  /** Changes whenever the history does (the window then reads it again with getHistory). */
  historyRevision: number;
}

/** Sent when a tracked operation ends (the same moment a notification is shown). */
export interface OperationFinished {
  operation: Operation;
}

/** Asks the window to show one server (e.g. after a notification click or "Open in window"). */
export interface FocusServer {
  serverId: Id;
  /** A snapshot of that server to bring into view (a snapshot line in the tray). */
  snapshotId?: Id;
  /** Opens the create dialog for that server ("Snapshot with a name…" in the tray). */
  dialog?: 'create';
}
