import { afterEach, describe, expect, it } from 'vitest';
import {
  CATALOGS,
  LOCALES,
  currentLocale,
  formatDuration,
  formatRelative,
  formatSize,
  placeholders,
  resolveLocale,
  setLanguage,
  t,
  type MessageKey,
} from '../../src/renderer/lib/i18n/index.svelte';

afterEach(() => setLanguage('en', []));

describe('catalogs', () => {
  const enKeys = Object.keys(CATALOGS.en).sort();

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(enKeys);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders in every message', (locale) => {
    const mismatches = enKeys.filter((key) => {
      const k = key as MessageKey;
      return placeholders(CATALOGS.en[k]).join() !== placeholders(CATALOGS[locale][k]).join();
    });
    expect(mismatches).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    expect(Object.entries(CATALOGS[locale]).filter(([, v]) => v.trim() === '')).toEqual([]);
  });

  it('Gujarati messages are written in Gujarati script', () => {
    expect(CATALOGS.gu['signin.title']).toMatch(/[\u0A80-\u0AFF]/);
    expect(CATALOGS.gu['snapshots.emptyWhat']).toMatch(/[\u0A80-\u0AFF]/);
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

  it('formats relative times in the current language', () => {
    expect(formatRelative('2025-01-17T12:00:00Z', now)).toBe('3 days ago');
    // "Created just now", not Intl's "Created now".
    expect(formatRelative('2025-01-20T11:59:50Z', now)).toBe('just now');
    setLanguage('fi', []);
    expect(formatRelative('2025-01-17T12:00:00Z', now)).toBe('3 päivää sitten');
    expect(formatRelative('2025-01-20T11:59:50Z', now)).toBe('juuri äsken');
    expect(formatRelative('not a date', now)).toBe('—');
  });

  it('formats sizes and durations', () => {
    expect(formatSize(5120)).toBe('5 GB');
    expect(formatSize(512)).toBe('512 MB');
    expect(formatSize(null)).toBe('—');
    expect(formatDuration(4 * 60_000 + 5_000)).toBe('4 min 5 sec');
    expect(formatDuration(3_600_000 + 12 * 60_000)).toBe('1 hr 12 min');
  });
});
