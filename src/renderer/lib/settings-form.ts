/**
 * The settings form's text fields, checked field by field as translated messages (pure, for tests).
 * Each field is saved on its own as soon as it is committed (see Settings.svelte).
 */
import { checkNameTemplate, unknownPlaceholders } from '../../shared/snapshot-name';
import { POLL_BOUNDS, checkApiBaseUrl, type UserSettings } from '../../shared/settings';
import { t } from './i18n/index.svelte';

/** The text fields as typed (numbers stay text until they are valid). */
export interface SettingsDraft {
  apiBaseUrl: string;
  pollIntervalSeconds: string;
  idleRefreshMinutes: string;
  nameTemplate: string;
}

/** A text field of the form. */
export type DraftField = keyof SettingsDraft;
/** An error message per field that has one. */
export type DraftErrors = Partial<Record<DraftField, string>>;

/** The text fields, in the order they appear. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'apiBaseUrl',
  'pollIntervalSeconds',
  'idleRefreshMinutes',
  'nameTemplate',
];

/** A draft from saved settings. */
export function draftFrom(s: UserSettings): SettingsDraft {
  return {
    apiBaseUrl: s.apiBaseUrl,
    pollIntervalSeconds: String(s.pollIntervalSeconds),
    idleRefreshMinutes: String(s.idleRefreshMinutes),
    nameTemplate: s.nameTemplate,
  };
}

function wholeInRange(text: string, bounds: { min: number; max: number }): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** The placeholders the template rule knows, as the messages show them. */
const PLACEHOLDER_EXAMPLES = {
  server: '{server}',
  id: '{id}',
  date: '{yyyyMMdd-HHmm}',
  utcDate: '{utc:yyyyMMdd-HHmm}',
} as const;

/** The message for a template problem, or null when the template is usable. */
export function templateError(template: string): string | null {
  switch (checkNameTemplate(template)) {
    case 'empty':
      return t('settings.templateEmpty');
    case 'too_long':
      return t('settings.templateTooLong');
    case 'no_placeholder':
      return t('settings.templateNoPlaceholder', { server: '{server}' });
    case 'unknown_placeholder':
      return t('settings.templateUnknown', {
        ...PLACEHOLDER_EXAMPLES,
        placeholders: unknownPlaceholders(template).join(t('dialog.listSeparator')),
      });
    default:
      return null;
  }
}

/** The help text under the template field: every placeholder, and which clock dates use. */
export function templateHint(): string {
  return t('settings.nameTemplateHint', PLACEHOLDER_EXAMPLES);
}

/** One field's problem in the current language, or null. */
export function fieldError(field: DraftField, text: string): string | null {
  switch (field) {
    case 'apiBaseUrl': {
      const url = checkApiBaseUrl(text.trim());
      if (url === 'invalid') return t('settings.apiUrlInvalid');
      if (url === 'insecure') return t('settings.apiUrlInsecure');
      if (url === 'credentials') return t('settings.apiUrlCredentials');
      return null;
    }
    case 'pollIntervalSeconds':
      return wholeInRange(text, POLL_BOUNDS.activeSeconds) === null
        ? t('settings.range', POLL_BOUNDS.activeSeconds)
        : null;
    case 'idleRefreshMinutes':
      return wholeInRange(text, POLL_BOUNDS.idleMinutes) === null
        ? t('settings.range', POLL_BOUNDS.idleMinutes)
        : null;
    case 'nameTemplate':
      return templateError(text);
  }
}

/** Every field's problem in the current language. */
export function validateDraft(d: SettingsDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const field of DRAFT_FIELDS) {
    const error = fieldError(field, d[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

/** The change one valid field makes to the saved settings, or null when it changes nothing. */
export function fieldPatch(
  field: DraftField,
  text: string,
  saved: UserSettings,
): Partial<UserSettings> | null {
  const value = field === 'apiBaseUrl' ? text.trim() : field === 'nameTemplate' ? text : Number(text);
  return value === saved[field] ? null : { [field]: value };
}

/**
 * Takes in settings saved elsewhere (the tray, another window, a migration): each field the user
 * has not edited follows the saved value; a field being edited keeps what the user typed.
 */
export function mergeDraft(draft: SettingsDraft, before: SettingsDraft, after: SettingsDraft): SettingsDraft {
  const next = { ...draft };
  for (const field of DRAFT_FIELDS) if (draft[field] === before[field]) next[field] = after[field];
  return next;
}
