/**
 * Message lookup and Intl formatting for the window. The current locale is a `$state`, so every
 * template that calls `t()` or a formatter re-renders when the language changes.
 */
import type { LanguageChoice } from '../../../shared/settings';
import { en } from './messages/en';
import { fi } from './messages/fi';
import { gu } from './messages/gu';

/** A key of the English (source) catalog. */
export type MessageKey = keyof typeof en;
/** A language with a catalog. */
export type Locale = 'en' | 'fi' | 'gu';
/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** Every catalog by locale (fi and gu are checked against en's keys where they are defined). */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, fi, gu };
/** The locales with a catalog, in the order the language menu lists them. */
export const LOCALES: readonly Locale[] = ['en', 'fi', 'gu'];

// `tag` is the BCP 47 tag given to Intl: the system's own regional variant when it matches the
// chosen language (en-GB dates for a British system), else the bare language.
const lang = $state<{ locale: Locale; tag: string }>({ locale: 'en', tag: 'en' });

function isLocale(value: string): value is Locale {
  return value === 'en' || value === 'fi' || value === 'gu';
}

/** Picks the locale (and Intl tag) for a choice: an explicit language, or the first system one we have. */
export function resolveLocale(
  choice: LanguageChoice,
  systemLocales: readonly string[],
): { locale: Locale; tag: string } {
  const base = (tag: string): string => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (choice !== 'system') {
    const regional = systemLocales.find((s) => base(s) === choice);
    return { locale: choice, tag: regional ? safeTag(regional, choice) : choice };
  }
  for (const tag of systemLocales) {
    const b = base(tag);
    if (isLocale(b)) return { locale: b, tag: safeTag(tag, b) };
  }
  return { locale: 'en', tag: 'en' };
}

// A malformed system tag must not make every Intl call throw.
function safeTag(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace('_', '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** Sets the UI language from the user's choice; `system` follows the OS (navigator.languages). */
export function setLanguage(
  choice: LanguageChoice,
  systemLocales: readonly string[] = systemLanguages(),
): void {
  const next = resolveLocale(choice, systemLocales);
  lang.locale = next.locale;
  lang.tag = next.tag;
  if (typeof document !== 'undefined') document.documentElement.lang = next.tag;
}

/** The language the UI currently shows. */
export function currentLocale(): Locale {
  return lang.locale;
}

/** The BCP 47 tag the formatters use. */
export function currentTag(): string {
  return lang.tag;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message for a key in the current language, with `{param}` placeholders filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const text: string = CATALOGS[lang.locale][key] ?? en[key] ?? key;
  if (!params) return text;
  // One pass: a parameter value containing braces is never expanded again.
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The `{param}` names a message uses (for the catalog consistency test and tooling). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

// Intl constructors are slow relative to formatting; 1,000 rows must not build 1,000 of them.
// A plain Map on purpose: the cache is not state, and reading it must not track dependencies.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: (tag: string) => T,
): T {
  const full = `${lang.tag}|${key}`;
  let f = cache.get(full) as T | undefined;
  if (!f) {
    f = make(lang.tag);
    cache.set(full, f);
  }
  return f;
}

function parse(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** A date and time in the current locale (medium date, short time), or a dash when unknown. */
export function formatDateTime(iso: string | null | undefined): string {
  const ms = parse(iso);
  if (ms === null) return en['time.none'];
  return cached(
    'dt',
    (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
}

/** A clock time (hours and minutes) in the current locale, for "updated at" labels. */
export function formatTime(iso: string | null | undefined): string {
  const ms = parse(iso);
  if (ms === null) return en['time.none'];
  return cached('tm', (tag) => new Intl.DateTimeFormat(tag, { timeStyle: 'short' })).format(ms);
}

const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number, number]> = [
  // unit, its length in seconds, use it while |diff| is below this many seconds
  ['second', 1, 45],
  ['minute', 60, 45 * 60],
  ['hour', 3600, 22 * 3600],
  ['day', 86400, 26 * 86400],
  ['month', 30 * 86400, 320 * 86400],
  ['year', 365 * 86400, Infinity],
];

/**
 * How long ago (or ahead) a time is, in words of the current locale ("3 days ago"). Under 45
 * seconds it is "just now" from the catalog: Intl's "now" reads oddly in "Created now".
 */
export function formatRelative(iso: string | null | undefined, now: number): string {
  const ms = parse(iso);
  if (ms === null) return en['time.none'];
  const diff = (ms - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 45) return t('time.justNow');
  const rtf = cached('rel', (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }));
  for (const [unit, size, below] of RELATIVE_STEPS) {
    if (abs < below) return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(Math.round(diff / (365 * 86400)), 'year');
}

function unitFormat(unit: string, digits = 0): Intl.NumberFormat {
  return cached(`u:${unit}:${digits}`, (tag) => {
    return new Intl.NumberFormat(tag, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    });
  });
}

/** A size given in megabytes, as MB or GB in the current locale; a dash when unknown. */
export function formatSize(mb: number | null | undefined): string {
  if (mb === null || mb === undefined || !Number.isFinite(mb)) return en['time.none'];
  if (mb >= 1024) return unitFormat('gigabyte', 1).format(mb / 1024);
  return unitFormat('megabyte').format(mb);
}

/** A duration such as "4 min 5 s" or "1 h 12 min" in the current locale's units. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${unitFormat('hour').format(h)} ${unitFormat('minute').format(m)}`;
  if (m > 0) return `${unitFormat('minute').format(m)} ${unitFormat('second').format(s)}`;
  return unitFormat('second').format(s);
}

/** A plain number in the current locale. */
export function formatNumber(n: number): string {
  return cached('n', (tag) => new Intl.NumberFormat(tag)).format(n);
}
