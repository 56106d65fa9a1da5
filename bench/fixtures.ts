/**
 * Generated accounts for the benchmarks: servers named so a text filter can pick a known share of
 * them (every tenth is `db-NNNN`, the rest `web-NNNN`), and completed snapshots with names that
 * never contain a server's name.
 */
import type { SimServer, SimSnapshot } from '../src/simulator/types';

/** First id of generated servers (clear of the demo seed's ids). */
const FIRST_SERVER_ID = 500_000;
const CREATED = Date.parse('2025-06-01T10:00:00Z');

/** The name of the i-th generated server (1-based). */
export function serverName(i: number): string {
  return `${i % 10 === 0 ? 'db' : 'web'}-${String(i).padStart(4, '0')}`;
}

/** `count` active servers in the API's wire shape. */
export function makeServers(count: number): SimServer[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    const name = serverName(i);
    const at = new Date(CREATED + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      id: FIRST_SERVER_ID + i,
      name,
      hostname: `${name}.bench.example`,
      status: 'active',
      ip_address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      location: i % 3 === 0 ? 'eu-central' : 'us-west',
      plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
      os: { id: 5, name: 'Ubuntu 22.04 LTS' },
      created_at: at,
      updated_at: at,
    };
  });
}

/** `perServer` completed snapshots for each given server (names never contain the server's). */
export function makeSnapshots(servers: readonly SimServer[], perServer: number): Omit<SimSnapshot, 'id'>[] {
  return servers.flatMap((server, s) =>
    Array.from({ length: perServer }, (_, k) => ({
      server: { id: server.id, name: server.name },
      name: `weekly-2025-0${(k % 9) + 1}-1${k}`,
      status: 'completed',
      size_mb: 2000 + ((s * 7 + k * 13) % 3000),
      created_at: new Date(CREATED + (s * perServer + k) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      description: 'Generated for the benchmark',
    })),
  );
}
