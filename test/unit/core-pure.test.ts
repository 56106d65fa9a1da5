/**
 * The core's pure parts: refusals and their reasons, unique names, notification texts, how
 * observations finish operations, the finished-operation cap, settings checks, and the in-memory
 * ports other helpers build on.
 */
import { describe, expect, it } from 'vitest';
import type { Operation, Server, Snapshot } from '../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { createError, deleteError, nameError, restoreError } from '../../src/main/core/guards';
import { uniqueSnapshotName } from '../../src/shared/snapshot-name';
import { operationFinishedNotification, tokenInvalidNotification } from '../../src/main/core/notifications';
import { english, translatorFor } from '../../src/shared/i18n/translator';
import { outcomeText } from '../../src/shared/i18n/texts';
import {
  RESTORE_CONFIRM_MS,
  UNCLEAR_CREATE_GRACE_MS,
  applyObservation,
  newOperationId,
  orderForView,
  restoringServerIds,
  trimOperations,
  type Observation,
} from '../../src/main/core/operations';
import { CREATE_CLOCK_SKEW_MS } from '../../src/main/api/unclear-writes';
import { applySettingsPatch } from '../../src/main/core/settings-patch';
import { OperationTracker } from '../../src/main/core/tracker';
import { buildEntries } from '../../src/main/core/refresh';
import {
  ManualScheduler,
  MemorySecretStore,
  MemorySettingsPort,
  createMemoryLogger,
} from '../support/memory-ports';
import { KeychainUnavailableError } from '../../src/main/core/ports';

const server: Server = {
  id: 1,
  name: 'web-1',
  hostname: 'web1.example.com',
  status: 'active',
  ipAddress: '203.0.113.1',
  location: 'us-west',
  plan: { id: 1, name: 'S', vcpus: 1, memoryMb: 1024, storageGb: 20 },
  os: { id: 1, name: 'Debian' },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function snap(id: number, fields: Partial<Snapshot> = {}): Snapshot {
  return {
    id,
    serverId: 1,
    serverName: 'web-1',
    name: `s-${id}`,
    status: 'completed',
    sizeMb: 2048,
    createdAt: `2025-01-0${id}T00:00:00Z`,
    description: '',
    ...fields,
  };
}

function op(fields: Partial<Operation>): Operation {
  return {
    id: 'op-1',
    kind: 'create',
    serverId: 1,
    serverName: 'web-1',
    snapshotId: 5,
    snapshotName: 'nightly',
    startedAt: '2026-01-01T10:00:00.000Z',
    status: 'running',
    finishedAt: null,
    message: null,
    ...fields,
  };
}

function obs(fields: Partial<Observation>): Observation {
  return {
    snapshots: null,
    snapshotsOf: 'all',
    servers: new Map(),
    at: '2026-01-01T10:04:30.000Z',
    canConcludeMissing: () => true,
    ...fields,
  };
}

describe('guards', () => {
  it('explains bad names', () => {
    expect(nameError('ok_name-1')).toBeNull();
    expect(nameError('')?.message).toMatch(/needs a name/);
    expect(nameError('x'.repeat(65))?.message).toMatch(/at most 64 characters \(this one has 65\)/);
    expect(nameError('a b/c')?.message).toMatch(/not “ ”, “\/”/);
    // The reason travels as a code, so each view words it in its own language.
    expect(nameError('')).toMatchObject({ kind: 'validation', code: 'rule.name.empty' });
  });

  it('refuses a 6th snapshot naming the count, and creates during a restore', () => {
    const five = [1, 2, 3, 4, 5].map((i) => snap(i));
    expect(createError(server, five, 'new')).toMatchObject({
      kind: 'limit_reached',
      code: 'core.limit',
      params: { server: 'web-1', count: 5, limit: 5 },
      message: expect.stringContaining('web-1 already has 5 of 5 snapshots'),
    });
    expect(createError(server, five.slice(0, 4), 'new')).toBeNull();
    expect(createError({ ...server, status: 'restoring' }, [], 'new')?.kind).toBe('refused');
    expect(createError(server, [snap(1)], 's-1')?.message).toMatch(/already has a snapshot named “s-1”/);
  });

  it('guards restores', () => {
    const good = snap(1);
    expect(restoreError(server, good, 'web-1', [])).toBeNull();
    expect(restoreError(server, good, 'web-1 ', [])?.message).toMatch(/exactly/);
    expect(restoreError(server, good, 'WEB-1', [])?.kind).toBe('refused');
    expect(restoreError({ ...server, status: 'restoring' }, good, 'web-1', [])?.message).toMatch(
      /already being restored/,
    );
    expect(restoreError(server, good, 'web-1', [op({ kind: 'restore', snapshotId: 1 })])?.message).toMatch(
      /already being restored/,
    );
    expect(restoreError({ ...server, status: 'suspended' }, good, 'web-1', [])?.message).toMatch(/suspended/);
    expect(restoreError(server, snap(1, { status: 'in_progress' }), 'web-1', [])?.message).toMatch(
      /still being created/,
    );
    expect(restoreError(server, snap(1, { status: 'failed' }), 'web-1', [])?.message).toMatch(/“failed”/);
    expect(restoreError(server, snap(1, { serverId: 2 }), 'web-1', [])?.message).toMatch(/another server/);
  });

  it('refuses a restore of a server without a name (the confirmation would be trivially empty)', () => {
    for (const name of ['', '   ']) {
      const refusal = restoreError({ ...server, name }, snap(1), name, []);
      expect(refusal?.kind).toBe('refused');
      expect(refusal?.message).toMatch(/no name/);
    }
  });

  it('guards deletes', () => {
    expect(deleteError(snap(1, { status: 'in_progress' }), [])?.kind).toBe('refused');
    expect(deleteError(snap(1, { status: 'failed' }), [])).toBeNull();
    const restoring = op({ kind: 'restore', snapshotId: 1, status: 'running' });
    expect(deleteError(snap(1), [restoring])?.kind).toBe('refused');
    expect(deleteError(snap(2), [restoring])).toBeNull();
    expect(deleteError(snap(1), [{ ...restoring, status: 'succeeded' }])).toBeNull();
  });

  it('makes names unique within the length limit', () => {
    expect(uniqueSnapshotName('a', [])).toBe('a');
    expect(uniqueSnapshotName('a', ['a', 'a-2'])).toBe('a-3');
    const long = 'x'.repeat(64);
    const next = uniqueSnapshotName(long, [long]);
    expect(next).toHaveLength(64);
    expect(next.endsWith('-2')).toBe(true);
  });
});

describe('notification texts', () => {
  it('say everything on their own', () => {
    const en = english();
    const done = op({
      status: 'succeeded',
      finishedAt: '2026-01-01T10:04:30.000Z',
      outcome: { type: 'created', sizeMb: 2048 },
    });
    expect(operationFinishedNotification(done, en)).toEqual({
      title: 'web-1: snapshot completed',
      body: 'Snapshot “nightly” of web-1 is ready after 4 min. Size: 2 GB.',
      serverId: 1,
    });
    const failed = {
      ...done,
      status: 'failed' as const,
      outcome: { type: 'snapshotFailed' as const, status: 'failed' },
    };
    expect(operationFinishedNotification(failed, en).title).toBe('web-1: snapshot failed');
    expect(operationFinishedNotification(failed, en).body).toBe(
      'Snapshot “nightly” of web-1 did not complete (after 4 min). VPS.org reports its status as “failed”. Delete it to free its place, then take a new one.',
    );
    const restore = op({
      kind: 'restore',
      status: 'succeeded',
      snapshotName: 'pre',
      finishedAt: '2026-01-01T10:10:00.000Z',
      outcome: { type: 'restored', serverStatus: 'active', previousStatus: 'active' },
    });
    expect(operationFinishedNotification(restore, en, true)).toEqual({
      title: 'web-1: restore finished (demo)',
      body: 'web-1 was restored from snapshot “pre” in 10 min. web-1 is up and running again.',
      serverId: 1,
    });
    expect(tokenInvalidNotification(en).body).toMatch(/paste a new token/);
    // The same outcome in Finnish: the words change, the facts (size, duration) stay.
    const fi = translatorFor({ locale: 'fi', tag: 'fi' });
    expect(operationFinishedNotification(done, fi)).toEqual({
      title: 'web-1: tilannevedos valmis',
      body: 'Palvelimen web-1 tilannevedos ”nightly” valmistui, kesto 4 min. Koko: 2 Gt.',
      serverId: 1,
    });
    // An operation saved by an older version keeps its English sentence.
    const legacy = { ...done, outcome: undefined, message: 'Size: 2.0 GB.' };
    expect(operationFinishedNotification(legacy, fi).body).toContain('Size: 2.0 GB.');
  });
});

describe('operations', () => {
  it('finishes a create from the snapshot list', () => {
    const running = [op({})];
    expect(
      applyObservation(running, obs({ snapshots: [snap(5, { status: 'in_progress' })] })).finished,
    ).toEqual([]);
    const done = applyObservation(running, obs({ snapshots: [snap(5, { sizeMb: 5120 })] }));
    expect(done.finished).toHaveLength(1);
    expect(done.operations[0]).toMatchObject({
      status: 'succeeded',
      outcome: { type: 'created', sizeMb: 5120 },
      message: null,
    });
    expect(done.operations[0]?.finishedAt).toBe('2026-01-01T10:04:30.000Z');
    // Applying again finishes nothing twice.
    expect(applyObservation(done.operations, obs({ snapshots: [snap(5)] })).finished).toEqual([]);
    const odd = applyObservation(running, obs({ snapshots: [snap(5, { status: 'error' })] }));
    expect(odd.operations[0]).toMatchObject({ status: 'failed' });
    expect(odd.operations[0]?.outcome).toEqual({ type: 'snapshotFailed', status: 'error' });
  });

  it('concludes a vanished snapshot only from a list requested after the operation began', () => {
    const running = [op({})];
    expect(
      applyObservation(running, obs({ snapshots: [], canConcludeMissing: () => false })).finished,
    ).toEqual([]);
    const gone = applyObservation(running, obs({ snapshots: [] }));
    expect(gone.operations[0]).toMatchObject({ status: 'failed', outcome: { type: 'snapshotGone' } });
    // A poll without a snapshot list says nothing about creates.
    expect(applyObservation(running, obs({})).finished).toEqual([]);
  });

  it('finishes a restore only after the server was seen restoring and then left it', () => {
    const running = [op({ kind: 'restore', previousServerStatus: 'stopped' })];
    const at = (status: string, time = '2026-01-01T10:04:30.000Z') =>
      obs({ servers: new Map([['1', { ...server, status }]]), at: time });
    // Stopped right after the request: the server is stopped before the restore begins.
    const stoppedFirst = applyObservation(running, at('stopped'));
    expect(stoppedFirst.finished).toEqual([]);
    expect(stoppedFirst.changed).toBe(false);
    const seen = applyObservation(running, at('restoring'));
    expect(seen.finished).toEqual([]);
    expect(seen.operations[0]).toMatchObject({ status: 'running', seenRestoring: true });
    const back = applyObservation(seen.operations, at('stopped'));
    expect(back.operations[0]).toMatchObject({
      status: 'succeeded',
      outcome: { type: 'restored', serverStatus: 'stopped', previousStatus: 'stopped' },
    });
    const other = applyObservation(seen.operations, at('active'));
    expect(other.operations[0]?.outcome).toEqual({
      type: 'restored',
      serverStatus: 'active',
      previousStatus: 'stopped',
    });
    // Left a list of restoring servers: over, with the status not known.
    const left = applyObservation(
      seen.operations,
      obs({ servers: new Map([['1', 'not-restoring' as const]]) }),
    );
    expect(left.operations[0]).toMatchObject({
      status: 'succeeded',
      outcome: { type: 'restored', serverStatus: null, previousStatus: 'stopped' },
    });
    const missing = applyObservation(running, obs({ servers: new Map([['1', 'missing' as const]]) }));
    expect(missing.operations[0]).toMatchObject({ status: 'failed', outcome: { type: 'serverGone' } });
    expect(restoringServerIds([...running, op({ id: 'op-2', kind: 'restore' })])).toEqual([1]);
  });

  it('ends a restore never seen restoring only after 15 minutes plus a margin, saying to check the server', () => {
    const running = [op({ kind: 'restore', startedAt: '2026-01-01T10:00:00.000Z' })];
    const late = (ms: number, seen: Server | 'not-restoring') =>
      applyObservation(
        running,
        obs({
          servers: new Map([['1', seen]]),
          at: new Date(Date.parse('2026-01-01T10:00:00Z') + ms).toISOString(),
        }),
      );
    expect(late(RESTORE_CONFIRM_MS - 1000, { ...server, status: 'active' }).finished).toEqual([]);
    expect(late(RESTORE_CONFIRM_MS - 1000, 'not-restoring').finished).toEqual([]);
    const ended = late(RESTORE_CONFIRM_MS, { ...server, status: 'active' });
    expect(ended.operations[0]).toMatchObject({ status: 'failed' });
    expect(outcomeText(ended.operations[0] as Operation, english())).toMatch(
      /could not confirm the outcome.*it is active now.*Check the server/,
    );
    expect(RESTORE_CONFIRM_MS).toBeGreaterThan(15 * 60_000);
  });

  it('a create tracked by name: the one rule picks its snapshot, and only a long absence ends it', () => {
    const byName = op({
      snapshotId: null,
      snapshotName: 'pre',
      uncertain: true,
      startedAt: '2026-01-01T10:00:00.000Z',
      knownSnapshotIds: [7],
    });
    const at = (ms: number) => new Date(Date.parse('2026-01-01T10:00:00Z') + ms).toISOString();
    const named = (id: number, createdAt: string) =>
      snap(id, { name: 'pre', status: 'in_progress', createdAt });
    // Known before the request, or older than the request less the clock-skew allowance: not ours.
    const notOurs = [named(7, at(5_000)), named(8, at(-CREATE_CLOCK_SKEW_MS - 1000))];
    const waiting = applyObservation([byName], obs({ snapshots: notOurs, at: at(60_000) }));
    expect(waiting.changed).toBe(false);
    // Late: its effect may still land, so a list without it proves nothing during the grace period.
    expect(
      applyObservation([byName], obs({ snapshots: [], at: at(UNCLEAR_CREATE_GRACE_MS - 1000) })).changed,
    ).toBe(false);
    // Another server's list says nothing about it.
    expect(
      applyObservation(
        [byName],
        obs({ snapshots: [], snapshotsOf: new Set(['2']), at: at(UNCLEAR_CREATE_GRACE_MS) }),
      ).changed,
    ).toBe(false);
    const gone = applyObservation([byName], obs({ snapshots: notOurs, at: at(UNCLEAR_CREATE_GRACE_MS) }));
    expect(gone.operations[0]).toMatchObject({ status: 'failed' });
    expect(outcomeText(gone.operations[0] as Operation, english())).toMatch(
      /did not take effect\. It is now safe to take the snapshot again\./,
    );
    // A 2xx whose body could not be read: it happened, so the end never says "safe to try again".
    const accepted = applyObservation(
      [{ ...byName, uncertain: false }],
      obs({ snapshots: [], at: at(UNCLEAR_CREATE_GRACE_MS) }),
    );
    const acceptedText = outcomeText(accepted.operations[0] as Operation, english());
    expect(acceptedText).not.toMatch(/safe/);
    expect(acceptedText).toMatch(/accepted the request/);
    // Shown within the allowance: confirmed, learns its id, then ends like any create.
    const shown = applyObservation(
      [byName],
      obs({ snapshots: [...notOurs, named(9, at(-60_000))], at: at(90_000) }),
    );
    expect(shown.operations[0]).toMatchObject({
      status: 'running',
      snapshotId: 9,
      uncertain: false,
      message: null,
    });
    expect(shown.operations[0]?.knownSnapshotIds).toBeUndefined();
  });
  it('keeps running operations and the newest finished ones', () => {
    const ops: Operation[] = [op({ id: 'run' })];
    for (let i = 0; i < 30; i++) {
      ops.push(
        op({
          id: `f${i}`,
          status: 'succeeded',
          finishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        }),
      );
    }
    const kept = trimOperations(ops, 20);
    expect(kept).toHaveLength(21);
    expect(kept[0]?.id).toBe('run');
    expect(kept.some((o) => o.id === 'f9')).toBe(false);
    expect(kept.some((o) => o.id === 'f29')).toBe(true);
    expect(orderForView(kept)[1]?.id).toBe('f29');
  });

  it('makes ids the IPC accepts, unique among existing ones', () => {
    let n = 0;
    const fixed = () => [0.5, 0.5, 0.25][n++ % 3] ?? 0;
    const first = newOperationId(1_700_000_000_000, [], fixed);
    expect(first).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const second = newOperationId(1_700_000_000_000, [op({ id: first })], fixed);
    expect(second).not.toBe(first);
  });
});

describe('OperationTracker', () => {
  it('persists a finished operation before it announces it, and announces it once', () => {
    const calls: string[] = [];
    const { logger } = createMemoryLogger();
    const tracker = new OperationTracker([op({})], {
      persist: (ops) => void calls.push(`persist:${ops[0]?.status}:${String(ops[0]?.announced)}`),
      notify: (n) => void calls.push(`notify:${n.title}`),
      announce: (o) => void calls.push(`announce:${o.id}:${String(o.announced)}`),
      changed: () => void calls.push('changed'),
      demo: () => false,
      translator: english,
      logger,
    });
    const seen = obs({ snapshots: [snap(5)] });
    expect(tracker.observe(seen, true)).toHaveLength(1);
    // The end is saved marked unannounced, announced, then saved without the mark.
    expect(calls).toEqual([
      'persist:succeeded:false',
      'changed',
      'notify:web-1: snapshot completed',
      'announce:op-1:undefined',
      'persist:succeeded:undefined',
    ]);
    expect(tracker.observe(seen, true)).toEqual([]);
    tracker.announceSaved(true);
    expect(calls).toHaveLength(5);
    expect(tracker.dismiss('op-1')).toBeNull();
    expect(tracker.all).toEqual([]);
  });

  it('announces at start, once, an end that was saved but not announced (a crash in between)', () => {
    const shown: string[] = [];
    const saved: Operation[][] = [];
    const { logger } = createMemoryLogger();
    const ended = op({
      status: 'failed',
      finishedAt: '2026-01-01T10:05:00.000Z',
      message: 'x',
      announced: false,
    });
    const tracker = new OperationTracker(
      [ended, op({ id: 'op-2', status: 'succeeded', finishedAt: ended.finishedAt })],
      {
        persist: (ops) => void saved.push(ops),
        notify: (n) => void shown.push(n.title),
        announce: (o) => void shown.push(`event:${o.id}`),
        changed: () => undefined,
        demo: () => false,
        translator: english,
        logger,
      },
    );
    tracker.announceSaved(true);
    expect(shown).toEqual(['web-1: snapshot failed', 'event:op-1']);
    expect(saved.at(-1)?.every((o) => o.announced === undefined)).toBe(true);
    tracker.announceSaved(true);
    expect(shown).toHaveLength(2);
  });

  it('judges only operations added before a poll began', () => {
    const { logger } = createMemoryLogger();
    const noop = () => undefined;
    const tracker = new OperationTracker([op({ id: 'old' })], {
      persist: noop,
      notify: noop,
      announce: noop,
      changed: noop,
      demo: () => false,
      translator: english,
      logger,
    });
    const mark = tracker.mark();
    tracker.add(op({ id: 'new' }));
    expect(tracker.addedBefore(tracker.all[0] as Operation, mark)).toBe(true);
    expect(tracker.addedBefore(tracker.all[1] as Operation, mark)).toBe(false);
    expect(tracker.dismiss('new')?.kind).toBe('refused');
  });
});

describe('server entries', () => {
  it('keeps API order and sorts snapshots newest first', () => {
    const other = { ...server, id: 'b-2', name: 'b' };
    const entries = buildEntries(
      [other, server],
      [snap(1), snap(3), snap(2), { ...snap(4), serverId: 'b-2' }],
    );
    expect(entries.map((e) => e.server.name)).toEqual(['b', 'web-1']);
    expect(entries[1]?.snapshots.map((s) => s.id)).toEqual([3, 2, 1]);
    expect(entries[0]?.snapshots.map((s) => s.id)).toEqual([4]);
  });
});

describe('settings checks', () => {
  it('validates and normalises', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { apiBaseUrl: ' http://127.0.0.1:9000/api/v1 ' });
    expect(next.ok && next.settings.apiBaseUrl).toBe('http://127.0.0.1:9000/api/v1/');
    const insecure = applySettingsPatch(DEFAULT_SETTINGS, { apiBaseUrl: 'http://vps.example.com/api/v1/' });
    expect(insecure.ok === false && insecure.error.message).toMatch(/https/);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { apiBaseUrl: 'https://u:p@vps.org/' }).ok).toBe(false);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { pollIntervalSeconds: 1 }).ok).toBe(false);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { pollIntervalSeconds: 2.5 }).ok).toBe(false);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { idleRefreshMinutes: 121 }).ok).toBe(false);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { nameTemplate: 'fixed-name' }).ok).toBe(false);
    const fine = applySettingsPatch(DEFAULT_SETTINGS, { notifications: false, language: 'fi' });
    expect(fine.ok && fine.settings).toMatchObject({ notifications: false, language: 'fi' });
  });
});

describe('memory ports', () => {
  it('ManualScheduler runs due timers in order, moving time to each, and awaits returned promises', async () => {
    const s = new ManualScheduler(1000);
    const seen: string[] = [];
    s.setTimeout(() => void seen.push(`b@${s.now()}`), 200);
    s.setTimeout(() => void seen.push(`a@${s.now()}`), 100);
    const cancel = s.setTimeout(() => void seen.push('never'), 150);
    cancel();
    let finished = false;
    s.setTimeout(
      (async () => {
        await new Promise((r) => setTimeout(r, 5));
        finished = true;
      }) as () => void,
      300,
    );
    await s.advance(250);
    expect(seen).toEqual(['a@1100', 'b@1200']);
    expect(s.now()).toBe(1250);
    expect(s.pendingDelays()).toEqual([50]);
    expect(await s.runNext()).toBe(true);
    expect(finished).toBe(true);
    expect(await s.runNext()).toBe(false);
  });

  it('MemorySecretStore can be unavailable like a missing keychain', async () => {
    const store = new MemorySecretStore({ unavailableReason: 'no session bus' });
    await expect(store.get('x')).rejects.toBeInstanceOf(KeychainUnavailableError);
    store.unavailableReason = null;
    await store.set('x', 'vps_SECRETtest_1');
    expect(await store.get('x')).toBe('vps_SECRETtest_1');
    expect(await store.delete('x')).toBe(true);
  });

  it('MemorySettingsPort copies in and out', () => {
    const port = new MemorySettingsPort({ settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 5 } }, [
      { code: 'settingsFile.issue.notObject' },
    ]);
    const read = port.read();
    expect(read.problem).toEqual([{ code: 'settingsFile.issue.notObject' }]);
    read.data.settings.pollIntervalSeconds = 99;
    expect(port.data.settings.pollIntervalSeconds).toBe(5);
    port.write({ session: { mode: 'demo', email: null } });
    expect(port.data.session.mode).toBe('demo');
    expect(port.writes).toHaveLength(1);
  });

  it('the memory logger redacts tokens', () => {
    const { logger, lines } = createMemoryLogger();
    logger.warn('got vps_SECRETtest_abc back');
    expect(lines).toEqual(['warn got vps_[redacted] back']);
  });
});
