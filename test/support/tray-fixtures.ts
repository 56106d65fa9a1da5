/**
 * Builders for the tray tests (menu, controller, the language walk): a server and a snapshot as
 * the state holds them, and the demo state around them. Not a test file itself.
 */
import type { Id, Server, Snapshot } from '../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { AppState } from '../../src/shared/state';

/** The tray tests' "now". */
export const NOW = Date.parse('2026-11-23T17:02:30Z');
/** An ISO time `msAgo` before NOW. */
export const iso = (msAgo: number): string => new Date(NOW - msAgo).toISOString();

/** A server with plausible details. */
export function server(id: Id, name: string, status = 'active'): Server {
  return {
    id,
    name,
    hostname: `${name}.example.org`,
    status,
    ipAddress: '192.0.2.10',
    location: 'Helsinki',
    plan: { id: 3, name: 'VPS-4', vcpus: 2, memoryMb: 4096, storageGb: 80 },
    os: { id: 7, name: 'Ubuntu 24.04' },
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
  };
}

/** A snapshot of `srv` taken `msAgo` before NOW (null: an unreadable date). */
export function snapshot(
  id: Id,
  srv: Server,
  name: string,
  msAgo: number | null,
  status = 'completed',
): Snapshot {
  return {
    id,
    serverId: srv.id,
    serverName: srv.name,
    name,
    status,
    sizeMb: status === 'completed' ? 2048 : null,
    createdAt: msAgo === null ? 'not a date' : iso(msAgo),
    description: '',
  };
}

/** A demo-mode state in English, refreshed two minutes ago, with no servers or operations. */
export function trayState(overrides: Partial<AppState> = {}): AppState {
  return {
    starting: false,
    mode: 'demo',
    account: { email: null, tokenSet: true, tokenStorage: null, tokenInvalid: false },
    keychain: { available: true, reason: null },
    servers: [],
    operations: [],
    sync: { refreshing: false, lastRefreshAt: iso(2 * 60_000), lastError: null, offline: false },
    settings: { ...DEFAULT_SETTINGS },
    demoUrl: 'http://127.0.0.1:43210/api/v1/',
    settingsProblem: null,
    saveProblem: null,
    language: { locale: 'en', tag: 'en' },
    pinnedSnapshotIds: [],
    policies: [],
    automaticSnapshotIds: [],
    historyRevision: 0,
    ...overrides,
  };
}
