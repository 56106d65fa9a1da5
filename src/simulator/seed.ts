/**
 * The simulator's starting data. The demo seed begins with the documentation's own example records
 * (server 12345 with snapshots 801 and 798) and adds servers in the other states every screen needs:
 * one at the 5-snapshot limit, one stopped, one suspended, one without snapshots, and one whose id
 * is a UUID string, as the provider's tooling passes them. Everything except the documentation's
 * records is dated relative to the simulator's clock when it is seeded, so the demo always looks
 * like an account in use (last night's snapshots, a change made two days ago), never abandoned.
 */
import { isoSeconds } from './store';
import type { SeedName, SimServer, SimSnapshot } from './types';

/** What a seed provides: records plus the id the next created snapshot gets. */
export interface SeedData {
  servers: SimServer[];
  snapshots: SimSnapshot[];
  nextSnapshotId: number;
}

/** The documentation's example server. */
export const DOC_SERVER_ID = 12345;
/** The documentation's create example answers with this id, so new snapshots start here. */
export const FIRST_NEW_SNAPSHOT_ID = 802;

const STANDARD_PLAN = { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 };
const SMALL_PLAN = { id: 2, name: 'Starter VPS', vcpus: 1, memory: 2048, storage: 40 };
const LARGE_PLAN = { id: 3, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160 };
const UBUNTU = { id: 5, name: 'Ubuntu 22.04 LTS' };
const DEBIAN = { id: 7, name: 'Debian 12' };

const DAY_MS = 24 * 3_600_000;

/** A wire timestamp `days` before `now`'s UTC day, at the given UTC time of day. */
function daysAgo(now: number, days: number, hour: number, minute = 0): string {
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  return isoSeconds(midnight - days * DAY_MS + (hour * 60 + minute) * 60_000);
}

function server(fields: Partial<SimServer> & Pick<SimServer, 'id' | 'name' | 'status'>): SimServer {
  return {
    hostname: `${fields.name}.example.com`,
    ip_address: '203.0.113.20',
    location: 'us-west',
    plan: STANDARD_PLAN,
    os: UBUNTU,
    created_at: '2025-01-10T14:30:00Z',
    updated_at: '2025-01-10T14:30:00Z',
    ...fields,
  };
}

function snapshot(
  id: number,
  owner: SimServer,
  name: string,
  fields: Partial<Omit<SimSnapshot, 'id' | 'server' | 'name'>> = {},
): SimSnapshot {
  return {
    id,
    server: { id: owner.id, name: owner.name },
    name,
    status: 'completed',
    size_mb: 4096,
    created_at: '2025-01-12T09:00:00Z',
    description: '',
    ...fields,
  };
}

function demoSeed(now: number): SeedData {
  const ago = (days: number, hour: number, minute = 0) => daysAgo(now, days, hour, minute);
  const web = server({
    id: DOC_SERVER_ID,
    name: 'web-server-01',
    hostname: 'web01.example.com',
    status: 'active',
    ip_address: '203.0.113.10',
    location: 'us-west',
  });
  const db = server({
    id: 12346,
    name: 'db-server-01',
    hostname: 'db01.example.com',
    status: 'active',
    ip_address: '203.0.113.11',
    location: 'eu-central',
    plan: LARGE_PLAN,
    created_at: ago(400, 8, 15),
    updated_at: ago(1, 7),
  });
  const staging = server({
    id: 12347,
    name: 'staging-01',
    hostname: 'staging01.example.com',
    status: 'stopped',
    ip_address: '203.0.113.12',
    plan: SMALL_PLAN,
    os: DEBIAN,
    created_at: ago(90, 16, 45),
    updated_at: ago(2, 19, 20),
  });
  const legacy = server({
    id: 12348,
    name: 'legacy-app',
    hostname: 'legacy.example.com',
    status: 'suspended',
    ip_address: '203.0.113.13',
    location: 'eu-central',
    plan: SMALL_PLAN,
    created_at: ago(900, 10),
    updated_at: ago(45, 0),
  });
  const runner = server({
    id: 12349,
    name: 'build-runner',
    hostname: 'ci.example.com',
    status: 'active',
    ip_address: '203.0.113.14',
    location: 'us-east',
    os: DEBIAN,
    created_at: ago(20, 12),
    updated_at: ago(20, 12),
  });
  const edge = server({
    id: '3f2b8c1e-7d4a-4e9b-9c61-5a0d2f8e4b17',
    name: 'edge-proxy-01',
    hostname: 'edge01.example.com',
    status: 'active',
    ip_address: '203.0.113.15',
    location: 'ap-south',
    plan: SMALL_PLAN,
    created_at: ago(200, 3, 30),
    updated_at: ago(3, 22, 10),
  });
  const snapshots: SimSnapshot[] = [
    snapshot(801, web, 'pre-migration-snapshot', {
      size_mb: 5120,
      created_at: '2025-01-15T18:30:00Z',
      description: 'Before major migration',
    }),
    snapshot(798, web, 'weekly-snapshot-2025-01-08', {
      size_mb: 4856,
      created_at: '2025-01-08T12:00:00Z',
      description: 'Weekly snapshot',
    }),
    // The last five nights, oldest first, named by their date.
    ...[1, 2, 3, 4, 5].map((n) => {
      const at = ago(6 - n, 2);
      return snapshot(780 + n, db, `nightly-${at.slice(0, 10)}`, {
        size_mb: 12_000 + n * 137,
        created_at: at,
        description: 'Nightly before vacuum',
      });
    }),
    snapshot(790, staging, 'before-php-upgrade', {
      size_mb: 2210,
      created_at: ago(2, 19),
      description: 'Before the PHP 8.3 upgrade',
    }),
    snapshot(791, staging, 'disk-full-attempt', {
      status: 'failed',
      size_mb: null,
      created_at: ago(2, 18, 40),
      description: 'Ran out of space while copying',
    }),
    snapshot(792, legacy, 'final-state', {
      size_mb: 1980,
      created_at: ago(46, 23),
      description: 'Before suspension',
    }),
    snapshot(793, edge, 'edge-baseline', {
      size_mb: 1536,
      created_at: ago(3, 22),
      description: 'Clean proxy config',
    }),
  ];
  return {
    servers: [web, db, staging, legacy, runner, edge],
    snapshots,
    nextSnapshotId: FIRST_NEW_SNAPSHOT_ID,
  };
}

/** Builds fresh (unshared) seed data, dated relative to `now` (the simulator's clock, in ms). */
export function makeSeed(name: SeedName, now: number): SeedData {
  if (name === 'empty') return { servers: [], snapshots: [], nextSnapshotId: FIRST_NEW_SNAPSHOT_ID };
  return structuredClone(demoSeed(now));
}
