/**
 * One translator per language for every surface: the window, the tray menu and tooltip, the
 * notifications and the core's own messages all take their words from the same catalogs and their
 * numbers, sizes, durations and ages from the same Intl formatters, so the tray and the window say
 * the same age for the same snapshot.
 */
import type { LanguageChoice } from '../settings';
import { CATALOGS, type Locale, type MessageKey } from './catalogs';
import { formatMessage, type MessageLocale, type MessageParams } from './message-format';

/** The language a surface shows: a catalog, and the BCP 47 tag Intl formats with. */
export interface ResolvedLanguage {
  locale: Locale;
  /** The system's regional variant when it matches (en-GB dates for a British system), else the bare language. */
  tag: string;
}

/** English, the fallback when no system language has a catalog. */
export const ENGLISH: ResolvedLanguage = { locale: 'en', tag: 'en' };

function isLocale(value: string): value is Locale {
  return Object.hasOwn(CATALOGS, value);
}

// A malformed system tag must not make every Intl call throw.
function safeTag(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace('_', '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * The language for a choice: an explicit one, or with `system` the first of the OS's preferred
 * languages that has a catalog; English when none has.
 */
export function resolveLocale(choice: LanguageChoice, systemLocales: readonly string[]): ResolvedLanguage {
  const base = (tag: string): string => tag.split(/[-_.@]/)[0]?.toLowerCase() ?? '';
  if (choice !== 'system') {
    const regional = systemLocales.find((s) => base(s) === choice);
    return { locale: choice, tag: regional ? safeTag(regional, choice) : choice };
  }
  for (const tag of systemLocales) {
    const b = base(tag);
    if (isLocale(b)) return { locale: b, tag: safeTag(tag.split(/[.@]/)[0] ?? tag, b) };
  }
  return ENGLISH;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A whole number from 0 to 999: written the same in every catalog language (Latin digits, no
 * grouping), so counts in the tray's first menu need no Intl object. ICU's first use costs about
 * 20 ms in the main process, before the tray is up (bench: startup.tray_menu_ready).
 */
function isSmallCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 1000;
}

/**
 * CLDR's plural category of a small count in each catalog language, or null for any other number
 * (then Intl.PluralRules decides). Checked against Intl.PluralRules for 0-999 in the i18n tests.
 */
export function smallCountPlural(locale: Locale, n: number): Intl.LDMLPluralRule | null {
  if (!isSmallCount(n)) return null;
  if (locale === 'gu') return n <= 1 ? 'one' : 'other';
  return n === 1 ? 'one' : 'other';
}

/** Words and Intl formatting in one language. Build with `translatorFor` (cached per language). */
export class Translator implements MessageLocale {
  // Intl constructors are slow relative to formatting; 1,000 rows must not build 1,000 of them.
  private readonly formats = new Map<string, Intl.NumberFormat>();
  // Built on first use: the main process words fixed errors at import, and ICU's first
  // PluralRules/RelativeTimeFormat costs tens of ms there, before the tray is up.
  private rulesFormat: Intl.PluralRules | null = null;
  private rtfFormat: Intl.RelativeTimeFormat | null = null;
  private dateTimeFormat: Intl.DateTimeFormat | null = null;
  private timeFormat: Intl.DateTimeFormat | null = null;

  constructor(readonly language: ResolvedLanguage) {}

  private get rules(): Intl.PluralRules {
    return (this.rulesFormat ??= new Intl.PluralRules(this.language.tag));
  }

  private get rtfAlways(): Intl.RelativeTimeFormat {
    return (this.rtfFormat ??= new Intl.RelativeTimeFormat(this.language.tag, { numeric: 'always' }));
  }

  /** The message for a key, with its placeholders, plurals and selects filled in. */
  t(key: MessageKey, params?: MessageParams): string {
    const text: string = CATALOGS[this.language.locale][key] ?? CATALOGS.en[key] ?? key;
    return formatMessage(text, params, this);
  }

  /** The plural category of a number in this language (for MessageLocale). */
  plural(n: number): Intl.LDMLPluralRule {
    return smallCountPlural(this.language.locale, n) ?? this.rules.select(n);
  }

  /** A plain number. */
  number(n: number): string {
    if (isSmallCount(n)) return String(n);
    return this.format('n', () => new Intl.NumberFormat(this.language.tag)).format(n);
  }

  private format(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
    let f = this.formats.get(key);
    if (!f) {
      f = make();
      this.formats.set(key, f);
    }
    return f;
  }

  private unit(unit: string, digits = 0): Intl.NumberFormat {
    return this.format(
      `u:${unit}:${digits}`,
      () =>
        new Intl.NumberFormat(this.language.tag, {
          style: 'unit',
          unit,
          unitDisplay: 'short',
          maximumFractionDigits: digits,
        }),
    );
  }

  /** A size given in MB, as MB or GB ("820 MB", "13.5 GB"); null when unknown. */
  size(mb: number | null | undefined): string | null {
    if (mb === null || mb === undefined || !Number.isFinite(mb) || mb < 0) return null;
    if (mb >= 1024) return this.unit('gigabyte', 1).format(mb / 1024);
    return this.unit('megabyte').format(mb);
  }

  /**
   * A duration, rounded down so a label never claims more time than has passed: "1 hr 12 min",
   * "4 min"; with `seconds` (a display that ticks every second) "4 min 5 sec" and "12 sec", else
   * "under a minute" below one minute. Negative or non-finite input counts as zero.
   */
  duration(ms: number, options: { seconds?: boolean } = {}): string {
    const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0) {
      const hours = this.unit('hour').format(h);
      return m > 0 ? `${hours} ${this.unit('minute').format(m)}` : hours;
    }
    if (m > 0) {
      const minutes = this.unit('minute').format(m);
      return options.seconds ? `${minutes} ${this.unit('second').format(s)}` : minutes;
    }
    return options.seconds ? this.unit('second').format(s) : this.t('time.underMinute');
  }

  /** Milliseconds between two ISO times, as a duration (zero when either is unreadable). */
  between(fromIso: string, toIso: string | number, options: { seconds?: boolean } = {}): string {
    const from = Date.parse(fromIso);
    const to = typeof toIso === 'number' ? toIso : Date.parse(toIso);
    return this.duration(Number.isFinite(from) && Number.isFinite(to) ? to - from : 0, options);
  }

  /** A range of minutes, as in "usually 3–10 min". */
  minutesRange(min: number, max: number): string {
    return this.unit('minute').formatRange(min, max);
  }

  /**
   * How long ago an ISO time was, relative to `now` (ms): "just now", "5 minutes ago", "3 days ago",
   * rounded down. A time in the future (clock skew between us and the API) reads "just now"; an
   * unreadable one gives null so the caller can leave the age out rather than print nonsense.
   */
  age(iso: string | null | undefined, now: number): string | null {
    const at = iso ? Date.parse(iso) : Number.NaN;
    if (!Number.isFinite(at)) return null;
    const span = now - at;
    if (span < 45_000) return this.t('time.justNow');
    if (span < HOUR) return this.rtfAlways.format(-Math.max(1, Math.floor(span / MINUTE)), 'minute');
    if (span < DAY) return this.rtfAlways.format(-Math.floor(span / HOUR), 'hour');
    const days = Math.floor(span / DAY);
    if (days < 60) return this.rtfAlways.format(-days, 'day');
    if (days < 365) return this.rtfAlways.format(-Math.floor(days / 30), 'month');
    return this.rtfAlways.format(-Math.floor(days / 365), 'year');
  }

  /** A date and time (medium date, short time); null when unreadable. */
  dateTime(iso: string | null | undefined): string | null {
    const ms = iso ? Date.parse(iso) : Number.NaN;
    if (!Number.isFinite(ms)) return null;
    this.dateTimeFormat ??= new Intl.DateTimeFormat(this.language.tag, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return this.dateTimeFormat.format(ms);
  }

  /** A clock time (hours and minutes); null when unreadable. */
  time(iso: string | null | undefined): string | null {
    const ms = iso ? Date.parse(iso) : Number.NaN;
    if (!Number.isFinite(ms)) return null;
    this.timeFormat ??= new Intl.DateTimeFormat(this.language.tag, { timeStyle: 'short' });
    return this.timeFormat.format(ms);
  }
}

const translators = new Map<string, Translator>();

/** The translator for a language (one per locale and tag, reused). */
export function translatorFor(language: ResolvedLanguage): Translator {
  const key = `${language.locale}|${language.tag}`;
  let tr = translators.get(key);
  if (!tr) {
    tr = new Translator(language);
    translators.set(key, tr);
  }
  return tr;
}

/** English, for messages that must be written before a language is known (logs, defaults). */
export function english(): Translator {
  return translatorFor(ENGLISH);
}
