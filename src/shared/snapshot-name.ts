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

/** The default quick-snapshot template. */
export const DEFAULT_NAME_TEMPLATE = '{server}-{yyyyMMdd-HHmm}';

const TOKEN = /\{([^{}]*)\}/g;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats a date pattern made of yyyy, MM, dd, HH, mm, ss and literal separators (UTC). */
function formatDate(pattern: string, at: Date): string {
  const parts: Record<string, string> = {
    yyyy: String(at.getUTCFullYear()),
    MM: pad(at.getUTCMonth() + 1),
    dd: pad(at.getUTCDate()),
    HH: pad(at.getUTCHours()),
    mm: pad(at.getUTCMinutes()),
    ss: pad(at.getUTCSeconds()),
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
 * Fills a naming template: `{server}`, `{id}`, and date patterns such as `{yyyyMMdd-HHmm}` (UTC).
 * The result always satisfies the name rule: unknown text is sanitised, the length is capped,
 * and an empty result falls back to `snapshot`.
 */
export function renderNameTemplate(template: string, input: TemplateInput): string {
  const filled = template.replace(TOKEN, (_whole, key: string) => {
    if (key === 'server') return sanitizeNamePart(input.server.name);
    if (key === 'id') return sanitizeNamePart(String(input.server.id));
    if (/^[yMdHms_-]+$/.test(key) && /yyyy|MM|dd|HH|mm|ss/.test(key)) return formatDate(key, input.at);
    return sanitizeNamePart(key);
  });
  const clean = sanitizeNamePart(filled).slice(0, SNAPSHOT_NAME_MAX).replace(/-+$/, '');
  return clean.length > 0 ? clean : 'snapshot';
}

/** Checks a template: it must mention at least one placeholder and produce a valid name. */
export function checkNameTemplate(template: string): 'empty' | 'too_long' | 'no_placeholder' | null {
  if (template.trim().length === 0) return 'empty';
  if (template.length > 200) return 'too_long';
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
