/** Validation of the settings form, field by field, as translated messages (pure, for tests). */
import { checkNameTemplate } from '../../shared/snapshot-name';
import { POLL_BOUNDS, checkApiBaseUrl, type UserSettings } from '../../shared/settings';
import type { AppError } from '../../shared/state';
import { t } from './i18n/index.svelte';

/** The editable fields as typed (numbers stay text until they are valid). */
export interface SettingsDraft {
  apiBaseUrl: string;
  pollIntervalSeconds: string;
  idleRefreshMinutes: string;
  notifications: boolean;
  launchAtLogin: boolean;
  nameTemplate: string;
}

/** Fields that can carry an error. */
export type DraftField = 'apiBaseUrl' | 'pollIntervalSeconds' | 'idleRefreshMinutes' | 'nameTemplate';
/** An error message per field that has one. */
export type DraftErrors = Partial<Record<DraftField, string>>;

/** A draft from saved settings. */
export function draftFrom(s: UserSettings): SettingsDraft {
  return {
    apiBaseUrl: s.apiBaseUrl,
    pollIntervalSeconds: String(s.pollIntervalSeconds),
    idleRefreshMinutes: String(s.idleRefreshMinutes),
    notifications: s.notifications,
    launchAtLogin: s.launchAtLogin,
    nameTemplate: s.nameTemplate,
  };
}

function wholeInRange(text: string, bounds: { min: number; max: number }): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** The message for a template problem, or null when the template is usable. */
export function templateError(template: string): string | null {
  switch (checkNameTemplate(template)) {
    case 'empty':
      return t('settings.templateEmpty');
    case 'too_long':
      return t('settings.templateTooLong');
    case 'no_placeholder':
      return t('settings.templateNoPlaceholder', { server: '{server}' });
    default:
      return null;
  }
}

/** Every field's problem in the current language. */
export function validateDraft(d: SettingsDraft): DraftErrors {
  const errors: DraftErrors = {};
  const url = checkApiBaseUrl(d.apiBaseUrl.trim());
  if (url === 'invalid') errors.apiBaseUrl = t('settings.apiUrlInvalid');
  else if (url === 'insecure') errors.apiBaseUrl = t('settings.apiUrlInsecure');
  else if (url === 'credentials') errors.apiBaseUrl = t('settings.apiUrlCredentials');
  if (wholeInRange(d.pollIntervalSeconds, POLL_BOUNDS.activeSeconds) === null) {
    errors.pollIntervalSeconds = t('settings.range', POLL_BOUNDS.activeSeconds);
  }
  if (wholeInRange(d.idleRefreshMinutes, POLL_BOUNDS.idleMinutes) === null) {
    errors.idleRefreshMinutes = t('settings.range', POLL_BOUNDS.idleMinutes);
  }
  const template = templateError(d.nameTemplate);
  if (template) errors.nameTemplate = template;
  return errors;
}

/** The changed fields of a valid draft, as a settings patch. */
export function patchFrom(d: SettingsDraft, saved: UserSettings): Partial<UserSettings> {
  const next: Omit<UserSettings, 'language'> = {
    apiBaseUrl: d.apiBaseUrl.trim(),
    pollIntervalSeconds: Number(d.pollIntervalSeconds),
    idleRefreshMinutes: Number(d.idleRefreshMinutes),
    notifications: d.notifications,
    launchAtLogin: d.launchAtLogin,
    nameTemplate: d.nameTemplate,
  };
  const patch: Partial<UserSettings> = {};
  for (const key of Object.keys(next) as Array<keyof typeof next>) {
    if (next[key] !== saved[key]) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}

/** Rule codes of main's settings refusals, by the field they are about. */
const FIELD_CODE_PREFIXES: ReadonlyArray<[string, DraftField]> = [
  ['rule.url.', 'apiBaseUrl'],
  ['rule.template.', 'nameTemplate'],
  ['rule.pollInterval', 'pollIntervalSeconds'],
  ['rule.idleRefresh', 'idleRefreshMinutes'],
];

/** Which field a refusal from main is about: from its rule code, else from the words of its message. */
export function fieldOfError(error: AppError): DraftField | null {
  const code = error.code;
  if (code !== undefined) return FIELD_CODE_PREFIXES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? null;
  return fieldOfMessage(error.message);
}

/** Which field a refusal from main is about, from the words of its message. */
export function fieldOfMessage(message: string): DraftField | null {
  const m = message.toLowerCase();
  if (m.includes('api address') || m.includes('apibaseurl')) return 'apiBaseUrl';
  if (m.includes('template') || m.includes('nametemplate')) return 'nameTemplate';
  if (m.includes('idle') || m.includes('idlerefreshminutes')) return 'idleRefreshMinutes';
  if (m.includes('poll') || m.includes('pollintervalseconds')) return 'pollIntervalSeconds';
  return null;
}
