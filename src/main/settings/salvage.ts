/**
 * Reads the settings file ourselves before electron-store does, so a damaged file never stops the
 * app: whatever can be read is kept (tracked operations above all), the rest falls back to
 * defaults, the original is moved aside as a backup, and the problem is described in plain words.
 */
import { readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import type { Operation } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import type { UserSettings } from '../../shared/settings';
import {
  HistoryEntrySchema,
  KNOWN_KEYS,
  MIGRATIONS,
  OperationSchema,
  SETTING_SCHEMAS,
  SETTINGS_VERSION,
  SessionSchema,
  WindowBoundsSchema,
  defaultFile,
  type RawFile,
  type StoredFile,
} from './schema';

/** The outcome of loading: the data to use, and what was wrong (null when nothing was). */
export interface LoadedFile {
  file: StoredFile;
  problem: string | null;
  /** Where the damaged original was moved, when it was. */
  backupPath: string | null;
  /** True when an older format was upgraded (the store then rewrites the file). */
  migrated: boolean;
  /**
   * False when the file must not be written this run: it could not be read (a folder in its place,
   * no permission) or could not be moved aside. Changes are then kept in memory only, so the
   * user's original is never overwritten.
   */
  writable: boolean;
}

/** Plain words for why a file could not be read or moved. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
  if (code === 'EISDIR') return 'there is a folder where the file should be';
  if (code === 'EACCES' || code === 'EPERM')
    return 'the app is not allowed to access it (check its permissions)';
  if (code === 'ELOOP') return 'it is a link that points back to itself';
  return `the system reported ${code}`;
}

/** The message when the file is left untouched and changes are kept only until the app quits. */
function memoryOnlyProblem(path: string, what: string, uses: string): string {
  return (
    `The settings file ${path} ${what}. It was left exactly as it is. ` +
    `The app uses ${uses} for now, and changes you make are kept only until you quit. ` +
    'Fix or move that file, then restart the app.'
  );
}

function isRecord(value: unknown): value is RawFile {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Recovers the readable start of a truncated JSON text: cuts at the last complete member or
 * element and closes the brackets still open. Returns undefined when nothing parses.
 */
export function repairTruncatedJson(text: string): unknown {
  const cuts: { end: number; closers: string }[] = [];
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  const closersOf = (s: string[]) =>
    s
      .slice()
      .reverse()
      .map((c) => (c === '{' ? '}' : ']'))
      .join('');
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') {
      stack.pop();
      cuts.push({ end: i + 1, closers: closersOf(stack) });
    } else if (ch === ',') cuts.push({ end: i, closers: closersOf(stack) });
  }
  // Latest cut first: it keeps the most. Bounded so a huge damaged file cannot stall start-up.
  for (let k = cuts.length - 1, tries = 0; k >= 0 && tries < 2000; k -= 1, tries += 1) {
    const cut = cuts[k];
    if (!cut) continue;
    try {
      return JSON.parse(text.slice(0, cut.end) + cut.closers);
    } catch {
      // Not a clean boundary (e.g. a comma inside a half-written number): try an earlier one.
    }
  }
  return undefined;
}

/** Brings an older file up to the current version. */
export function migrate(raw: RawFile): { raw: RawFile; from: number } {
  const from = typeof raw['version'] === 'number' && Number.isInteger(raw['version']) ? raw['version'] : 0;
  let current = raw;
  for (let version = from; version < SETTINGS_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
  }
  return { raw: current, from };
}

/** Checks each part of a parsed file on its own; lists what had to be dropped or reset. */
export function validateFile(raw: RawFile): { file: StoredFile; issues: string[] } {
  const file = defaultFile();
  const issues: string[] = [];

  const unknown = Object.keys(raw).filter((k) => !KNOWN_KEYS.has(k) && k !== '__internal__');
  // Names only, never values: a stray value could be a secret.
  if (unknown.length > 0)
    issues.push(`${unknown.length} unknown entr${unknown.length === 1 ? 'y was' : 'ies were'} removed`);

  const settings = raw['settings'];
  if (settings !== undefined && !isRecord(settings))
    issues.push('the settings were unreadable and were reset');
  if (isRecord(settings)) {
    const reset: string[] = [];
    for (const key of Object.keys(file.settings) as (keyof UserSettings)[]) {
      if (!(key in settings)) continue;
      const parsed = v.safeParse(SETTING_SCHEMAS[key], settings[key]);
      if (parsed.success) (file.settings as unknown as RawFile)[key] = parsed.output;
      else reset.push(key);
    }
    if (reset.length > 0) issues.push(`invalid values were reset to defaults (${reset.join(', ')})`);
    const extra = Object.keys(settings).filter((k) => !(k in file.settings));
    if (extra.length > 0)
      issues.push(`${extra.length} unknown setting${extra.length === 1 ? ' was' : 's were'} removed`);
  }

  const operations = raw['operations'];
  if (operations !== undefined && !Array.isArray(operations))
    issues.push('the list of tracked operations was unreadable');
  if (Array.isArray(operations)) {
    const kept: Operation[] = [];
    for (const item of operations) {
      const parsed = v.safeParse(OperationSchema, item);
      if (parsed.success) kept.push(parsed.output);
    }
    const dropped = operations.length - kept.length;
    if (dropped > 0)
      issues.push(`${dropped} unreadable tracked operation${dropped === 1 ? ' was' : 's were'} dropped`);
    file.operations = kept;
  }

  const history = raw['history'];
  if (history !== undefined && !Array.isArray(history)) issues.push('the history was unreadable');
  if (Array.isArray(history)) {
    const kept: HistoryEntry[] = [];
    for (const item of history) {
      const parsed = v.safeParse(HistoryEntrySchema, item);
      if (parsed.success) kept.push(parsed.output);
    }
    const dropped = history.length - kept.length;
    if (dropped > 0)
      issues.push(`${dropped} unreadable history entr${dropped === 1 ? 'y was' : 'ies were'} dropped`);
    file.history = kept;
  }

  if (raw['session'] !== undefined) {
    const parsed = v.safeParse(SessionSchema, raw['session']);
    if (parsed.success) file.session = parsed.output;
    else issues.push('the saved sign-in state was unreadable');
  }

  if (raw['windowBounds'] !== undefined && raw['windowBounds'] !== null) {
    const parsed = v.safeParse(WindowBoundsSchema, raw['windowBounds']);
    if (parsed.success) file.windowBounds = parsed.output;
    else issues.push('the saved window position was unreadable');
  }
  return { file, issues };
}

/** Reads, repairs and migrates the file at `path`; moves a damaged original aside. */
export function loadSettingsFile(path: string, now: () => Date = () => new Date()): LoadedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    // No file yet is a first run. Anything else (a folder, no permission, a link loop) is left
    // alone: electron-store would throw on it too, and it may hold the user's data.
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT')
      return { file: defaultFile(), problem: null, backupPath: null, migrated: false, writable: true };
    return {
      file: defaultFile(),
      problem: memoryOnlyProblem(path, `could not be read: ${describeFsError(error)}`, 'default settings'),
      backupPath: null,
      migrated: false,
      writable: false,
    };
  }

  const issues: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = repairTruncatedJson(text);
    issues.push(
      parsed === undefined
        ? 'it was not valid JSON and nothing in it could be read'
        : 'it was cut short or damaged; the readable part was kept',
    );
  }

  let file = defaultFile();
  let migrated = false;
  if (isRecord(parsed)) {
    const { raw, from } = migrate(parsed);
    migrated = from < SETTINGS_VERSION;
    const checked = validateFile(raw);
    file = checked.file;
    issues.push(...checked.issues);
  } else if (parsed !== undefined) {
    issues.push('it did not hold a settings object');
  }

  if (issues.length === 0) {
    return { file, problem: null, backupPath: null, migrated, writable: true };
  }
  const backupPath = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.bak`;
  try {
    renameSync(path, backupPath);
  } catch (error) {
    // Without a backup, writing would destroy the original: keep what was read, in memory only.
    const what = `had problems (${issues.join('; ')}) and could not be backed up: ${describeFsError(error)}`;
    return {
      file,
      problem: memoryOnlyProblem(path, what, 'what could be read, and defaults for the rest,'),
      backupPath: null,
      migrated,
      writable: false,
    };
  }
  const problem =
    `Your settings file had problems: ${issues.join('; ')}. ` +
    `The original was saved as ${basename(backupPath)}, and defaults are used for anything that could not be read.`;
  return { file, problem, backupPath, migrated, writable: true };
}
