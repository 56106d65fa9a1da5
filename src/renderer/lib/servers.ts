/** Pure helpers for the server list: filtering and per-row facts, kept cheap for 1,000 rows. */
import type { Snapshot } from '../../shared/domain';
import type { ServerEntry } from '../../shared/state';

/** The newest snapshot's creation time (ISO), or null when there is none. */
export function lastSnapshotAt(snapshots: readonly Snapshot[]): string | null {
  let best: number | null = null;
  let iso: string | null = null;
  for (const s of snapshots) {
    const ms = Date.parse(s.createdAt);
    if (Number.isFinite(ms) && (best === null || ms > best)) {
      best = ms;
      iso = s.createdAt;
    }
  }
  return iso;
}

/** Servers whose name, hostname, location, plan or IP contain the text, with the given status. */
export function filterServers(entries: readonly ServerEntry[], text: string, status: string): ServerEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(({ server }) => {
    if (status && server.status !== status) return false;
    if (!needle) return true;
    return (
      server.name.toLowerCase().includes(needle) ||
      server.hostname.toLowerCase().includes(needle) ||
      server.location.toLowerCase().includes(needle) ||
      server.plan.name.toLowerCase().includes(needle) ||
      server.ipAddress.includes(needle)
    );
  });
}

/** The distinct statuses present, known ones first in a fixed order, then any others. */
export function statusesOf(entries: readonly ServerEntry[]): string[] {
  const known = ['active', 'stopped', 'suspended', 'restoring'];
  const present = new Set(entries.map((e) => e.server.status));
  return [...known.filter((s) => present.has(s)), ...[...present].filter((s) => !known.includes(s)).sort()];
}

/** The index a navigation key moves to in a list of `length` items, or null for other keys. */
export function navigate(key: string, index: number, length: number, page = 10): number | null {
  if (length === 0) return null;
  const last = length - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index < 0 ? 0 : index + 1);
    case 'ArrowUp':
      return Math.max(0, index < 0 ? 0 : index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(0, index) + page);
    case 'PageUp':
      return Math.max(0, index - page);
    default:
      return null;
  }
}
