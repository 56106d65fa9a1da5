/**
 * Shared test data for the dialog tests: the documentation's example server and snapshots, and
 * API fakes whose promises the test settles by hand (so "in flight" is a state the test controls).
 */
import { vi } from 'vitest';
import type { Operation, Server, Snapshot } from '../../../src/shared/domain';
import { DOC_798 } from '../../support/doc-records';
import { makeServer, makeSnapshot } from '../fake-vps';
import type { Result } from '../../../src/shared/result';
import type { AppError, ServerEntry } from '../../../src/shared/state';

/** The documentation's example server and snapshot 801, with any field overridden. */
export { makeServer, makeSnapshot };

/** 2025-01-20T12:00:00Z: five days after snapshot 801. */
export const NOW = Date.parse('2025-01-20T12:00:00Z');

/** The example server with the documentation's two snapshots, newest first. */
export function makeEntry(server: Partial<Server> = {}, snapshots?: Snapshot[]): ServerEntry {
  return {
    server: makeServer(server),
    snapshots: snapshots ?? [makeSnapshot(), { ...DOC_798 }],
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
