// Hostile settings files, generated: the file cut at any byte, random bytes, random JSON, values
// replaced by wrong types, prototype-pollution keys, a directory where the file should be. The
// store must always open, use defaults for what it cannot read, keep every tracked operation that
// was complete before the damage (and never invent or alter one), back the original up, report it,
// and leave a file that opens cleanly next time. (The four named cases are in
// test/unit/settings-store.test.ts; this file generates the rest.)
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/shared/settings';
import type { Operation } from '../../src/shared/domain';
import { SETTING_SCHEMAS } from '../../src/main/settings/schema';
import { english, messagesText } from '../../src/shared/i18n';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { ElectronSettingsStore } = await import('../../src/main/settings/electron-settings');
const { default: Store } = await import('electron-store');

const root = mkdtempSync(join(tmpdir(), 'vps-settings-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder per generated case (the store keeps state on disk). */
function freshDir(): string {
  n += 1;
  const dir = join(root, String(n));
  mkdirSync(dir);
  return dir;
}

const op = (i: number, extra: Partial<Operation> = {}): Operation => ({
  id: `op-${i}`,
  kind: i % 2 === 0 ? 'create' : 'restore',
  serverId: i % 3 === 0 ? `uuid-${i}` : 100 + i,
  serverName: `web, "${i}" {server}`,
  snapshotId: i,
  snapshotName: `snap-${i}`,
  startedAt: '2026-11-22T09:50:00.000Z',
  status: 'running',
  finishedAt: null,
  message: i === 2 ? 'has, commas ] and } brackets' : null,
  ...extra,
});
const OPERATIONS = [op(1), op(2), op(3, { status: 'succeeded', finishedAt: '2026-11-22T10:00:00.000Z' })];
const VALID_FILE = {
  version: 1,
  settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 20, language: 'fi' },
  operations: OPERATIONS,
  session: { mode: 'account', email: 'a@example.com' },
  windowBounds: { x: 1, y: 2, width: 900, height: 700 },
};
const VALID_TEXT = JSON.stringify(VALID_FILE, null, '\t');

/** Opens a store over `text` (or over whatever `prepare` left) and checks the invariants. */
function openOver(dir: string) {
  const store = new ElectronSettingsStore({
    Store,
    cwd: dir,
    now: () => new Date('2026-11-22T10:00:00.000Z'),
  });
  const { data, problem } = store.read();
  // Every setting is valid by its own schema, whatever the file held.
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof UserSettings)[]) {
    expect(v.safeParse(SETTING_SCHEMAS[key], data.settings[key]).success, key).toBe(true);
  }
  // Operations are only ever kept as they were, never invented or altered.
  for (const kept of data.operations) {
    expect(OPERATIONS).toContainEqual(kept);
  }
  // Worded in English as the window would show it (the store reports catalog codes).
  return { store, data, problem: problem === null ? null : messagesText(problem, english()) };
}

function backups(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('.corrupt-'));
}

/** The file left behind opens with no problem and the same data. */
function reopensClean(dir: string, data: unknown): void {
  const again = new ElectronSettingsStore({ Store, cwd: dir });
  expect(again.read()).toEqual({ data, problem: null });
}

function prototypeClean(): boolean {
  return ({} as Record<string, unknown>)['polluted'] === undefined;
}

const counts: Record<string, number> = {};

describe('settings file hostility (generated)', () => {
  it('a file cut at any point: complete operations before the cut kept, backup made, reported', () => {
    // Where each operation's text ends, so we know which ones were complete before a cut.
    const opEnds = OPERATIONS.map((o) => {
      const start = VALID_TEXT.indexOf(`"id": "${o.id}"`);
      // Tab-indented: an operation object closes with a newline, two tabs and a brace.
      return VALID_TEXT.indexOf('\n\t\t}', start) + 4;
    });
    counts['truncated'] = 0;
    fc.assert(
      fc.property(fc.nat({ max: VALID_TEXT.length - 1 }), (cut) => {
        counts['truncated'] = (counts['truncated'] ?? 0) + 1;
        const dir = freshDir();
        const text = VALID_TEXT.slice(0, cut);
        writeFileSync(join(dir, 'config.json'), text);
        const { data, problem } = openOver(dir);
        if (cut === 0) {
          expect(problem).toMatch(/not valid JSON/);
        } else {
          expect(problem).not.toBeNull();
        }
        const complete = opEnds.filter((end) => end <= cut).length;
        expect(data.operations.length).toBeGreaterThanOrEqual(complete);
        const [backup] = backups(dir);
        expect(backup).toBeDefined();
        expect(readFileSync(join(dir, backup as string), 'utf8')).toBe(text);
        expect(problem).toContain(backup);
        reopensClean(dir, data);
      }),
      { numRuns: 100 },
    );
  });

  it('random bytes or random JSON: opens with valid settings, never throws', () => {
    counts['random'] = 0;
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
      fc.jsonValue({ maxDepth: 4 }).map((j) => Buffer.from(JSON.stringify(j))),
      fc.constantFrom('\uFEFF{}', '{"version": 99}', '{"version": -1}', '{"version": 1e400}', 'null', '""'),
    );
    fc.assert(
      fc.property(body, (bytes) => {
        counts['random'] = (counts['random'] ?? 0) + 1;
        const dir = freshDir();
        writeFileSync(join(dir, 'config.json'), bytes);
        const { data, problem } = openOver(dir);
        if (problem !== null) expect(backups(dir)).toHaveLength(1);
        reopensClean(dir, data);
      }),
      { numRuns: 100 },
    );
  });

  it('values replaced by wrong types: each bad value costs only itself, and is reported', () => {
    counts['wrong-types'] = 0;
    const keys = Object.keys(DEFAULT_SETTINGS) as (keyof UserSettings)[];
    const badValue = fc.oneof(
      fc.constant(null),
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(-1, 1e9, 0.5, '', 'x'.repeat(5000), [], {}, true),
    );
    fc.assert(
      fc.property(fc.constantFrom(...keys), badValue, fc.nat({ max: 2 }), (key, bad, opIndex) => {
        counts['wrong-types'] = (counts['wrong-types'] ?? 0) + 1;
        const dir = freshDir();
        const file = structuredClone(VALID_FILE) as Record<string, unknown>;
        (file['settings'] as Record<string, unknown>)[key] = bad;
        // Break one operation too: the other two must survive.
        (file['operations'] as Record<string, unknown>[])[opIndex] = { id: 7, kind: bad };
        writeFileSync(join(dir, 'config.json'), JSON.stringify(file));
        const { data, problem } = openOver(dir);
        const valid = v.safeParse(SETTING_SCHEMAS[key], bad).success;
        expect(data.settings[key]).toEqual(valid ? bad : DEFAULT_SETTINGS[key]);
        expect(data.operations).toEqual(OPERATIONS.filter((_o, i) => i !== opIndex));
        if (key !== 'pollIntervalSeconds') expect(data.settings.pollIntervalSeconds).toBe(20);
        expect(problem).toMatch(/1 unreadable tracked operation was dropped/);
        if (!valid) expect(problem).toContain(key);
        reopensClean(dir, data);
      }),
      { numRuns: 100 },
    );
  });

  it('prototype-pollution keys anywhere are dropped as unknown and pollute nothing', () => {
    counts['pollution'] = 0;
    const where = fc.constantFrom('top', 'settings', 'operation', 'session', 'v0');
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
    fc.assert(
      fc.property(where, key, (place, k) => {
        counts['pollution'] = (counts['pollution'] ?? 0) + 1;
        const dir = freshDir();
        const evil = `"${k}": {"polluted": "yes", "prototype": {"polluted": "yes"}, "operations": []}`;
        let text: string;
        if (place === 'v0') {
          // A version 0 file (settings at the top level) goes through the migration's copy loop.
          text = `{${evil}, "pollIntervalSeconds": 30, "operations": ${JSON.stringify(OPERATIONS)}}`;
        } else {
          const base = JSON.stringify(VALID_FILE);
          const anchor = {
            top: '{"version"',
            settings: '"settings":{',
            operation: '"operations":[{',
            session: '"session":{',
          }[place];
          const at = base.indexOf(anchor) + anchor.length;
          const insert = place === 'top' ? `${evil}, ` : `${evil}, `;
          text =
            place === 'top' ? `{${insert}${base.slice(1)}` : `${base.slice(0, at)}${insert}${base.slice(at)}`;
        }
        writeFileSync(join(dir, 'config.json'), text);
        const { data } = openOver(dir);
        expect(prototypeClean()).toBe(true);
        expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
        expect(Object.getPrototypeOf(data.settings)).toBe(Object.prototype);
        // The operations survive wherever they were readable.
        if (place !== 'operation') expect(data.operations).toEqual(OPERATIONS);
        // Nothing of the hostile object reaches what the app uses.
        expect(JSON.stringify(data)).not.toContain('polluted');
        reopensClean(dir, data);
      }),
      { numRuns: 60 },
    );
  });

  // Was a known bug (electron-store then read the same path and threw EISDIR, so the app exited at
  // start-up); now the store runs from memory for that run and leaves the folder alone.
  it('a folder where the file should be: reported, defaults used, the app still starts', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'config.json'));
    let opened: ReturnType<typeof openOver> | null = null;
    let thrown: unknown = null;
    try {
      opened = openOver(dir);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeNull();
    expect(opened?.problem).toMatch(/could not be read/);
    expect(opened?.data.settings).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });

  it('ids that could leave a URL path segment or forge a log line cost only their operation', () => {
    const dir = freshDir();
    const bad = ['..', '../servers', 'a/b', 'x\ny', 'x'.repeat(65)];
    const hostile = bad.flatMap((id, i) => [
      op(10 + i, { serverId: id }),
      op(20 + i, { snapshotId: id }),
      op(30 + i, { id: `op-${i}\nFAKE LOG LINE` }),
    ]);
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ ...VALID_FILE, operations: [...OPERATIONS, ...hostile] }),
    );
    const opened = openOver(dir);
    expect(opened.data.operations).toEqual(OPERATIONS);
    expect(opened.problem).toMatch(
      new RegExp(`${hostile.length} unreadable tracked operations were dropped`),
    );
  });

  it('names and the e-mail are cleaned of controls, bidi overrides and zero-width characters', () => {
    const dir = freshDir();
    const sneaky = {
      ...op(1),
      serverName: 'web-\u202eprod\u202c',
      snapshotName: 'pre\u200b-upgrade',
      message: 'line one\nline two\u2066',
    };
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        ...VALID_FILE,
        operations: [sneaky],
        session: { mode: 'account', email: 'a\u200d@example.com' },
      }),
    );
    const store = new ElectronSettingsStore({ cwd: dir });
    const { data } = store.read();
    expect(data.operations[0]).toMatchObject({
      serverName: 'web-prod',
      snapshotName: 'pre-upgrade',
      message: 'line one line two',
    });
    expect(data.session.email).toBe('a@example.com');
  });

  afterAll(() => {
    const out = join(process.cwd(), 'test-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'hostile-settings-counts.json'), `${JSON.stringify(counts, null, 2)}\n`);
  });
});
