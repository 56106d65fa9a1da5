/**
 * The local history (issue 13 §4) against the real simulator with the manual clock: every create,
 * restore, delete and refusal recorded with when, what, where from and how it ended; operations
 * recorded once even when their end is announced again after a crash; capped with the oldest
 * dropped; kept per account; no token; and exported as JSON and CSV.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActions } from '../../src/main/actions';
import { csvCell, historyCsv } from '../../src/main/core/history-export';
import { HISTORY_KEEP, type HistoryEntry } from '../../src/shared/history';
import { DEFAULT_POLICY } from '../../src/shared/policy';
import type { Operation } from '../../src/shared/domain';
import { translatorFor } from '../../src/shared/i18n/translator';
import type { ExportAnswer } from '../../src/shared/ipc';
import { createHarness, TEST_TOKEN, type Harness } from './core-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function started(options: Parameters<typeof createHarness>[0] = {}): Promise<Harness> {
  const harness = await createHarness(options);
  h = harness;
  await harness.core.start();
  await harness.core.settled();
  return harness;
}

function value<T>(
  result: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const noDeps = { openExternal: () => undefined, showServer: () => undefined };

/** An entry as a test writes it into the settings file. */
function entry(n: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: `old-${n}`,
    at: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 60_000).toISOString(),
    startedAt: null,
    kind: 'delete',
    source: 'window',
    serverId: 12345,
    serverName: 'web-server-01',
    snapshotId: 1000 + n,
    snapshotName: `old-${n}`,
    result: 'succeeded',
    error: null,
    ...overrides,
  };
}

describe('the history records', () => {
  it('creates, restores, deletes and refusals, with where each came from and how it ended', async () => {
    const harness = await started();
    const tray = createActions(harness.core, noDeps, 'tray');
    const window = createActions(harness.core, noDeps);

    const created = value(
      await window.createSnapshot({ serverId: 12345, name: 'before-upgrade', description: '' }),
    );
    await harness.core.settled();
    for (let i = 0; i < 12; i++) await harness.scheduler.advance(60_000);
    value(
      await tray.restoreSnapshot({ serverId: 12346, snapshotId: 781, confirmServerName: 'db-server-01' }),
    );
    await harness.core.settled();
    for (let i = 0; i < 30; i++) await harness.scheduler.advance(60_000);
    value(await window.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    const refused = await tray.createSnapshot({ serverId: 12345, name: 'bad name', description: '' });
    expect(refused.ok).toBe(false);

    const history = value(await harness.core.getHistory());
    // Newest first.
    expect(
      history.map((e) => [e.kind, e.source, e.serverName, e.snapshotName, e.result, e.error?.kind]),
    ).toEqual([
      ['create', 'tray', 'web-server-01', 'bad name', 'refused', 'validation'],
      ['delete', 'window', 'web-server-01', 'weekly-snapshot-2025-01-08', 'succeeded', undefined],
      ['restore', 'tray', 'db-server-01', expect.any(String), 'succeeded', undefined],
      ['create', 'window', 'web-server-01', 'before-upgrade', 'succeeded', undefined],
    ]);
    const create = history[3];
    expect(create?.id).toBe(created.id);
    expect(create?.outcome?.type).toBe('created');
    expect(create?.startedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(Date.parse(create?.at ?? '')).toBeGreaterThan(Date.parse(create?.startedAt ?? ''));
    expect(history[2]?.outcome?.type).toBe('restored');
    // Kept in the settings file, oldest first, each entry once.
    expect(harness.settings.data.history.map((e) => e.id)).toEqual(history.map((e) => e.id).reverse());
    expect(JSON.stringify(harness.settings.data)).not.toContain(TEST_TOKEN);
    // The state tells the window to read it again.
    expect(harness.core.getState().historyRevision).toBeGreaterThanOrEqual(4);
  });

  it('keeps no token a user pasted into a name, in the history or its exports', async () => {
    const harness = await started();
    const refused = await harness.core.createSnapshot({
      serverId: 12345,
      name: `oops ${TEST_TOKEN}`,
      description: '',
    });
    expect(refused.ok).toBe(false);
    const history = value(await harness.core.getHistory());
    expect(history).toHaveLength(1);
    expect(history[0]?.snapshotName).toContain('vps_[redacted]');
    for (const format of ['json', 'csv'] as const) {
      expect(value(await harness.core.exportHistory({ format })).content).not.toContain(TEST_TOKEN);
    }
    expect(JSON.stringify(harness.settings.data)).not.toContain(TEST_TOKEN);
    // Negative control: the search finds the token where it is.
    expect(JSON.stringify({ name: `oops ${TEST_TOKEN}` })).toContain(TEST_TOKEN);
  });

  it('records nothing before sign-in (there is no account whose history it would be)', async () => {
    const harness = await started({
      storedToken: false,
      persisted: { session: { mode: 'signed-out', email: null } },
    });
    const refused = await harness.core.quickSnapshot({ serverId: 12345 });
    expect(refused.ok === false && refused.error.kind).toBe('not_signed_in');
    expect(harness.settings.data.history).toEqual([]);
  });
});

describe('scheduled runs', () => {
  it("a run that made a snapshot and one skipped on a full server are recorded as the schedule's", async () => {
    const harness = await started();
    value(
      await harness.core.setPolicy({
        serverId: 12345,
        policy: { ...DEFAULT_POLICY, schedule: { kind: 'daily', at: '10:00' } },
      }),
    );
    for (let i = 0; i < 90; i++) await harness.scheduler.advance(60_000);
    await harness.core.settled();
    // Fill the server (3 now, two manual ones make 5): the next run is skipped.
    value(await harness.core.createSnapshot({ serverId: 12345, name: 'manual-a', description: '' }));
    value(await harness.core.createSnapshot({ serverId: 12345, name: 'manual-b', description: '' }));
    for (let i = 0; i < 24; i++) await harness.scheduler.advance(3_600_000);
    await harness.core.settled();
    const scheduled = value(await harness.core.getHistory()).filter((e) => e.source === 'schedule');
    expect(scheduled.map((e) => [e.kind, e.serverName, e.snapshotName, e.result, e.error?.code])).toEqual([
      ['create', 'web-server-01', '', 'refused', 'policy.result.no-free-slot'],
      ['create', 'web-server-01', 'auto-web-server-01-20260302-1000', 'succeeded', undefined],
    ]);
    // Negative control: the manual creates are the window's.
    expect(value(await harness.core.getHistory()).filter((e) => e.source === 'window')).toHaveLength(2);
  });
});

describe('an operation ends in the history once', () => {
  const ended: Operation = {
    id: 'op-crash',
    kind: 'create',
    serverId: 12345,
    serverName: 'web-server-01',
    snapshotId: 801,
    snapshotName: 'pre-migration-snapshot',
    startedAt: '2026-03-02T08:50:00.000Z',
    status: 'succeeded',
    finishedAt: '2026-03-02T08:58:00.000Z',
    message: null,
    outcome: { type: 'created', sizeMb: 5120 },
    source: 'tray',
    // Its end was saved; the app stopped before announcing it.
    announced: false,
  };

  it('after a crash between recording it and announcing it, the second announcement adds nothing', async () => {
    const harness = await started({
      persisted: {
        operations: [ended],
        history: [entry(1, { id: 'op-crash', kind: 'create', source: 'tray' })],
      },
    });
    expect(harness.notifier.shown).toHaveLength(1);
    expect(harness.settings.data.history.filter((e) => e.id === 'op-crash')).toHaveLength(1);
  });

  it('negative control: the same restart with nothing recorded yet records it', async () => {
    const harness = await started({ persisted: { operations: [ended] } });
    expect(harness.notifier.shown).toHaveLength(1);
    expect(harness.settings.data.history).toMatchObject([
      { id: 'op-crash', kind: 'create', source: 'tray', result: 'succeeded', at: ended.finishedAt },
    ]);
  });
});

describe('the history is capped and kept per account', () => {
  it(`keeps the newest ${HISTORY_KEEP}: a new entry drops the oldest`, async () => {
    const full = Array.from({ length: HISTORY_KEEP }, (_, n) => entry(n));
    const harness = await started({ persisted: { history: full } });
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    const kept = harness.settings.data.history;
    expect(kept).toHaveLength(HISTORY_KEEP);
    expect(kept[0]?.id).toBe('old-1');
    expect(kept.at(-1)).toMatchObject({ kind: 'delete', snapshotId: 798 });
    expect(value(await harness.core.getHistory())).toHaveLength(HISTORY_KEEP);
  });

  it('negative control: below the cap nothing is dropped', async () => {
    const some = Array.from({ length: 10 }, (_, n) => entry(n));
    const harness = await started({ persisted: { history: some } });
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    expect(harness.settings.data.history).toHaveLength(11);
    expect(harness.settings.data.history[0]?.id).toBe('old-0');
  });

  it("shows only the account in use; another account's entries are kept, not shown", async () => {
    const other = entry(1, { scope: JSON.stringify(['https://api.other.example', 'bob@example.com']) });
    const mine = entry(2);
    const harness = await started({ persisted: { history: [other, mine] } });
    expect(value(await harness.core.getHistory()).map((e) => e.id)).toEqual(['old-2']);
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    expect(harness.settings.data.history.map((e) => e.id)).toContain('old-1');
    // What the core records now carries the scope in use.
    expect(harness.settings.data.history.at(-1)?.scope).toContain(harness.sim.url.replace(/\/+$/, ''));
  });
});

describe('history export', () => {
  it('JSON: the entries as data, newest first, one server when filtered, no scope', async () => {
    const harness = await started();
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    // db-server-01 holds 5 of 5: refused.
    expect((await harness.core.quickSnapshot({ serverId: 12346 })).ok).toBe(false);
    const all = value(await harness.core.exportHistory({ format: 'json' }));
    expect(all.fileName).toMatch(/^vps-snapshot-history-\d{8}-\d{4}\.json$/);
    expect(all.mimeType).toBe('application/json');
    const parsed = JSON.parse(all.content) as { exportedAt: string; entries: HistoryEntry[] };
    expect(parsed.exportedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(parsed.entries.map((e) => [e.serverName, e.kind, e.result])).toEqual([
      ['db-server-01', 'create', 'refused'],
      ['web-server-01', 'delete', 'succeeded'],
    ]);
    expect(all.content).not.toContain('"scope"');
    const one = JSON.parse(
      value(await harness.core.exportHistory({ format: 'json', serverId: 12346 })).content,
    ) as {
      entries: HistoryEntry[];
    };
    expect(one.entries.map((e) => e.serverName)).toEqual(['db-server-01']);
  });

  it('CSV: a header, one row per entry in the user language, through the action to a download', async () => {
    const harness = await started({ settings: { language: 'fi' } });
    value(await harness.core.deleteSnapshot({ serverId: 12345, snapshotId: 798 }));
    const actions = createActions(harness.core, noDeps);
    const answer: ExportAnswer = value(await actions.exportHistory({ format: 'csv' }));
    if (answer.kind !== 'download') throw new Error(`expected a download, got ${answer.kind}`);
    expect(answer.mimeType).toBe('text/csv');
    const lines = answer.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'time,kind,flow,source,server_id,server,snapshot_id,snapshot,result,what,from,outcome,details',
    );
    expect(lines[1]).toBe(
      '2026-03-02T09:00:00.000Z,delete,,window,12345,web-server-01,798,weekly-snapshot-2025-01-08,succeeded,Poisto,Ikkuna,Valmis,Tilannevedos poistettiin.',
    );
    expect(lines).toHaveLength(3); // header, one row, the final line break
  });

  it('hands the file to the host to save when it has a save dialog, and reports a failed write', async () => {
    const harness = await started();
    const saved: string[] = [];
    const saving = createActions(harness.core, {
      ...noDeps,
      saveFile: async (file) => {
        saved.push(file.fileName);
        return { kind: 'saved', path: `/home/ada/${file.fileName}` };
      },
    });
    const answer = value(await saving.exportHistory({ format: 'json' }));
    expect(answer).toEqual({ kind: 'saved', path: `/home/ada/${saved[0]}` });
    const failing = createActions(harness.core, {
      ...noDeps,
      saveFile: async () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
    });
    const failed = await failing.exportHistory({ format: 'csv' });
    expect(failed.ok === false && failed.error.message).toMatch(/could not be written: EACCES/);
  });
});

describe('CSV cells', () => {
  const tr = translatorFor({ locale: 'en', tag: 'en' });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
  ])('defuses a formula: %j becomes %s', (raw, cell) => {
    expect(csvCell(raw)).toBe(cell);
  });

  it.each([
    ['web-server-01', 'web-server-01'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['mid=dle', 'mid=dle'],
  ])('negative control: %j is kept as it is (only quoted when it must be): %s', (raw, cell) => {
    expect(csvCell(raw)).toBe(cell);
  });

  it('defuses names VPS.org sent in a whole export', () => {
    const csv = historyCsv([entry(1, { serverName: '=cmd|"/c calc"!A1', snapshotName: '@evil' })], tr);
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(row).toContain("'@evil");
    // No cell of the row starts with a formula character.
    expect(row.split(',').some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });
});
