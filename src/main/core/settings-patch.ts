/**
 * Checks a settings change before it is kept: the API address must be https (or loopback http),
 * the name template must produce names, the intervals must be within bounds. The IPC schema
 * checks types; this checks meaning, and also protects callers that do not go through IPC.
 */
import { checkNameTemplate, unknownPlaceholders } from '../../shared/snapshot-name';
import {
  LANGUAGES,
  POLL_BOUNDS,
  checkApiBaseUrl,
  normalizeApiBaseUrl,
  type UserSettings,
} from '../../shared/settings';
import type { AppError } from '../../shared/state';

const URL_MESSAGES = {
  invalid: 'The API address is not a valid URL, e.g. https://admin.vps.org/api/v1/.',
  insecure: 'The API address must use https (plain http only for this computer, e.g. a local simulator).',
  credentials: 'The API address must not contain a user name or password.',
} as const;

const TEMPLATE_MESSAGES = {
  empty: 'The snapshot name template is empty.',
  too_long: 'The snapshot name template is too long (at most 200 characters).',
  no_placeholder:
    'The snapshot name template needs a placeholder such as {server} or {yyyyMMdd-HHmm}, or every name would be the same.',
  unknown_placeholder: (template: string) =>
    `The snapshot name template has ${unknownPlaceholders(template).join(', ')}, which is not a placeholder. Use {server}, {id}, a date such as {yyyyMMdd-HHmm} (local time) or {utc:yyyyMMdd-HHmm} (UTC).`,
} as const;

function inBounds(value: number, bounds: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** The settings after applying `patch`, or the first reason it cannot be applied. */
export function applySettingsPatch(
  current: UserSettings,
  patch: Partial<UserSettings>,
): { ok: true; settings: UserSettings } | { ok: false; error: AppError } {
  const invalid = (message: string) => ({
    ok: false as const,
    error: { kind: 'validation' as const, message },
  });
  const next: UserSettings = { ...current };
  if (patch.apiBaseUrl !== undefined) {
    const url = patch.apiBaseUrl.trim();
    const problem = checkApiBaseUrl(url);
    if (problem !== null) return invalid(URL_MESSAGES[problem]);
    next.apiBaseUrl = normalizeApiBaseUrl(url);
  }
  if (patch.nameTemplate !== undefined) {
    const problem = checkNameTemplate(patch.nameTemplate);
    if (problem === 'unknown_placeholder') return invalid(TEMPLATE_MESSAGES[problem](patch.nameTemplate));
    if (problem !== null) return invalid(TEMPLATE_MESSAGES[problem]);
    next.nameTemplate = patch.nameTemplate;
  }
  if (patch.pollIntervalSeconds !== undefined) {
    const b = POLL_BOUNDS.activeSeconds;
    if (!inBounds(patch.pollIntervalSeconds, b)) {
      return invalid(`The poll interval must be a whole number of seconds from ${b.min} to ${b.max}.`);
    }
    next.pollIntervalSeconds = patch.pollIntervalSeconds;
  }
  if (patch.idleRefreshMinutes !== undefined) {
    const b = POLL_BOUNDS.idleMinutes;
    if (!inBounds(patch.idleRefreshMinutes, b)) {
      return invalid(
        `The idle refresh interval must be a whole number of minutes from ${b.min} to ${b.max}.`,
      );
    }
    next.idleRefreshMinutes = patch.idleRefreshMinutes;
  }
  if (patch.language !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(patch.language)) return invalid('Unknown language.');
    next.language = patch.language;
  }
  if (patch.notifications !== undefined) next.notifications = patch.notifications === true;
  if (patch.launchAtLogin !== undefined) next.launchAtLogin = patch.launchAtLogin === true;
  return { ok: true, settings: next };
}
