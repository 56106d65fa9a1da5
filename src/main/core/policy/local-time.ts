/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl.DateTimeFormat (Temporal is not
 * in Node 20). A "local" value is the wall-clock reading written as if it were UTC milliseconds
 * (2026-03-29 02:30 local is Date.UTC(2026, 2, 29, 2, 30)); an "instant" is real ms since epoch.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const FORMATTER_CACHE_MAX = 32;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    // Throws RangeError for an unknown zone before anything is cached.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= FORMATTER_CACHE_MAX) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `zone` at `instant`, as a local value. Throws RangeError for an unknown zone. */
export function wallClock(instant: number, zone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  at.setUTCFullYear(fields['year'] ?? 1970, (fields['month'] ?? 1) - 1, fields['day'] ?? 1);
  at.setUTCHours(fields['hour'] ?? 0, fields['minute'] ?? 0, fields['second'] ?? 0, 0);
  const millis = ((instant % 1000) + 1000) % 1000;
  return at.getTime() + millis;
}

const HOUR = 3_600_000;
/** Wide enough that the samples fall on both sides of any single transition near the answer. */
const SAMPLE_SPAN = 36 * HOUR;

/**
 * The first instant whose wall clock in `zone` reads `local` or later. For an ordinary time that
 * is the one instant showing it; for a time that occurs twice (DST ends) it is the first
 * occurrence; for a time that does not exist (DST starts) it is the moment the clock jumps past
 * it, the first valid instant after it. Non-decreasing in `local`.
 */
export function firstInstantAtLocal(local: number, zone: string): number {
  const offsets = new Set<number>();
  for (const probe of [local - SAMPLE_SPAN, local, local + SAMPLE_SPAN]) {
    offsets.add(wallClock(probe, zone) - probe);
  }
  let best: number | null = null;
  for (const offset of offsets) {
    const candidate = local - offset;
    if (wallClock(candidate, zone) === local && (best === null || candidate < best)) best = candidate;
  }
  if (best !== null) return best;
  // A gap: the clock jumps from before `local` to after it between these two instants.
  let before = local - Math.max(...offsets);
  let after = local - Math.min(...offsets);
  if (wallClock(before, zone) >= local || wallClock(after, zone) < local) {
    throw new Error(`Unexpected time zone data for ${zone} near ${new Date(local).toISOString()} local`);
  }
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (wallClock(mid, zone) >= local) after = mid;
    else before = mid;
  }
  return after;
}
