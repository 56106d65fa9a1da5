/**
 * English formatting for texts the main process writes itself (notifications, refusals, operation
 * messages). The window formats with Intl in the user's language; these texts must stand alone.
 */

/** A size in MB as people read it: "820 MB", "5.0 GB". */
export function formatSizeMb(mb: number | null): string {
  if (mb === null || !Number.isFinite(mb) || mb < 0) return 'size unknown';
  if (mb < 1024) return `${Math.round(mb)} MB`;
  return `${(mb / 1024).toFixed(1)} GB`;
}

/** A duration as people read it: "45 s", "4 min", "1 h 5 min". */
export function formatDurationMs(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Milliseconds between two ISO times (0 when either is unreadable or the order is wrong). */
export function elapsedMs(fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 0;
  return Math.max(0, to - from);
}
