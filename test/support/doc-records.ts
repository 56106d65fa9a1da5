/**
 * The documentation's example records (docs/vps-api.md): server 12345 `web-server-01` and its
 * snapshots 801 and 798, in the API's wire shape and as the client maps them. One copy for every
 * test, so a fixture cannot drift from the docs on its own. Type-only imports keep it checkable by
 * both the node and the web (svelte-check) projects; the wire records stay untyped because the
 * simulator's types are outside the web project.
 */
import type { Server, Snapshot } from '../../src/shared/domain';

/** Server 12345 as `GET /servers/` sends it. */
export const DOC_SERVER_WIRE = {
  id: 12345,
  name: 'web-server-01',
  hostname: 'web01.example.com',
  status: 'active',
  ip_address: '203.0.113.10',
  location: 'us-west',
  plan: { id: 1, name: 'Standard VPS', vcpus: 2, memory: 4096, storage: 80 },
  os: { id: 5, name: 'Ubuntu 22.04 LTS' },
  created_at: '2025-01-10T14:30:00Z',
  updated_at: '2025-01-10T14:30:00Z',
};

/** Snapshot 801 as `GET /snapshots/` sends it. */
export const DOC_801_WIRE = {
  id: 801,
  server: { id: 12345, name: 'web-server-01' },
  name: 'pre-migration-snapshot',
  status: 'completed',
  size_mb: 5120,
  created_at: '2025-01-15T18:30:00Z',
  description: 'Before major migration',
};

/** Snapshot 798 as `GET /snapshots/` sends it. */
export const DOC_798_WIRE = {
  id: 798,
  server: { id: 12345, name: 'web-server-01' },
  name: 'weekly-snapshot-2025-01-08',
  status: 'completed',
  size_mb: 4856,
  created_at: '2025-01-08T12:00:00Z',
  description: 'Weekly snapshot',
};

/** Server 12345 as the client maps it. */
export const DOC_SERVER: Server = {
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
};

/** Snapshot 801 as the client maps it. */
export const DOC_801: Snapshot = {
  id: 801,
  serverId: 12345,
  serverName: 'web-server-01',
  name: 'pre-migration-snapshot',
  status: 'completed',
  sizeMb: 5120,
  createdAt: '2025-01-15T18:30:00Z',
  description: 'Before major migration',
};

/** Snapshot 798 as the client maps it. */
export const DOC_798: Snapshot = {
  id: 798,
  serverId: 12345,
  serverName: 'web-server-01',
  name: 'weekly-snapshot-2025-01-08',
  status: 'completed',
  sizeMb: 4856,
  createdAt: '2025-01-08T12:00:00Z',
  description: 'Weekly snapshot',
};
