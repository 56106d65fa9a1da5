/**
 * Compact English durations and ages for the tray menu ("2 min", "3 h ago"). The renderer has its
 * own Intl-based formatting; the tray is English-only for now, so every word lives in AGE_WORDS to
 * keep localising it later a one-place change.
 */

/** The words the formatters use. */
export const AGE_WORDS = {
  underAMinute: 'under a minute',
  justNow: 'just now',
  minutes: (n: number) => `${n} min`,
  hours: (n: number) => `${n} h`,
  hoursMinutes: (h: number, m: number) => `${h} h ${m} min`,
  days: (n: number) => `${n} d`,
  months: (n: number) => `${n} mo`,
  years: (n: number) => `${n} y`,
  ago: (span: string) => `${span} ago`,
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in compact words, rounded down so a label never claims more time than has passed:
 * "under a minute", "7 min", "1 h 20 min" (below 10 h, where minutes still matter), "3 h", "4 d",
 * "2 mo", "1 y". Negative or non-finite input counts as zero.
 */
export function formatSpan(ms: number): string {
  const span = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (span < MINUTE) return AGE_WORDS.underAMinute;
  if (span < HOUR) return AGE_WORDS.minutes(Math.floor(span / MINUTE));
  if (span < DAY) {
    const h = Math.floor(span / HOUR);
    const m = Math.floor((span % HOUR) / MINUTE);
    return h < 10 && m > 0 ? AGE_WORDS.hoursMinutes(h, m) : AGE_WORDS.hours(h);
  }
  const days = Math.floor(span / DAY);
  if (days < 60) return AGE_WORDS.days(days);
  if (days < 365) return AGE_WORDS.months(Math.floor(days / 30));
  return AGE_WORDS.years(Math.floor(days / 365));
}

/**
 * How long ago an ISO time was, relative to `now` (ms): "just now", "5 min ago", "3 h ago".
 * A time in the future (clock skew between us and the API) reads "just now"; an unparsable one
 * gives null so the caller can leave the age out rather than print nonsense.
 */
export function formatAgo(iso: string, now: number): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  const span = now - at;
  if (span < MINUTE) return AGE_WORDS.justNow;
  return AGE_WORDS.ago(formatSpan(span));
}

/** Elapsed time since an ISO time, as a compact span ("2 min"); null when unparsable. */
export function formatElapsed(iso: string, now: number): string | null {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return null;
  return formatSpan(now - at);
}
