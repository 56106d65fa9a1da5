/**
 * Checks a settings change before it is kept: the API address must be https (or loopback http),
 * the name template must produce names, the intervals must be within bounds. The IPC schema
 * checks types; this checks meaning, and also protects callers that do not go through IPC. The
 * reasons are the shared rule wordings (src/shared/i18n/rules.ts), the same the API client uses.
 */
import { appError } from '../../shared/i18n/app-error';
import type { MessageKey } from '../../shared/i18n/catalogs';
import type { MessageParams } from '../../shared/i18n/message-format';
import { apiUrlRule, templateRule } from '../../shared/i18n/rules';
import { LANGUAGES, POLL_BOUNDS, normalizeApiBaseUrl, type UserSettings } from '../../shared/settings';
import type { AppError } from '../../shared/state';

function inBounds(value: number, bounds: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** The settings after applying `patch`, or the first reason it cannot be applied. */
export function applySettingsPatch(
  current: UserSettings,
  patch: Partial<UserSettings>,
): { ok: true; settings: UserSettings } | { ok: false; error: AppError } {
  const invalid = (code: MessageKey, params?: MessageParams) => ({
    ok: false as const,
    error: appError('validation', code, params),
  });
  const next: UserSettings = { ...current };
  if (patch.apiBaseUrl !== undefined) {
    const url = patch.apiBaseUrl.trim();
    const rule = apiUrlRule(url);
    if (rule !== null) return invalid(rule.code, rule.params);
    next.apiBaseUrl = normalizeApiBaseUrl(url);
  }
  if (patch.nameTemplate !== undefined) {
    const rule = templateRule(patch.nameTemplate);
    if (rule !== null) return invalid(rule.code, rule.params);
    next.nameTemplate = patch.nameTemplate;
  }
  if (patch.pollIntervalSeconds !== undefined) {
    const b = POLL_BOUNDS.activeSeconds;
    if (!inBounds(patch.pollIntervalSeconds, b)) return invalid('rule.pollInterval', b);
    next.pollIntervalSeconds = patch.pollIntervalSeconds;
  }
  if (patch.idleRefreshMinutes !== undefined) {
    const b = POLL_BOUNDS.idleMinutes;
    if (!inBounds(patch.idleRefreshMinutes, b)) return invalid('rule.idleRefresh', b);
    next.idleRefreshMinutes = patch.idleRefreshMinutes;
  }
  if (patch.language !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(patch.language)) return invalid('rule.language');
    next.language = patch.language;
  }
  if (patch.notifications !== undefined) next.notifications = patch.notifications === true;
  if (patch.launchAtLogin !== undefined) next.launchAtLogin = patch.launchAtLogin === true;
  return { ok: true, settings: next };
}
