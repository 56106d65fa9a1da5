/**
 * The ports the core receives. Each is a small interface with an Electron (or keytar,
 * electron-store) adapter in production and a plain implementation in tests and the browser
 * preview, so the core never imports Electron.
 */
import type { Id, Operation } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import type { EventMap, EventName } from '../../shared/ipc';
import type { UserSettings } from '../../shared/settings';
import type { CatalogMessage, Mode } from '../../shared/state';
import type { ClientOptions, VpsClient } from '../api/types';
import type { PinRecord } from './pins';
import type { PolicyEntry } from './policy/policy-data';
import type { AutoSnapshotRecord } from './policy/rotation';

/** The keychain could not be used; `reason` is plain language for the user. */
export class KeychainUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The system keychain is not available: ${reason}`);
    this.name = 'KeychainUnavailableError';
  }
}

/** Secrets by account name. Every method throws KeychainUnavailableError when it cannot work. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Every account that has a secret under this app's service: names only, never the secrets. */
  accounts(): Promise<string[]>;
}

/** What the app persists between runs (never the token). */
export interface PersistedData {
  settings: UserSettings;
  /** Tracked operations, running and recently finished. */
  operations: Operation[];
  /** How the app was last connected, and who to show as signed in. */
  session: { mode: Mode; email: string | null };
  /** Snapshots the user pinned, by account scope (see pins.ts). */
  pins: PinRecord[];
  /** Snapshot policies with their schedule state, by account scope and server (see policy/runner.ts). */
  policies: PolicyEntry[];
  /** The app's records of the automatic snapshots it made: the only proof one is automatic. */
  autoSnapshots: AutoSnapshotRecord[];
  /** The local history, oldest first (see history.ts). */
  history: HistoryEntry[];
}

/** Reads and writes persisted data. */
export interface SettingsPort {
  /** The stored data; `problem` says what was wrong with the file (as catalog codes), if anything. */
  read(): { data: PersistedData; problem: CatalogMessage[] | null };
  write(patch: Partial<PersistedData>): void;
}

/** A desktop notification. The text must be complete on its own. */
export interface NotificationRequest {
  title: string;
  body: string;
  /** The server to show when the user clicks it, where the platform delivers clicks. */
  serverId?: Id;
}

/** Shows desktop notifications. */
export interface Notifier {
  show(n: NotificationRequest): void;
}

/** Timers, so tests can drive polling by hand. */
export interface Scheduler {
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  setTimeout(fn: () => void, ms: number): () => void;
}

/** A running demo simulator. */
export interface DemoServer {
  url: string;
  token: string;
  /**
   * The simulator's speed: it divides VPS.org's durations, and app-kept schedules run this many
   * times faster in demo mode (CoreContext.demoTimeScale), so a user can watch them in minutes.
   */
  speed: number;
  stop(): Promise<void>;
}

/** Log lines. Callers never pass the token; the logger also redacts anything token-shaped. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Pushes an event to every view. */
export type Publish = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** Everything the core needs from outside. */
export interface CorePorts {
  secrets: SecretStore;
  settings: SettingsPort;
  notifier: Notifier;
  scheduler: Scheduler;
  publish: Publish;
  /** Builds an API client for a base URL and token. */
  createClient: (options: Pick<ClientOptions, 'baseUrl' | 'token'>) => VpsClient;
  /** Starts the built-in simulator for demo mode (loaded lazily: it is not needed otherwise). */
  startDemo: () => Promise<DemoServer>;
  logger: Logger;
  /** Why the keychain cannot be used at all (e.g. keytar failed to load), or null. */
  keychainProblem?: string | null;
  /**
   * The OS's preferred languages, most preferred first (BCP 47 tags), for the "system" language
   * setting; read on every state change, so a change of the OS language shows at the next one.
   * None (the default) means English.
   */
  systemLocales?: () => readonly string[];
  /** The computer's IANA time zone for schedules (default: the system's, see policy/clock.ts). */
  timeZone?: () => string;
}

/** The keychain service name; the account is the API base URL. */
export const KEYCHAIN_SERVICE = 'VPS Snapshot Tray';
