/**
 * The snapshot-name rule (documented: letters, digits, hyphens, underscores; assumed: 1-64
 * characters) and the naming template used for quick snapshots. The simulator enforces the same
 * rule, so the client can refuse a bad name before any request.
 */

/** Longest name we accept (an assumption: the documentation gives no limit). */
export const SNAPSHOT_NAME_MAX = 64;
/** Longest description we accept (an assumption, to keep requests and views bounded). */
export const SNAPSHOT_DESCRIPTION_MAX = 500;

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Why a name is not allowed, as a stable code the UI translates. */
export type NameProblem = 'empty' | 'too_long' | 'bad_characters';

/** Checks a snapshot name; null when it is valid. */
export function checkSnapshotName(name: string): NameProblem | null {
  if (name.length === 0) return 'empty';
  if (name.length > SNAPSHOT_NAME_MAX) return 'too_long';
  if (!NAME_PATTERN.test(name)) return 'bad_characters';
  return null;
}

/** The characters that break the rule, each once, in order of appearance (for messages). */
export function badNameCharacters(name: string): string[] {
  const seen = new Set<string>();
  for (const ch of name) if (!/[A-Za-z0-9_-]/.test(ch)) seen.add(ch);
  return [...seen];
}

/** Checks a description: control characters other than newline and tab are refused. */
export function checkDescription(text: string): 'too_long' | 'control_characters' | null {
  if (text.length > SNAPSHOT_DESCRIPTION_MAX) return 'too_long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B-\u001F\u007F]/.test(text)) return 'control_characters';
  return null;
}

/** The default quick-snapshot template (its date part is in local time). */
export const DEFAULT_NAME_TEMPLATE = '{server}-{yyyyMMdd-HHmm}';

/** The longest template accepted. */
export const NAME_TEMPLATE_MAX = 200;

/** Written before a date pattern (`{utc:yyyyMMdd-HHmm}`) to take the date and time in UTC. */
export const UTC_PREFIX = 'utc:';

const TOKEN = /\{([^{}]*)\}/g;
/** A date pattern: only these parts and the separators - and _, with at least one part. */
const DATE_PATTERN = /^(?:yyyy|MM|dd|HH|mm|ss|[-_])*(?:yyyy|MM|dd|HH|mm|ss)(?:yyyy|MM|dd|HH|mm|ss|[-_])*$/;

/** What a placeholder stands for; null for text in braces the template rule does not know. */
export type Placeholder =
  { kind: 'server' } | { kind: 'id' } | { kind: 'date'; pattern: string; clock: 'local' | 'utc' };

/**
 * The template rule, in one place: `{server}`, `{id}`, a date pattern such as `{yyyyMMdd-HHmm}` in
 * the computer's local time (as the clock on screen shows it), or `{utc:yyyyMMdd-HHmm}` in UTC.
 */
export function parsePlaceholder(key: string): Placeholder | null {
  if (key === 'server') return { kind: 'server' };
  if (key === 'id') return { kind: 'id' };
  const utc = key.startsWith(UTC_PREFIX);
  const pattern = utc ? key.slice(UTC_PREFIX.length) : key;
  return DATE_PATTERN.test(pattern) ? { kind: 'date', pattern, clock: utc ? 'utc' : 'local' } : null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a date pattern made of yyyy, MM, dd, HH, mm, ss and separators, on the given clock. */
function formatDate(pattern: string, at: Date, clock: 'local' | 'utc'): string {
  const utc = clock === 'utc';
  const parts: Record<string, string> = {
    yyyy: String(utc ? at.getUTCFullYear() : at.getFullYear()),
    MM: pad((utc ? at.getUTCMonth() : at.getMonth()) + 1),
    dd: pad(utc ? at.getUTCDate() : at.getDate()),
    HH: pad(utc ? at.getUTCHours() : at.getHours()),
    mm: pad(utc ? at.getUTCMinutes() : at.getMinutes()),
    ss: pad(utc ? at.getUTCSeconds() : at.getSeconds()),
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (m) => parts[m] ?? m);
}

/** Replaces every character the name rule refuses with a hyphen, collapsing runs. */
export function sanitizeNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** What a template needs to be filled in. */
export interface TemplateInput {
  server: { name: string; id: string | number };
  at: Date;
}

/**
 * Fills a naming template (see parsePlaceholder). The result always satisfies the name rule:
 * text is sanitised, the length is capped, and an empty result falls back to `snapshot`. Text in
 * braces that is no placeholder (a template saved before the rule refused it) is kept as text.
 */
export function renderNameTemplate(template: string, input: TemplateInput): string {
  const filled = template.replace(TOKEN, (_whole, key: string) => {
    const placeholder = parsePlaceholder(key);
    if (placeholder === null) return sanitizeNamePart(key);
    if (placeholder.kind === 'server') return sanitizeNamePart(input.server.name);
    if (placeholder.kind === 'id') return sanitizeNamePart(String(input.server.id));
    return formatDate(placeholder.pattern, input.at, placeholder.clock);
  });
  const clean = sanitizeNamePart(filled).slice(0, SNAPSHOT_NAME_MAX).replace(/-+$/, '');
  return clean.length > 0 ? clean : 'snapshot';
}

/** The text in braces that is not a placeholder, each once, as written (`{foo}`). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(TOKEN)) {
    if (parsePlaceholder(match[1] ?? '') === null) unknown.add(match[0]);
  }
  return [...unknown];
}

/** Which clock the template's date parts use: null without one, `mixed` when it has both. */
export function templateClock(template: string): 'local' | 'utc' | 'mixed' | null {
  const clocks = new Set<'local' | 'utc'>();
  for (const match of template.matchAll(TOKEN)) {
    const placeholder = parsePlaceholder(match[1] ?? '');
    if (placeholder?.kind === 'date') clocks.add(placeholder.clock);
  }
  if (clocks.size === 0) return null;
  if (clocks.size > 1) return 'mixed';
  return clocks.has('utc') ? 'utc' : 'local';
}

/** Why a template cannot be used. */
export type TemplateProblem = 'empty' | 'too_long' | 'no_placeholder' | 'unknown_placeholder';

/**
 * Checks a template: it must mention at least one placeholder (or every name would be the same),
 * and all text in braces must be a placeholder (a typo such as `{sever}` is refused, not kept).
 */
export function checkNameTemplate(template: string): TemplateProblem | null {
  if (template.trim().length === 0) return 'empty';
  if (template.length > NAME_TEMPLATE_MAX) return 'too_long';
  if (unknownPlaceholders(template).length > 0) return 'unknown_placeholder';
  if (!/\{[^{}]+\}/.test(template)) return 'no_placeholder';
  return null;
}

/**
 * Makes `base` unique among `taken` names by adding -2, -3, ... (within the length rule): a
 * template with minutes repeats when two snapshots are taken in the same minute.
 */
export function uniqueSnapshotName(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; n < 1000; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SNAPSHOT_NAME_MAX - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
  return base;
}
