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
    if (formatters.size >= FORMATTER_CACHE_MAX) {
      formatters.clear();
      recentOffsets.clear();
    }
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

/** What en-US with these options prints: "6/10/2026, 03:00:00". */
const EN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** Year, month, day, hour, minute, second shown at `instant`. */
function fieldsAt(instant: number, f: Intl.DateTimeFormat): number[] {
  // Parsing `format` is three times faster than formatToParts; any other shape (another ICU)
  // takes the slow, exact path.
  const m = EN_US.exec(f.format(instant));
  if (m) return [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
  const fields: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => fields[k] ?? 0);
}

/** The wall-clock reading in `zone` at `instant`, as a local value. Throws RangeError for an unknown zone. */
export function wallClock(instant: number, zone: string): number {
  const [year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fieldsAt(
    instant,
    formatterFor(zone),
  );
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, 0);
  const millis = ((instant % 1000) + 1000) % 1000;
  const local = at.getTime() + millis;
  recentOffsets.set(zone, local - instant);
  return local;
}

/** Each zone's offset as last read: a guess for roughLocal. Bounded like the formatter cache. */
const recentOffsets = new Map<string, number>();

/**
 * The wall clock at `instant`, guessed from the zone's last read offset without formatting: off by
 * a DST shift or a change of zone at most. For starting a search whose steps are exact.
 */
export function roughLocal(instant: number, zone: string): number {
  const offset = recentOffsets.get(zone);
  return offset === undefined ? wallClock(instant, zone) : instant + offset;
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
  let ofZone = resolved.get(zone);
  if (ofZone === undefined) {
    if (resolved.size >= FORMATTER_CACHE_MAX) resolved.clear();
    ofZone = new Map();
    resolved.set(zone, ofZone);
  }
  let instant = ofZone.get(local);
  if (instant === undefined) {
    instant = resolve(local, zone);
    if (ofZone.size >= RESOLVED_CACHE_MAX) ofZone.clear();
    ofZone.set(local, instant);
  }
  return instant;
}

// Slots repeat across calls and servers (1,000 servers may share one schedule): remember them.
const resolved = new Map<string, Map<number, number>>();
const RESOLVED_CACHE_MAX = 8192;

function resolve(local: number, zone: string): number {
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
  // Transitions fall on whole seconds (offsets are whole seconds), so search seconds.
  const SECOND = 1000;
  before = Math.floor(before / SECOND);
  after = Math.ceil(after / SECOND);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (wallClock(mid * SECOND, zone) >= local) after = mid;
    else before = mid;
  }
  return after * SECOND;
}
