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

/** The text a server is found by, lowercased once per state rather than once per keystroke. */
export type SearchIndex = readonly string[];

// A character no one types into the filter, so a match never spans two fields.
const FIELD_SEPARATOR = '\u0000';

/** One lowercase haystack per entry (name, hostname, location, plan, IP), in the entries' order. */
export function searchIndex(entries: readonly ServerEntry[]): SearchIndex {
  return entries.map(({ server }) =>
    [server.name, server.hostname, server.location, server.plan.name, server.ipAddress]
      .join(FIELD_SEPARATOR)
      .toLowerCase(),
  );
}

/**
 * Servers whose name, hostname, location, plan or IP contain the text, with the given status.
 * `index` must be `searchIndex(entries)`: the filter then costs one substring search per server.
 */
export function filterServers(
  entries: readonly ServerEntry[],
  text: string,
  status: string,
  index: SearchIndex,
): readonly ServerEntry[] {
  const needle = text.trim().toLowerCase();
  if (!needle && !status) return entries;
  const shown: ServerEntry[] = [];
  entries.forEach((entry, i) => {
    if (status && entry.server.status !== status) return;
    if (needle && !(index[i] ?? '').includes(needle)) return;
    shown.push(entry);
  });
  return shown;
}

/** The distinct statuses present, known ones first in a fixed order, then any others. */
export function statusesOf(entries: readonly ServerEntry[]): string[] {
  const known = ['active', 'stopped', 'suspended', 'restoring'];
  const present = new Set(entries.map((e) => e.server.status));
  return [...known.filter((s) => present.has(s)), ...[...present].filter((s) => !known.includes(s)).sort()];
}

/** The rows of a scrolled list to render: the window [start, end) and, wherever it is, the selected one. */
export function rowsToRender(start: number, end: number, selected: number): number[] {
  const rows: number[] = [];
  for (let i = start; i < end; i++) rows.push(i);
  // aria-activedescendant must name an element in the DOM, however far the list was scrolled.
  if (selected >= 0 && (selected < start || selected >= end)) rows.push(selected);
  return rows;
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
