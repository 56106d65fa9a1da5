/**
 * Shared test data for the dialog tests: the documentation's example server and snapshots, and
 * API fakes whose promises the test settles by hand (so "in flight" is a state the test controls).
 */
import { vi } from 'vitest';
import type { Operation, Server, Snapshot } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/ipc';
import type { AppError, ServerEntry } from '../../../src/shared/state';

/** 2025-01-20T12:00:00Z: five days after snapshot 801. */
export const NOW = Date.parse('2025-01-20T12:00:00Z');

/** The documentation's example server, with any field overridden. */
export function makeServer(overrides: Partial<Server> = {}): Server {
  return {
    id: 12345,
    name: 'web-server-01',
    hostname: 'web01.example.com',
    status: 'active',
    ipAddress: '203.0.113.10',
    location: 'us-west',
    plan: { id: 1, name: 'Standard VPS', vcpus: 2, memoryMb: 4096, storageGb: 80 },
    os: { id: 5, name: 'Ubuntu 22.04 LTS' },
    createdAt: '2025-01-10T14:30:00Z',
    updatedAt: '2025-01-10T14:30:00Z',
    ...overrides,
  };
}

/** A snapshot of server 12345, with any field overridden. */
export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    id: 801,
    serverId: 12345,
    serverName: 'web-server-01',
    name: 'pre-migration-snapshot',
    status: 'completed',
    sizeMb: 5120,
    createdAt: '2025-01-15T18:30:00Z',
    description: 'Before major migration',
    ...overrides,
  };
}

/** The example server with the documentation's two snapshots, newest first. */
export function makeEntry(server: Partial<Server> = {}, snapshots?: Snapshot[]): ServerEntry {
  return {
    server: makeServer(server),
    snapshots: snapshots ?? [
      makeSnapshot(),
      makeSnapshot({
        id: 798,
        name: 'weekly-snapshot-2025-01-08',
        sizeMb: 4856,
        createdAt: '2025-01-08T12:00:00Z',
        description: 'Weekly snapshot',
      }),
    ],
  };
}

/** A running operation as the core would return it. */
export function makeOperation(kind: Operation['kind'] = 'create'): Operation {
  return {
    id: 'op-1',
    kind,
    serverId: 12345,
    serverName: 'web-server-01',
    snapshotId: 802,
    snapshotName: 'before-update-snapshot',
    startedAt: new Date(NOW).toISOString(),
    status: 'running',
    finishedAt: null,
    message: null,
  };
}

/** A call fake that records its payloads and stays pending until `settle` is called. */
export function pendingCall<In, Out>(): {
  fn: ReturnType<typeof vi.fn<(input: In) => Promise<Result<Out>>>>;
  settle: (result: Result<Out>) => void;
} {
  const waiting: Array<(r: Result<Out>) => void> = [];
  const fn = vi.fn<(input: In) => Promise<Result<Out>>>(
    () => new Promise<Result<Out>>((resolve) => waiting.push(resolve)),
  );
  return {
    fn,
    settle: (result) => {
      for (const resolve of waiting.splice(0)) resolve(result);
    },
  };
}

/** A failed Result. */
export function failure<T>(error: AppError): Result<T> {
  return { ok: false, error };
}
