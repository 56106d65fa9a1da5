// Every tray label, the tooltip and every notification kind, walked in English, Finnish and
// Gujarati: the walk must reach every tray, notification and outcome message (so a new one cannot
// hide from it), and no English may be left in the Finnish or Gujarati text. What is not a word of
// ours (server, snapshot and account names, the app's and VPS.org's names, units) is set aside first.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  actionFailedNotification,
  operationFinishedNotification,
  safetyAbandonedNotification,
  saveFailedNotification,
  saveProblem,
  settingsDetailNotification,
  settingsProblemNotification,
  snapshotStartedNotification,
  tokenInvalidNotification,
} from '../../src/main/core/notifications';
import { policyRunNotification } from '../../src/main/core/policy/notify';
import { buildTrayModel } from '../../src/main/core/tray-menu';
import { DEFAULT_POLICY, RUN_RESULT_CODES, type PolicyView, type RunResult } from '../../src/shared/policy';
import type { CoreTrayAction, TrayMenuItem, TrayNotice } from '../../src/main/core/tray-model';
import { SAFETY_ABANDONS, type Operation, type OperationOutcome } from '../../src/shared/domain';
import { appError } from '../../src/shared/i18n/app-error';
import { CATALOGS, type Locale } from '../../src/shared/i18n/catalogs';
import { Translator, translatorFor } from '../../src/shared/i18n/translator';
import { NOW, iso, server, snapshot, trayState } from '../support/tray-fixtures';
import type { AppError, AppState, CatalogMessage, ServerEntry } from '../../src/shared/state';
import { messagesText } from '../../src/shared/i18n/texts';
import { problemsEn } from '../../src/shared/i18n/messages/problems.en';
import { policyEn } from '../../src/shared/i18n/messages/policy.en';
import { safetyEn } from '../../src/shared/i18n/messages/safety.en';

const MIN = 60_000;
const HOUR = 60 * MIN;
const snap = snapshot;

const web = server(1, 'web-server-01', 'active');
const db = server(2, 'db-server-01', 'active');
const staging = server(3, 'staging-01', 'stopped');
const legacy = server(4, 'legacy-01', 'suspended');
const mail = server(5, 'mail-01', 'restoring');
const odd = server(6, 'odd-01', 'rebooting');
const blank = server(7, 'blank-01', '');

const servers: ServerEntry[] = [
  {
    server: web,
    snapshots: [snap(10, web, 'before-update', 3 * HOUR), snap(11, web, 'fresh', 10_000, 'in_progress')],
  },
  { server: db, snapshots: [1, 2, 3, 4, 5].map((n) => snap(20 + n, db, `nightly-${n}`, n * 24 * HOUR)) },
  { server: staging, snapshots: [snap(30, staging, 'broken', 40 * 24 * HOUR, 'failed')] },
  { server: legacy, snapshots: [snap(40, legacy, 'final', 400 * 24 * HOUR)] },
  { server: mail, snapshots: [snap(50, mail, 'mail-good', 90 * 24 * HOUR)] },
  { server: odd, snapshots: [snap(60, odd, 'odd-snap', null, 'exploded')] },
  { server: blank, snapshots: [] },
];

function op(partial: Partial<Operation>): Operation {
  return {
    id: 'op',
    kind: 'create',
    serverId: 1,
    serverName: 'web-server-01',
    snapshotId: 11,
    snapshotName: 'fresh',
    startedAt: iso(2 * MIN),
    status: 'running',
    finishedAt: null,
    message: null,
    ...partial,
  };
}

const OUTCOMES: Array<[Operation['kind'], Operation['status'], OperationOutcome]> = [
  ['create', 'succeeded', { type: 'created', sizeMb: 13.5 * 1024 }],
  ['create', 'succeeded', { type: 'created', sizeMb: null }],
  ['create', 'failed', { type: 'snapshotFailed', status: 'failed' }],
  ['create', 'failed', { type: 'snapshotGone' }],
  ['create', 'failed', { type: 'notApplied', minutes: 5 }],
  ['create', 'failed', { type: 'notListed', minutes: 5 }],
  ['restore', 'succeeded', { type: 'restored', serverStatus: 'active', previousStatus: 'active' }],
  ['restore', 'succeeded', { type: 'restored', serverStatus: 'stopped', previousStatus: 'stopped' }],
  ['restore', 'succeeded', { type: 'restored', serverStatus: 'stopped', previousStatus: 'active' }],
  ['restore', 'failed', { type: 'serverGone' }],
  ['restore', 'failed', { type: 'restoreUnconfirmed', serverStatus: 'suspended', minutes: 20 }],
  ['restore', 'failed', { type: 'restoreUnconfirmed', serverStatus: null, minutes: 20 }],
  ['restore', 'succeeded', { type: 'restored', serverStatus: null, previousStatus: 'active' }],
];

const finished = OUTCOMES.map(([kind, status, outcome], n) =>
  op({
    id: `done-${n}`,
    kind,
    status,
    outcome,
    finishedAt: iso((n + 1) * MIN),
    startedAt: iso((n + 5) * MIN),
    serverName: kind === 'create' ? 'web-server-01' : 'mail-01',
    snapshotName: kind === 'create' ? 'fresh' : 'mail-good',
  }),
);

const running = [
  op({ id: 'r1' }),
  op({ id: 'r2', startedAt: iso(12 * MIN) }),
  op({ id: 'r3', uncertain: true, snapshotId: null }),
  op({
    id: 'r4',
    kind: 'restore',
    serverId: 5,
    serverName: 'mail-01',
    snapshotName: 'mail-good',
    snapshotId: 50,
  }),
  op({
    id: 'r5',
    kind: 'restore',
    serverId: 5,
    serverName: 'mail-01',
    snapshotName: 'mail-good',
    startedAt: iso(HOUR),
  }),
  ...Array.from({ length: 10 }, (_, n) => op({ id: `more-${n}`, serverId: 2, serverName: 'db-server-01' })),
];

const ERRORS: AppError[] = [
  appError('limit_reached', 'core.limit', { server: 'web-server-01', count: 5, limit: 5 }),
  { kind: 'network', message: 'Could not reach VPS.org at admin.vps.org, or the connection was cut.' },
];

const ACTIONS: CoreTrayAction[] = ['quickSnapshot', 'refresh', 'startDemo', 'leaveDemo'];

/** Parameters the settings adapter and the core fill the settings-file messages with. */
const PROBLEM_PARAMS = {
  path: '/home/me/.config/vps-snapshot-tray/config.json',
  backup: 'config.json.corrupt-2026-11-23T17-02-00-000Z.bak',
  code: 'EIO',
  keys: 'pollIntervalSeconds',
  current: 'evil.example',
  others: 'admin.vps.org',
};

/** Every settings-file and address message the core can leave for the views, with one and many counts. */
const PROBLEM_CODES = [
  ...(Object.keys(problemsEn) as (keyof typeof problemsEn)[]),
  ...(Object.keys(policyEn) as (keyof typeof policyEn)[]).filter((k) => k.startsWith('settingsFile.')),
  ...(Object.keys(safetyEn) as (keyof typeof safetyEn)[]).filter((k) => k.startsWith('settingsFile.')),
];
const PROBLEMS: CatalogMessage[] = PROBLEM_CODES.flatMap((code) =>
  [1, 3].map((count) => ({ code, params: { ...PROBLEM_PARAMS, count } })),
);

function notices(): TrayNotice[] {
  return ACTIONS.map((action, n) => ({
    at: NOW - n * MIN,
    action,
    error: ERRORS[n % 2] as AppError,
    server: action === 'quickSnapshot' ? { id: 1, name: 'web-server-01' } : null,
  }));
}

function state(locale: Locale, overrides: Partial<AppState>): AppState {
  return trayState({ servers, language: { locale, tag: locale }, ...overrides });
}

const signedIn = {
  email: 'ops@example.org',
  tokenSet: true,
  tokenStorage: 'session' as const,
  tokenInvalid: false,
};

/** A last run of every outcome and code (the codes' outcomes as the runner gives them). */
const RESULTS: RunResult[] = RUN_RESULT_CODES.map((code, n) => ({
  at: NOW - n * HOUR,
  periodKey: 'daily:2026-11-23',
  outcome: code === 'created' ? 'succeeded' : code === 'no-free-slot' ? 'skipped' : 'failed',
  code,
  snapshotName: 'auto-web-server-01-20261123-0300',
  removed: code === 'created' ? ['auto-web-server-01-20261120-0300'] : [],
}));

function policyView(serverId: number, lastResult: RunResult | null): PolicyView {
  return {
    serverId,
    policy: { ...DEFAULT_POLICY, schedule: { kind: 'daily', at: '03:00' } },
    nextRunAt: iso(-5 * HOUR),
    running: false,
    lastResult,
    nextRemoves: [],
  };
}

/** The states a tray can be in, between them showing every label it has. */
function states(locale: Locale): AppState[] {
  const many = Array.from({ length: 30 }, (_, n) => ({
    server: server(100 + n, `node-${n}`, 'stopped'),
    snapshots: [],
  }));
  return [
    state(locale, { mode: 'signed-out', servers: [], demoUrl: null }),
    state(locale, { starting: true }),
    state(locale, { operations: [...running, ...finished] }),
    state(locale, { operations: finished.filter((o) => o.kind === 'restore') }),
    state(locale, { mode: 'account', account: signedIn, demoUrl: null }),
    state(locale, {
      mode: 'account',
      account: { ...signedIn, email: null, tokenStorage: 'keychain' },
      demoUrl: null,
    }),
    state(locale, { account: { ...signedIn, tokenInvalid: true } }),
    state(locale, {
      sync: { refreshing: false, lastRefreshAt: iso(HOUR), lastError: ERRORS[1] ?? null, offline: true },
    }),
    state(locale, {
      mode: 'account',
      account: signedIn,
      sync: { refreshing: false, lastRefreshAt: iso(HOUR), lastError: null, offline: true },
    }),
    state(locale, {
      sync: { refreshing: false, lastRefreshAt: iso(HOUR), lastError: ERRORS[0] ?? null, offline: false },
    }),
    state(locale, {
      servers: [],
      sync: { refreshing: true, lastRefreshAt: null, lastError: null, offline: false },
    }),
    state(locale, {
      servers: [],
      sync: { refreshing: false, lastRefreshAt: null, lastError: ERRORS[1] ?? null, offline: false },
    }),
    state(locale, {
      servers: [],
      sync: { refreshing: false, lastRefreshAt: iso(MIN), lastError: null, offline: false },
    }),
    state(locale, { servers: many, operations: [op({ serverId: 100, serverName: 'node-0' })] }),
    state(locale, { servers: many.slice(0, 26) }),
    state(locale, { policies: [policyView(1, RESULTS[0] ?? null), policyView(2, null)] }),
    state(locale, { policies: [policyView(1, RESULTS[1] ?? null)] }),
    state(locale, { policies: [policyView(1, RESULTS[2] ?? null)] }),
    state(locale, {
      mode: 'account',
      account: signedIn,
      servers: [servers[0] as ServerEntry],
      demoUrl: null,
    }),
  ];
}

type Item = Extract<TrayMenuItem, { kind: 'item' }>;
function flatten(list: readonly TrayMenuItem[]): Item[] {
  return list.flatMap((i) => (i.kind === 'item' ? [i, ...flatten(i.submenu ?? [])] : []));
}

/** Every text the tray and the notifications show in one language. */
function everyText(locale: Locale): string[] {
  const tr = translatorFor({ locale, tag: locale });
  const texts: string[] = [];
  for (const s of states(locale)) {
    for (const notes of [[], notices()]) {
      const model = buildTrayModel(s, NOW, notes);
      texts.push(model.tooltip, ...flatten(model.items).map((i) => i.label));
    }
  }
  const notes = [
    ...finished.flatMap((o) => [
      operationFinishedNotification(o, tr),
      operationFinishedNotification(o, tr, true),
    ]),
    tokenInvalidNotification(tr),
    tokenInvalidNotification(tr, true),
    settingsProblemNotification(tr),
    saveFailedNotification('EACCES', tr),
    ...SAFETY_ABANDONS.map((reason) =>
      safetyAbandonedNotification(
        {
          ...(finished[0] as Operation),
          safetyRestore: { snapshotId: 1, snapshotName: 'fresh', step: 'abandoned' },
        },
        reason,
        tr,
      ),
    ),
    ...PROBLEMS.map((problem) => settingsDetailNotification(problem, tr)),
    snapshotStartedNotification(running[0] as Operation, tr),
    snapshotStartedNotification(running[2] as Operation, tr, true),
    ...RESULTS.flatMap((result) =>
      [false, true].map((demo) =>
        policyRunNotification(
          tr,
          { scope: 's', serverId: 1, serverName: 'web-server-01', result, notify: 'each-run' },
          demo,
        ),
      ),
    ),
    ...ACTIONS.flatMap((action) =>
      ERRORS.map((error) => actionFailedNotification(action, error, tr, { id: 1, name: 'web-server-01' })),
    ),
  ];
  for (const n of notes) texts.push(n.title, n.body);
  // What the window's settings banners show: the same codes, worded by the same translator.
  texts.push(messagesText(PROBLEMS, tr), messagesText([saveProblem('EACCES')], tr));
  return texts;
}

/** Names and other words that are not ours to translate. */
const NOT_OURS = [
  ...servers.flatMap((e) => [e.server.name, ...e.snapshots.map((s) => s.name)]),
  'node-\\d+',
  'fresh',
  'ops@example.org',
  'VPS Snapshot Tray',
  // With Finnish case endings: VPS.orgiin, VPS.orgissa.
  'VPS\\.org\\w*',
  // Names the template makes: web-server-01-20261123-1702.
  '[\\w-]+-\\d{8}-\\d{4}(?:-\\d+)?',
  'https?://\\S+',
  'Account → Developers',
  'API',
  'exploded',
  'rebooting',
  'EACCES',
  // Intl's day periods (Gujarati dates keep them in Latin letters).
  'AM',
  'PM',
  'EIO',
  'JSON\\w*',
  'pollIntervalSeconds',
  '[\\w.-]+\\.example',
  'admin\\.vps\\.org',
  'config\\.json[\\w.-]*',
  '/[\\w./-]+',
  // Intl's short units.
  'GB',
  'MB',
  'min',
];
const NOT_OURS_RE = new RegExp(NOT_OURS.map((w) => `(?<![\\w-])${w}(?![\\w])`).join('|'), 'g');

/** English words of the tray, notification and core catalogs (three letters or more). */
function englishWords(): Set<string> {
  const words = new Set<string>();
  for (const [key, text] of Object.entries(CATALOGS.en)) {
    if (!/^(tray|notify|outcome|core|rule|statusWord|time|error|settingsFile|ops|policy)\./.test(key))
      continue;
    for (const w of text
      .replace(/\{[^{}]*\}/g, ' ')
      .toLowerCase()
      .match(/[a-z]{3,}/g) ?? [])
      words.add(w);
  }
  return words;
}

/** Words of English left in a text once the names are set aside. */
function englishLeft(text: string, locale: Locale, english: Set<string>): string[] {
  const rest = text.replace(NOT_OURS_RE, ' ');
  const latin = rest.match(/[A-Za-z]{2,}/g) ?? [];
  // Gujarati is written in its own script: any Latin word left is English.
  if (locale === 'gu') return latin;
  // Finnish shares the alphabet: flag words of our English text ("demo" is Finnish too).
  return latin.filter((w) => english.has(w.toLowerCase()) && w.toLowerCase() !== 'demo');
}

describe('tray and notifications in every language', () => {
  const used = new Set<string>();
  beforeAll(() => {
    const t = Translator.prototype.t;
    vi.spyOn(Translator.prototype, 't').mockImplementation(function (this: Translator, key, params) {
      used.add(key);
      return t.call(this, key, params);
    });
  });
  afterAll(() => vi.restoreAllMocks());

  it('the walk reaches every tray, notification and outcome message', () => {
    for (const locale of ['en', 'fi', 'gu'] as const) everyText(locale);
    const keys = Object.keys(CATALOGS.en).filter((k) =>
      /^(tray|notify|outcome|statusWord|settingsFile|policy\.result)\./.test(k),
    );
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });

  it('finds English where it is left (negative control)', () => {
    const english = englishWords();
    expect(englishLeft('web-server-01: snapshot completed', 'fi', english)).toEqual([
      'snapshot',
      'completed',
    ]);
    expect(
      englishLeft('Luotu fresh palvelimelle web-server-01 — last snapshot 3 tuntia sitten', 'fi', english),
    ).toEqual(['last', 'snapshot']);
    expect(englishLeft('web-server-01: સ્નેપશોટ completed', 'gu', english)).toEqual(['completed']);
    // English text itself is full of it.
    const leftInEnglish = everyText('en').flatMap((t) => englishLeft(t, 'fi', english));
    expect(leftInEnglish.length).toBeGreaterThan(100);
  });

  it.each(['fi', 'gu'] as const)('no English is left in %s', (locale) => {
    const english = englishWords();
    const leaks = everyText(locale)
      .map((text) => ({ text, english: englishLeft(text, locale, english) }))
      .filter((l) => l.english.length > 0);
    expect(leaks).toEqual([]);
  });
});
