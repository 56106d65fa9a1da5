/**
 * The two kinds of poll as API calls. A full refresh lists servers and snapshots (every page). A
 * light poll covers only what runs, on documented endpoints alone, at a cost that does not grow with
 * the account: the snapshots of the servers with a running create (one `?server_id=` list each, or
 * the whole list when that takes fewer pages), plus one list of the servers that are restoring
 * (`?status=restoring`) when a restore runs.
 */
import { sameId, type Id, type Server, type Snapshot } from '../../shared/domain';
import type { ServerEntry } from '../../shared/state';
import { PAGE_SIZE } from '../api/pagination';
import type { VpsClient } from '../api/types';

/** What a full refresh returns. */
export interface FullData {
  servers: Server[];
  snapshots: Snapshot[];
}

/** Lists servers and all snapshots at once. */
export async function loadAll(client: VpsClient, signal?: AbortSignal): Promise<FullData> {
  const [servers, snapshots] = await Promise.all([
    client.listServers({}, signal),
    client.listSnapshots(undefined, signal),
  ]);
  return { servers, snapshots };
}

/**
 * Which snapshot lists a light poll reads for creates running on `serverIds`: one per server, or
 * `'all'` (the whole list) when that takes no more requests, judged by the account's last known size.
 */
export function snapshotListsFor(serverIds: readonly Id[], knownSnapshots: number): 'all' | Id[] {
  const pages = Math.max(1, Math.ceil(knownSnapshots / PAGE_SIZE));
  return serverIds.length < pages ? [...serverIds] : 'all';
}

/** The snapshots a light poll read, and whose they are. */
export interface SnapshotsRead {
  snapshots: Snapshot[];
  /** `'all'`, or the servers (ids as text) whose snapshots these are in full. */
  of: 'all' | Set<string>;
}

/** Reads the snapshot lists `snapshotListsFor` chose. */
export async function loadSnapshotsOf(
  client: VpsClient,
  lists: 'all' | readonly Id[],
  signal?: AbortSignal,
): Promise<SnapshotsRead> {
  if (lists === 'all') return { snapshots: await client.listSnapshots(undefined, signal), of: 'all' };
  const each = await Promise.all(
    lists.map(async (id) =>
      // An API that ignored the filter would send other servers' snapshots too: keep this server's.
      (await client.listSnapshots(id, signal)).filter((s) => sameId(s.serverId, id)),
    ),
  );
  return { snapshots: each.flat(), of: new Set(lists.map(String)) };
}

/** The servers that are restoring now (one documented list, however many restores run). */
export async function loadRestoring(client: VpsClient, signal?: AbortSignal): Promise<Server[]> {
  const listed = await client.listServers({ status: 'restoring' }, signal);
  // An API that ignored the filter would list every server: keep the restoring ones.
  return listed.filter((s) => s.status === 'restoring');
}

/** Replaces the snapshots of the servers a light poll listed, keeping everyone else's. */
export function mergeSnapshots(all: readonly Snapshot[], read: SnapshotsRead): Snapshot[] {
  if (read.of === 'all') return [...read.snapshots];
  const of = read.of;
  return [...all.filter((s) => !of.has(String(s.serverId))), ...read.snapshots];
}

/** Servers in the API's order, each with its snapshots newest first (ties keep the API's order). */
export function buildEntries(servers: readonly Server[], snapshots: readonly Snapshot[]): ServerEntry[] {
  const byServer = new Map<string, Snapshot[]>();
  for (const s of snapshots) {
    const key = String(s.serverId);
    const list = byServer.get(key);
    if (list) list.push(s);
    else byServer.set(key, [s]);
  }
  return servers.map((server) => {
    const list = [...(byServer.get(String(server.id)) ?? [])];
    list.sort((a, b) => timeOf(b.createdAt) - timeOf(a.createdAt));
    return { server, snapshots: list };
  });
}

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : 0;
}

/** Replaces the servers a poll saw afresh, keeping the list's order. */
export function mergeServers(servers: readonly Server[], seen: readonly Server[]): Server[] {
  const fresh = new Map(seen.map((s) => [String(s.id), s]));
  return servers.map((server) => fresh.get(String(server.id)) ?? server);
}

/** Snapshots of one server. */
export function snapshotsOf(snapshots: readonly Snapshot[], serverId: Id): Snapshot[] {
  return snapshots.filter((s) => sameId(s.serverId, serverId));
}
