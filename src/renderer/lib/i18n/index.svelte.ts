/**
 * The window's reactive face of the shared catalogs (src/shared/i18n): the current language is a
 * `$state`, so every template that calls `t()` or a formatter re-renders when it changes. The words
 * and the Intl formatting are the shared translator's, the same the tray and notifications use.
 */
import {
  CATALOGS,
  LOCALES,
  placeholders,
  resolveLocale,
  translatorFor,
  type Locale,
  type MessageKey,
  type MessageParams,
  type ResolvedLanguage,
  type Translator,
} from '../../../shared/i18n';
import type { LanguageChoice } from '../../../shared/settings';

export { CATALOGS, LOCALES, placeholders, resolveLocale };
export type { Locale, MessageKey, MessageParams };

const lang = $state<ResolvedLanguage>({ locale: 'en', tag: 'en' });

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** Shows a language: one main resolved (AppState.language), or a choice resolved here. */
export function setLanguage(
  choice: LanguageChoice | ResolvedLanguage,
  systemLocales: readonly string[] = systemLanguages(),
): void {
  const next = typeof choice === 'string' ? resolveLocale(choice, systemLocales) : choice;
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

/** The shared translator for the current language (reading it tracks the language). */
export function translator(): Translator {
  return translatorFor({ locale: lang.locale, tag: lang.tag });
}

/** The message for a key in the current language, with its placeholders, plurals and selects filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translator().t(key, params);
}

/** A date and time in the current locale (medium date, short time), or a dash when unknown. */
export function formatDateTime(iso: string | null | undefined): string {
  return translator().dateTime(iso) ?? t('time.none');
}

/** A clock time (hours and minutes) in the current locale, for "updated at" labels. */
export function formatTime(iso: string | null | undefined): string {
  return translator().time(iso) ?? t('time.none');
}

/** How long ago a time was ("3 days ago"): the same words the tray uses for the same snapshot. */
export function formatRelative(iso: string | null | undefined, now: number): string {
  return translator().age(iso, now) ?? t('time.none');
}

/** A size given in megabytes, as MB or GB in the current locale; a dash when unknown. */
export function formatSize(mb: number | null | undefined): string {
  return translator().size(mb) ?? t('time.none');
}

/** A running duration such as "4 min 5 sec" or "1 hr 12 min" (to the second: the window ticks). */
export function formatDuration(ms: number): string {
  return translator().duration(ms, { seconds: true });
}

/** A plain number in the current locale. */
export function formatNumber(n: number): string {
  return translator().number(n);
}

/**
 * Builds the current language's Intl formatters (plural rules, numbers, sizes, times, ages) ahead
 * of need. Constructing them costs more than the first screen's rows (bench: renderer.render), so
 * the entry point calls this while the first state is on its way from main instead of paying for it
 * in the middle of the first render. Formatting results are thrown away; only the caches remain.
 */
export function prepareFormats(now: number): void {
  const tr = translator();
  const iso = new Date(now).toISOString(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a one-off string, not state
  tr.t('servers.quota', { count: 1, limit: 5 });
  tr.number(1000); // past the small-count shortcut (translator.ts), so the formatter is built
  tr.size(1);
  tr.size(2048);
  tr.time(iso);
  tr.dateTime(iso);
  tr.age(iso, now + 3_600_000);
  tr.duration(61_000, { seconds: true });
}
