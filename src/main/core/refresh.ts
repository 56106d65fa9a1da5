/**
 * The two kinds of poll as API calls. A full refresh lists servers and snapshots (two requests,
 * more only when a list has over 100 items). A light poll covers what runs: ONE snapshot list for
 * every running creation together, plus one server read per server being restored, however many
 * operations run.
 */
import { sameId, type Id, type Server, type Snapshot } from '../../shared/domain';
import type { ServerEntry } from '../../shared/state';
import { isApiError } from '../api/errors';
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

/** What a light poll returns. */
export interface LightData {
  snapshots: Snapshot[] | null;
  servers: Map<string, Server | 'missing'>;
}

/** One snapshot list (when creations run) plus one read per restoring server. */
export async function loadRunning(
  client: VpsClient,
  needSnapshots: boolean,
  restoringIds: readonly Id[],
  signal?: AbortSignal,
): Promise<LightData> {
  const servers = new Map<string, Server | 'missing'>();
  const readServer = async (id: Id) => {
    try {
      servers.set(String(id), await client.getServer(id, signal));
    } catch (error) {
      if (isApiError(error) && error.kind === 'not_found') servers.set(String(id), 'missing');
      else throw error;
    }
  };
  const [snapshots] = await Promise.all([
    needSnapshots ? client.listSnapshots(undefined, signal) : Promise.resolve(null),
    ...restoringIds.map(readServer),
  ]);
  return { snapshots, servers };
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

/** Replaces servers that were read one by one, keeping the list's order. */
export function mergeServers(
  servers: readonly Server[],
  read: ReadonlyMap<string, Server | 'missing'>,
): Server[] {
  const out: Server[] = [];
  for (const server of servers) {
    const seen = read.get(String(server.id));
    if (seen === 'missing') continue;
    out.push(seen ?? server);
  }
  return out;
}

/** Snapshots of one server. */
export function snapshotsOf(snapshots: readonly Snapshot[], serverId: Id): Snapshot[] {
  return snapshots.filter((s) => sameId(s.serverId, serverId));
}
