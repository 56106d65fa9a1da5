// The one set of catalogs (src/shared/i18n: window, tray, notifications, core messages) and the
// window's reactive wrapper over the shared translator.
import { afterEach, describe, expect, it } from 'vitest';
import { messageArguments, translatorFor } from '../../src/shared/i18n';
import {
  CATALOGS,
  LOCALES,
  currentLocale,
  formatDuration,
  formatRelative,
  formatSize,
  formatDateTime,
  formatNumber,
  formatTime,
  prepareFormats,
  placeholders,
  resolveLocale,
  setLanguage,
  t,
  type MessageKey,
} from '../../src/renderer/lib/i18n/index.svelte';

afterEach(() => setLanguage('en', []));

const enKeys = Object.keys(CATALOGS.en).sort();

/** Keys English has and the catalog lacks, or the other way round. */
function keyMismatches(catalog: Readonly<Record<string, string>>): string[] {
  const keys = Object.keys(catalog);
  return [...enKeys.filter((k) => !Object.hasOwn(catalog, k)), ...keys.filter((k) => !enKeys.includes(k))];
}

/** Keys whose message uses other placeholders than the English one. */
function placeholderMismatches(catalog: Readonly<Record<string, string>>): string[] {
  return enKeys.filter(
    (key) => placeholders(CATALOGS.en[key as MessageKey]).join() !== placeholders(catalog[key] ?? '').join(),
  );
}

describe('catalogs', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(enKeys);
    expect(keyMismatches(CATALOGS[locale])).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders in every message', (locale) => {
    expect(placeholderMismatches(CATALOGS[locale])).toEqual([]);
  });

  it('the checks catch a missing or extra key and a dropped or renamed placeholder (negative control)', () => {
    const { 'settingsFile.backedUp': _dropped, ...missing } = CATALOGS.fi;
    expect(keyMismatches(missing)).toEqual(['settingsFile.backedUp']);
    expect(keyMismatches({ ...CATALOGS.fi, 'settingsFile.extra': 'x' })).toEqual(['settingsFile.extra']);
    const dropped = { ...CATALOGS.fi, 'settingsFile.backedUp': 'Alkuperäinen tallennettiin.' };
    expect(placeholderMismatches(dropped)).toEqual(['settingsFile.backedUp']);
    const renamed = { ...CATALOGS.gu, 'core.limit': CATALOGS.gu['core.limit'].replace('{limit}', '{max}') };
    expect(placeholderMismatches(renamed)).toEqual(['core.limit']);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s has the same plural and select arguments (with the same select cases) as English',
    (locale) => {
      const mismatches = enKeys.filter((key) => {
        const k = key as MessageKey;
        return messageArguments(CATALOGS.en[k]).join() !== messageArguments(CATALOGS[locale][k]).join();
      });
      expect(mismatches).toEqual([]);
    },
  );

  it('the check catches a translation that drops a plural or a select case (negative control)', () => {
    const en = CATALOGS.en['tray.tip.servers'];
    expect(messageArguments(en)).toEqual(['count:plural']);
    expect(messageArguments('{count} palvelinta')).not.toEqual(messageArguments(en));
    const select = CATALOGS.en['tray.offline'];
    expect(messageArguments(select)).toEqual(['demo:select(other|yes)']);
    expect(messageArguments('{demo, select, other {x}}')).not.toEqual(messageArguments(select));
  });

  it('holds the window, tray, notification and core messages in one place', () => {
    for (const key of [
      'app.title',
      'tray.quickSnapshot',
      'notify.createDone.title',
      'core.limit',
      'rule.url.invalid',
    ])
      expect(Object.hasOwn(CATALOGS.en, key), key).toBe(true);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    expect(Object.entries(CATALOGS[locale]).filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  it('Gujarati messages are written in Gujarati script', () => {
    expect(CATALOGS.gu['signin.title']).toMatch(/[\u0A80-\u0AFF]/);
    expect(CATALOGS.gu['snapshots.emptyWhat']).toMatch(/[\u0A80-\u0AFF]/);
    // Every tray, notification and core message too (the app's name and placeholders aside).
    const shared = Object.entries(CATALOGS.gu).filter(([key]) =>
      /^(tray|notify|outcome|core|rule|statusWord|settingsFile|time\.)/.test(key),
    );
    const latinOnly = shared.filter(
      ([key, text]) =>
        ![
          'tray.serverLine',
          'tray.snapshotLine',
          'tray.snapshotLineNoAge',
          'tray.noticeLine',
          'tray.tooltip',
          'time.none',
        ].includes(key) && !/[\u0A80-\u0AFF]/.test(text),
    );
    expect(latinOnly).toEqual([]);
  });
});

describe('t and setLanguage', () => {
  it('fills placeholders once and leaves unknown ones', () => {
    expect(t('header.account', { email: '{x}' })).toBe('Signed in as {x}');
    expect(t('header.account')).toBe('Signed in as {email}');
  });

  it('follows the system languages and an explicit choice', () => {
    setLanguage('system', ['sv-SE', 'fi-FI']);
    expect(currentLocale()).toBe('fi');
    expect(t('header.refresh')).toBe('Päivitä');
    setLanguage('gu', ['en-US']);
    expect(t('header.refresh')).toBe('તાજું કરો');
    setLanguage('system', ['de-DE']);
    expect(currentLocale()).toBe('en');
  });

  it('keeps the regional variant for Intl and survives a malformed tag', () => {
    expect(resolveLocale('system', ['en_GB'])).toEqual({ locale: 'en', tag: 'en-GB' });
    expect(resolveLocale('fi', ['fi-FI', 'en'])).toEqual({ locale: 'fi', tag: 'fi-FI' });
    expect(resolveLocale('system', ['gu-!!'])).toEqual({ locale: 'gu', tag: 'gu' });
  });
});

describe('formatters', () => {
  const now = Date.parse('2025-01-20T12:00:00Z');

  it('prepareFormats builds every Intl formatter the first screen uses, so its first render builds none', () => {
    // Gujarati with a region no earlier test used: nothing is cached for it yet.
    setLanguage({ locale: 'gu', tag: 'gu-IN' });
    prepareFormats(now);
    const built: string[] = [];
    const originals = {
      NumberFormat: Intl.NumberFormat,
      DateTimeFormat: Intl.DateTimeFormat,
      RelativeTimeFormat: Intl.RelativeTimeFormat,
      PluralRules: Intl.PluralRules,
    };
    for (const [name, Original] of Object.entries(originals)) {
      const Counting = new Proxy(Original, {
        construct(target, args) {
          built.push(name);
          return Reflect.construct(target, args) as object;
        },
      });
      Object.defineProperty(Intl, name, { value: Counting, configurable: true, writable: true });
    }
    try {
      const iso = '2025-01-19T08:30:00Z';
      formatTime(iso);
      formatDateTime(iso);
      formatRelative(iso, now);
      formatSize(820);
      formatSize(13_824);
      formatNumber(1000);
      formatDuration(65_000);
      t('servers.quota', { count: 3, limit: 5 });
      expect(built).toEqual([]);
      // The check can fail: a language not prepared builds its own (negative control).
      setLanguage({ locale: 'gu', tag: 'gu-u-nu-latn' });
      formatTime(iso);
      expect(built).toContain('DateTimeFormat');
    } finally {
      for (const [name, Original] of Object.entries(originals))
        Object.defineProperty(Intl, name, { value: Original, configurable: true, writable: true });
    }
  });

  it('formats relative times in the current language', () => {
    expect(formatRelative('2025-01-17T12:00:00Z', now)).toBe('3 days ago');
    // "Created just now", not Intl's "Created now".
    expect(formatRelative('2025-01-20T11:59:50Z', now)).toBe('just now');
    setLanguage('fi', []);
    expect(formatRelative('2025-01-17T12:00:00Z', now)).toBe('3 päivää sitten');
    expect(formatRelative('2025-01-20T11:59:50Z', now)).toBe('juuri äsken');
    expect(formatRelative('not a date', now)).toBe('—');
  });

  it('says the same age as the tray for the same snapshot: one shared formatter', () => {
    const times = [
      '2025-01-20T11:59:50Z',
      '2025-01-20T11:00:00Z',
      '2025-01-15T18:30:00Z',
      '2024-03-01T00:00:00Z',
    ];
    for (const locale of LOCALES) {
      setLanguage(locale, []);
      const tray = translatorFor({ locale, tag: locale });
      for (const time of times) expect(formatRelative(time, now)).toBe(tray.age(time, now));
    }
  });

  it('handles plural forms in every language ("1 server" / "5 servers", Finnish partitive)', () => {
    expect(t('tray.tip.servers', { count: 1 })).toBe('1 server');
    expect(t('tray.tip.servers', { count: 5 })).toBe('5 servers');
    setLanguage('fi', []);
    expect(t('tray.tip.servers', { count: 1 })).toBe('1 palvelin');
    expect(t('tray.tip.servers', { count: 5 })).toBe('5 palvelinta');
    expect(t('tray.moreServers', { count: 1 })).toBe('1 palvelin lisää — avaa ikkuna');
    setLanguage('gu', []);
    expect(t('tray.tip.servers', { count: 5 })).toBe('5 સર્વર');
    expect(t('tray.offline', { demo: 'yes' })).toMatch(/^ડેમો સર્વર/);
  });

  it('formats sizes and durations', () => {
    expect(formatSize(5120)).toBe('5 GB');
    expect(formatSize(512)).toBe('512 MB');
    expect(formatSize(null)).toBe('—');
    expect(formatDuration(4 * 60_000 + 5_000)).toBe('4 min 5 sec');
    expect(formatDuration(3_600_000 + 12 * 60_000)).toBe('1 hr 12 min');
    expect(formatDuration(12_000)).toBe('12 sec');
    // Without seconds (the tray refreshes every half minute), rounded down.
    const en = translatorFor({ locale: 'en', tag: 'en' });
    expect(en.duration(59_999)).toBe('under a minute');
    expect(en.duration(2 * 60_000 + 59_000)).toBe('2 min');
    expect(en.duration(3_600_000)).toBe('1 hr');
    expect(en.duration(-5)).toBe('under a minute');
    expect(en.duration(Number.NaN)).toBe('under a minute');
    expect(en.size(13.5 * 1024)).toBe('13.5 GB');
    expect(translatorFor({ locale: 'fi', tag: 'fi' }).size(13.5 * 1024)).toBe('13,5 Gt');
  });
});
