/**
 * The user's settings as the renderer sees and edits them, with defaults and bounds. The main
 * process stores more (tracked operations, window bounds) in the same file; see src/main/settings.
 */
import { DEFAULT_NAME_TEMPLATE } from './snapshot-name';

/** The VPS.org API's base URL. */
export const DEFAULT_API_BASE_URL = 'https://admin.vps.org/api/v1/';

/** UI languages with a message catalog; `system` follows the OS. */
export const LANGUAGES = ['system', 'en', 'fi', 'gu'] as const;
/** A language choice. */
export type LanguageChoice = (typeof LANGUAGES)[number];

/** Bounds on the poll intervals, in seconds. */
export const POLL_BOUNDS = {
  activeSeconds: { min: 2, max: 300 },
  idleMinutes: { min: 1, max: 120 },
} as const;

/** Settings the user can see and change. */
export interface UserSettings {
  apiBaseUrl: string;
  /** How often to poll while an operation runs, in seconds. */
  pollIntervalSeconds: number;
  /** How often to refresh with nothing running and the window hidden, in minutes. */
  idleRefreshMinutes: number;
  notifications: boolean;
  launchAtLogin: boolean;
  nameTemplate: string;
  language: LanguageChoice;
}

/** Defaults for a first run. */
export const DEFAULT_SETTINGS: UserSettings = {
  apiBaseUrl: DEFAULT_API_BASE_URL,
  pollIntervalSeconds: 10,
  idleRefreshMinutes: 10,
  notifications: true,
  launchAtLogin: false,
  nameTemplate: DEFAULT_NAME_TEMPLATE,
  language: 'system',
};

/** True for a loopback host, where plain http is allowed (demo mode and tests). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The URL a text names, or null when it names none (URL.parse, before every runtime here has it). */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Why an API base URL is refused, or null when it is acceptable. */
export function checkApiBaseUrl(url: string): 'invalid' | 'insecure' | 'credentials' | null {
  const parsed = parseUrl(url);
  if (parsed === null) return 'invalid';
  if (parsed.username || parsed.password) return 'credentials';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return null;
  return parsed.protocol === 'http:' ? 'insecure' : 'invalid';
}

/** The hosts VPS.org itself serves its API from. */
export const PROVIDER_API_HOSTS: readonly string[] = ['admin.vps.org', 'vps.org'];

/**
 * The host a token sent to this API address goes to, as the user should read it (IDN names in
 * their ASCII form, so a look-alike cannot pass for the real one); the text itself if not a URL.
 */
export function apiHostOf(url: string): string {
  return parseUrl(url)?.host ?? url;
}

/** True when the API address is VPS.org's own (https on one of PROVIDER_API_HOSTS, default port). */
export function isProviderApiUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed?.protocol === 'https:' && PROVIDER_API_HOSTS.includes(parsed.host);
}

/** Normalises a base URL so that paths can be appended: always ends with a slash. */
export function normalizeApiBaseUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
