/**
 * Reads the settings file ourselves before electron-store does, so a damaged file never stops the
 * app: whatever can be read is kept (tracked operations above all), the rest falls back to
 * defaults, the original is moved aside as a backup, and the problem is described sentence by
 * sentence as catalog codes (each view words it in its language).
 */
import { readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import type { UserSettings } from '../../shared/settings';
import type { CatalogMessage } from '../../shared/state';
import {
  HistoryEntrySchema,
  KNOWN_KEYS,
  MIGRATIONS,
  OperationSchema,
  PinSchema,
  PolicyEntrySchema,
  AutoRecordSchema,
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
  problem: CatalogMessage[] | null;
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

/** Why a file could not be read or moved. */
function fsReason(error: unknown): CatalogMessage {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
  if (code === 'EISDIR') return { code: 'settingsFile.fs.folder' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'settingsFile.fs.access' };
  if (code === 'ELOOP') return { code: 'settingsFile.fs.loop' };
  return { code: 'settingsFile.fs.other', params: { code } };
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

/** The catalog codes that say a stored list was unreadable or lost some entries. */
interface ListIssueCodes {
  unreadable: CatalogMessage['code'];
  dropped: CatalogMessage['code'];
}

/** Keeps the readable entries of a stored list; says in `issues` what was lost. */
function salvageList<T>(
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
  codes: ListIssueCodes,
  issues: CatalogMessage[],
): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({ code: codes.unreadable });
    return [];
  }
  const kept: T[] = [];
  for (const item of raw) {
    const parsed = v.safeParse(schema, item);
    if (parsed.success) kept.push(parsed.output);
  }
  const dropped = raw.length - kept.length;
  if (dropped > 0) issues.push({ code: codes.dropped, params: { count: dropped } });
  return kept;
}

/** Checks each part of a parsed file on its own; lists what had to be dropped or reset. */
export function validateFile(raw: RawFile): { file: StoredFile; issues: CatalogMessage[] } {
  const file = defaultFile();
  const issues: CatalogMessage[] = [];

  const unknown = Object.keys(raw).filter((k) => !KNOWN_KEYS.has(k) && k !== '__internal__');
  // A count only, never names or values: a stray value could be a secret.
  if (unknown.length > 0)
    issues.push({ code: 'settingsFile.issue.unknownEntries', params: { count: unknown.length } });

  const settings = raw['settings'];
  if (settings !== undefined && !isRecord(settings))
    issues.push({ code: 'settingsFile.issue.settingsUnreadable' });
  if (isRecord(settings)) {
    const reset: string[] = [];
    for (const key of Object.keys(file.settings) as (keyof UserSettings)[]) {
      if (!(key in settings)) continue;
      const parsed = v.safeParse(SETTING_SCHEMAS[key], settings[key]);
      if (parsed.success) (file.settings as unknown as RawFile)[key] = parsed.output;
      else reset.push(key);
    }
    if (reset.length > 0)
      issues.push({ code: 'settingsFile.issue.invalidValues', params: { keys: reset.join(', ') } });
    const extra = Object.keys(settings).filter((k) => !(k in file.settings));
    if (extra.length > 0)
      issues.push({ code: 'settingsFile.issue.unknownSettings', params: { count: extra.length } });
  }

  file.operations = salvageList(
    raw['operations'],
    OperationSchema,
    {
      unreadable: 'settingsFile.issue.operationsUnreadable',
      dropped: 'settingsFile.issue.operationsDropped',
    },
    issues,
  );

  file.pins = salvageList(
    raw['pins'],
    PinSchema,
    { unreadable: 'settingsFile.issue.pinsUnreadable', dropped: 'settingsFile.issue.pinsDropped' },
    issues,
  );
  file.policies = salvageList(
    raw['policies'],
    PolicyEntrySchema,
    { unreadable: 'settingsFile.issue.policiesUnreadable', dropped: 'settingsFile.issue.policiesDropped' },
    issues,
  );
  file.autoSnapshots = salvageList(
    raw['autoSnapshots'],
    AutoRecordSchema,
    {
      unreadable: 'settingsFile.issue.autoSnapshotsUnreadable',
      dropped: 'settingsFile.issue.autoSnapshotsDropped',
    },
    issues,
  );

  file.history = salvageList(
    raw['history'],
    HistoryEntrySchema,
    { unreadable: 'settingsFile.issue.historyUnreadable', dropped: 'settingsFile.issue.historyDropped' },
    issues,
  );

  if (raw['session'] !== undefined) {
    const parsed = v.safeParse(SessionSchema, raw['session']);
    if (parsed.success) file.session = parsed.output;
    else issues.push({ code: 'settingsFile.issue.sessionUnreadable' });
  }

  if (raw['windowBounds'] !== undefined && raw['windowBounds'] !== null) {
    const parsed = v.safeParse(WindowBoundsSchema, raw['windowBounds']);
    if (parsed.success) file.windowBounds = parsed.output;
    else issues.push({ code: 'settingsFile.issue.boundsUnreadable' });
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
      problem: [
        { code: 'settingsFile.unreadable', params: { path } },
        fsReason(error),
        { code: 'settingsFile.leftAlone' },
      ],
      backupPath: null,
      migrated: false,
      writable: false,
    };
  }

  const issues: CatalogMessage[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = repairTruncatedJson(text);
    issues.push({
      code: parsed === undefined ? 'settingsFile.issue.notJson' : 'settingsFile.issue.truncated',
    });
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
    issues.push({ code: 'settingsFile.issue.notObject' });
  }

  if (issues.length === 0) {
    return { file, problem: null, backupPath: null, migrated, writable: true };
  }
  const backupPath = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.bak`;
  try {
    renameSync(path, backupPath);
  } catch (error) {
    // Without a backup, writing would destroy the original: keep what was read, in memory only.
    return {
      file,
      problem: [
        { code: 'settingsFile.cannotBackUp', params: { path } },
        ...issues,
        fsReason(error),
        { code: 'settingsFile.leftAlonePartly' },
      ],
      backupPath: null,
      migrated,
      writable: false,
    };
  }
  const problem: CatalogMessage[] = [
    { code: 'settingsFile.hadProblems' },
    ...issues,
    { code: 'settingsFile.backedUp', params: { backup: basename(backupPath) } },
  ];
  return { file, problem, backupPath, migrated, writable: true };
}
