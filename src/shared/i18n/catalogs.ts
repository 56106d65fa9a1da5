/**
 * The one set of catalogs: the window's messages, the tray's, the notifications', the core's and
 * the settings file's problems, in English (the source), Finnish and Gujarati. Each part has the
 * same keys and placeholders in all three languages (the types check the keys;
 * test/component/i18n.svelte.test.ts checks the placeholders and plural forms).
 */
import { coreEn } from './messages/core.en';
import { coreFi } from './messages/core.fi';
import { coreGu } from './messages/core.gu';
import { en as windowEn } from './messages/en';
import { fi as windowFi } from './messages/fi';
import { gu as windowGu } from './messages/gu';
import { notifyEn } from './messages/notify.en';
import { notifyFi } from './messages/notify.fi';
import { notifyGu } from './messages/notify.gu';
import { policyEn } from './messages/policy.en';
import { policyFi } from './messages/policy.fi';
import { policyGu } from './messages/policy.gu';
import { problemsEn } from './messages/problems.en';
import { problemsFi } from './messages/problems.fi';
import { problemsGu } from './messages/problems.gu';
import { safetyEn } from './messages/safety.en';
import { safetyFi } from './messages/safety.fi';
import { safetyGu } from './messages/safety.gu';
import { trayEn } from './messages/tray.en';
import { trayFi } from './messages/tray.fi';
import { trayGu } from './messages/tray.gu';

const en = { ...windowEn, ...trayEn, ...notifyEn, ...coreEn, ...policyEn, ...problemsEn, ...safetyEn };

/** A key of the English (source) catalog. */
export type MessageKey = keyof typeof en;
/** A language with a catalog. */
export type Locale = 'en' | 'fi' | 'gu';

/** Every catalog by locale. */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = {
  en,
  fi: { ...windowFi, ...trayFi, ...notifyFi, ...coreFi, ...policyFi, ...problemsFi, ...safetyFi },
  gu: { ...windowGu, ...trayGu, ...notifyGu, ...coreGu, ...policyGu, ...problemsGu, ...safetyGu },
};

/** The locales with a catalog, in the order the language menu lists them. */
export const LOCALES: readonly Locale[] = ['en', 'fi', 'gu'];

/** True for a key of the catalogs (for codes that arrive from elsewhere). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
