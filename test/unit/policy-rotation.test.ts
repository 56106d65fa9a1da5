/**
 * Rotation and the free-slot check: pins, manual snapshots with automatic-looking names, the
 * newest completed snapshot, K changes, full servers with and without "make room", the dry run,
 * and a property (with a negative control) that nothing pinned, manual, newest or unfinished is
 * ever planned for deletion.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Id } from '../../src/shared/domain';
import { AUTO_NAME_PREFIX } from '../../src/shared/policy';
import { scopeText } from '../../src/main/core/scope';
import {
  isAutomatic,
  planCreate,
  planRotation,
  previewRotation,
  pruneRecords,
  type AutoSnapshotRecord,
  type RotationSnapshot,
  type ServerSnapshots,
} from '../../src/main/core/policy/rotation';

const SCOPE = scopeText({ url: 'https://admin.vps.org/api/v1/', email: 'ops@example.com' });
const OTHER_SCOPE = scopeText({ url: 'https://admin.vps.org/api/v1/', email: 'someone@example.com' });
const SERVER = 12345;

/** Snapshot `id` made on 2026-06-`day` at 03:00Z. */
function snap(id: Id, name: string, day: number, status = 'completed'): RotationSnapshot {
  return { id, name, status, createdAt: `2026-06-${String(day).padStart(2, '0')}T03:00:00Z` };
}
const auto = (id: number, day: number, status = 'completed') =>
  snap(id, `auto-web-202606${day}`, day, status);
const record = (s: RotationSnapshot, over: Partial<AutoSnapshotRecord> = {}): AutoSnapshotRecord => ({
  scope: SCOPE,
  serverId: SERVER,
  snapshotId: s.id,
  name: s.name,
  ...over,
});

function server(
  snapshots: RotationSnapshot[],
  automatic: RotationSnapshot[],
  pinnedIds: Id[] = [],
  extraRecords: AutoSnapshotRecord[] = [],
): ServerSnapshots {
  return {
    scope: SCOPE,
    serverId: SERVER,
    snapshots,
    records: [...automatic.map((s) => record(s)), ...extraRecords],
    pinnedIds,
  };
}
const ids = (list: readonly RotationSnapshot[]) => list.map((s) => s.id);

describe('planRotation', () => {
  it('deletes the automatic snapshots beyond K, oldest first, after the new one completed', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3), auto(4, 4), auto(5, 5)];
    const plan = planRotation(server(autos, autos), 3, 5);
    expect(plan.blocked).toBeNull();
    expect(ids(plan.remove)).toEqual([1, 2]);
    expect(plan.verdicts.map((v) => [v.snapshot.id, v.action])).toEqual([
      [5, 'keep'],
      [4, 'keep'],
      [3, 'keep'],
      [2, 'delete'],
      [1, 'delete'],
    ]);
    expect(plan.verdicts[0]).toMatchObject({ reasons: ['newest-completed', 'within-keep'] });
  });

  it('never deletes a pinned snapshot, and pinned ones do not count towards K', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3), auto(4, 4), auto(5, 5)];
    const plan = planRotation(server(autos, autos, [1, '4']), 2, 5);
    expect(ids(plan.remove)).toEqual([2]);
    expect(plan.verdicts.find((v) => v.snapshot.id === 1)).toMatchObject({
      action: 'keep',
      reasons: ['pinned'],
    });
  });

  it('never deletes a manual snapshot, whatever its name, nor one whose record does not match exactly', () => {
    const lookalike = snap(10, `${AUTO_NAME_PREFIX}web-20260101-0300`, 1);
    const otherAccount = auto(11, 2);
    const otherServer = auto(12, 3);
    const renamed = auto(13, 4);
    const mine = [auto(20, 5), auto(21, 6)];
    const input = server(
      [lookalike, otherAccount, otherServer, renamed, ...mine],
      mine,
      [],
      [
        record(otherAccount, { scope: OTHER_SCOPE }),
        record(otherServer, { serverId: 999 }),
        record(renamed, { name: 'auto-web-something-else' }),
      ],
    );
    const plan = planRotation(input, 1, 21);
    expect(ids(plan.remove)).toEqual([20]);
    for (const id of [10, 11, 12, 13]) {
      expect(plan.verdicts.find((v) => v.snapshot.id === id)).toMatchObject({
        automatic: false,
        reasons: ['manual'],
      });
    }
  });

  it('never deletes the newest completed snapshot; snapshots tied for newest all count as newest', () => {
    const autos = [auto(1, 1), auto(2, 2), snap(3, 'auto-b', 2)];
    const plan = planRotation(server(autos, autos), 1, 3);
    expect(ids(plan.remove)).toEqual([1]);
    expect(plan.verdicts.filter((v) => v.action === 'keep').map((v) => v.snapshot.id)).toEqual([3, 2]);
  });

  it('leaves in-progress and unknown-status snapshots alone and does not count them towards K', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3, 'in_progress'), auto(4, 4, 'archiving'), auto(5, 5)];
    const plan = planRotation(server(autos, autos), 1, 5);
    expect(ids(plan.remove)).toEqual([1, 2]);
    expect(plan.verdicts.find((v) => v.snapshot.id === 3)).toMatchObject({ reasons: ['in-progress'] });
    expect(plan.verdicts.find((v) => v.snapshot.id === 4)).toMatchObject({ reasons: ['unknown-status'] });
  });

  it('deletes a failed automatic snapshot (it holds a slot and cannot be restored), never a failed manual one', () => {
    const failedAuto = auto(2, 2, 'failed');
    const failedManual = snap(3, 'before-upgrade', 3, 'failed');
    const autos = [auto(1, 1), failedAuto, auto(4, 4)];
    const plan = planRotation(server([...autos, failedManual], autos), 3, 4);
    expect(ids(plan.remove)).toEqual([2]);
  });

  it('K changes: a lower K deletes more, but never the newest', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3), auto(4, 4)];
    const removed = [4, 3, 2, 1].map((k) => ids(planRotation(server(autos, autos), k, 4).remove));
    expect(removed).toEqual([[], [1], [1, 2], [1, 2, 3]]);
  });

  it('is blocked (deletes nothing) after a failed or unfinished create, or for an unrecorded one', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3), auto(4, 4), auto(5, 5, 'in_progress')];
    expect(planRotation(server(autos, autos), 1, 5)).toMatchObject({
      remove: [],
      blocked: 'new-snapshot-not-completed',
    });
    expect(planRotation(server(autos, autos), 1, 99)).toMatchObject({
      remove: [],
      blocked: 'new-snapshot-not-completed',
    });
    const failed = [...autos.slice(0, 4), auto(5, 5, 'failed')];
    expect(planRotation(server(failed, failed), 1, 5)).toMatchObject({
      remove: [],
      blocked: 'new-snapshot-not-completed',
    });
    const unrecorded = [...autos.slice(0, 4), snap(6, 'auto-x', 6)];
    expect(planRotation(server(unrecorded, autos.slice(0, 4)), 1, 6)).toMatchObject({
      remove: [],
      blocked: 'new-snapshot-not-recorded',
    });
  });

  it('is blocked for a K outside 1..4 and when a completed snapshot’s date cannot be read', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3)];
    for (const keep of [0, 5, 2.5, Number.NaN, -1]) {
      expect(planRotation(server(autos, autos), keep, 3)).toMatchObject({
        remove: [],
        blocked: 'invalid-keep',
      });
    }
    const odd = { ...auto(9, 9), createdAt: 'yesterday' };
    const plan = planRotation(server([...autos, odd], autos), 1, 3);
    expect(plan).toMatchObject({ remove: [], blocked: 'unreadable-date' });
    expect(plan.verdicts.find((v) => v.snapshot.id === 1)).toMatchObject({ reasons: ['rotation-blocked'] });
  });

  it('matches ids the API sends as numbers or strings', () => {
    const autos = [auto(1, 1), auto(2, 2)];
    const input = {
      ...server(autos, []),
      records: autos.map((s) => record(s, { snapshotId: String(s.id), serverId: '12345' })),
    };
    expect(ids(planRotation(input, 1, '2').remove)).toEqual([1]);
    expect(isAutomatic(input.records, SCOPE, '12345', { id: '1', name: autos[0]!.name })).toBe(true);
  });
});

describe('planCreate', () => {
  it('creates when a slot is free, counting in-progress and failed snapshots as used', () => {
    const list = [
      auto(1, 1),
      auto(2, 2, 'in_progress'),
      snap(3, 'manual', 3, 'failed'),
      snap(4, 'manual-2', 4),
    ];
    expect(planCreate(server(list, [list[0]!, list[1]!], [4]), false)).toEqual({
      action: 'create',
      usage: { limit: 5, used: 4, automatic: 2, manual: 2, pinned: 1, inProgress: 1 },
    });
  });

  it('on a server full of manual snapshots skips with the numbers, even with "make room" on', () => {
    const list = [1, 2, 3, 4, 5].map((d) => snap(d, `manual-${d}`, d));
    for (const makeRoom of [false, true]) {
      expect(planCreate(server(list, []), makeRoom)).toEqual({
        action: 'skip',
        reason: {
          code: 'no-free-slot',
          params: {
            limit: 5,
            used: 5,
            automatic: 0,
            manual: 5,
            pinned: 0,
            inProgress: 0,
            makeRoom,
            hint: 'delete-a-snapshot',
          },
        },
      });
    }
  });

  it('with automatic snapshots it could delete: skips and suggests "make room" when off, deletes the oldest when on', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3)];
    const list = [...autos, snap(4, 'manual-4', 4), snap(5, 'manual-5', 5)];
    expect(planCreate(server(list, autos), false)).toMatchObject({
      action: 'skip',
      reason: { code: 'no-free-slot', params: { hint: 'turn-on-make-room', makeRoom: false, automatic: 3 } },
    });
    expect(planCreate(server(list, autos), true)).toMatchObject({ action: 'make-room', remove: { id: 1 } });
  });

  it('never makes room with the newest completed automatic snapshot, a pinned or a running one', () => {
    const only = auto(1, 1);
    const manual = [2, 3, 4, 5].map((d) => snap(d, `manual-${d}`, d));
    expect(planCreate(server([only, ...manual], [only]), true)).toMatchObject({
      action: 'skip',
      reason: { params: { hint: 'delete-a-snapshot' } },
    });
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3, 'in_progress'), auto(4, 4)];
    const list = [...autos, snap(5, 'manual-5', 5)];
    expect(planCreate(server(list, autos, [1]), true)).toMatchObject({
      action: 'make-room',
      remove: { id: 2 },
    });
    expect(planCreate(server(list, autos, [1, 2]), true)).toMatchObject({ action: 'skip' });
  });
});

describe('previewRotation (the policy editor’s dry run)', () => {
  it('shows what K keeps and deletes today, and what the next run’s rotation removes', () => {
    const autos = [auto(1, 1), auto(2, 2), auto(3, 3)];
    const list = [...autos, snap(4, 'manual', 4)];
    const three = previewRotation(server(list, autos), 3);
    expect(ids(three.now.remove)).toEqual([]);
    expect(ids(three.afterNextRun)).toEqual([1]);
    const one = previewRotation(server(list, autos), 1);
    expect(ids(one.now.remove)).toEqual([1, 2]);
    expect(ids(one.afterNextRun)).toEqual([1, 2, 3]);
    expect(one.now.verdicts.map((v) => v.snapshot.id)).toEqual([4, 3, 2, 1]);
  });

  it('never lists a pinned or manual snapshot, and nothing for an invalid K', () => {
    const autos = [auto(1, 1), auto(2, 2)];
    const list = [...autos, snap(3, 'auto-manual-lookalike', 3)];
    expect(ids(previewRotation(server(list, autos, [1]), 1).afterNextRun)).toEqual([2]);
    expect(previewRotation(server(list, autos), 7)).toMatchObject({
      now: { remove: [], blocked: 'invalid-keep' },
      afterNextRun: [],
    });
  });
});

describe('pruneRecords', () => {
  it('drops this server’s records whose snapshot is gone and keeps everything else', () => {
    const a = auto(1, 1);
    const b = auto(2, 2);
    const records = [record(a), record(b), record(b, { scope: OTHER_SCOPE }), record(b, { serverId: 7 })];
    expect(pruneRecords(records, SCOPE, SERVER, [a])).toEqual([records[0], records[2], records[3]]);
  });
});

// --- The property -----------------------------------------------------------------------

type Ownership = 'mine' | 'other-scope' | 'other-server' | 'other-name' | 'none';
interface Spec {
  numericId: boolean;
  autoName: boolean;
  status: string;
  hour: number | null;
  ownership: Ownership;
  pinned: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  numericId: fc.boolean(),
  autoName: fc.boolean(),
  status: fc.constantFrom('completed', 'completed', 'completed', 'in_progress', 'failed', 'archived'),
  hour: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 8 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
  ownership: fc.constantFrom<Ownership>(
    'mine',
    'mine',
    'mine',
    'other-scope',
    'other-server',
    'other-name',
    'none',
  ),
  pinned: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});

interface Case {
  input: ServerSnapshots;
  specs: Spec[];
  keep: number;
  completedIndex: number;
  makeRoom: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    specs: fc.array(specArb, { maxLength: 8 }),
    keep: fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 5, 1.5) },
    ),
    completedIndex: fc.integer({ min: 0, max: 8 }),
    makeRoom: fc.boolean(),
  })
  .map(({ specs, keep, completedIndex, makeRoom }) => {
    const snapshots = specs.map((s, i): RotationSnapshot => ({
      id: s.numericId ? i + 1 : String(i + 1),
      name: s.autoName ? `${AUTO_NAME_PREFIX}web-${i}` : `snap-${i}`,
      status: s.status,
      createdAt: s.hour === null ? 'not a date' : `2026-06-10T0${s.hour}:00:00Z`,
    }));
    const records = snapshots.flatMap((snapshot, i): AutoSnapshotRecord[] => {
      const own = specs[i]!.ownership;
      if (own === 'none') return [];
      return [
        {
          scope: own === 'other-scope' ? OTHER_SCOPE : SCOPE,
          serverId: own === 'other-server' ? 777 : SERVER,
          snapshotId: snapshot.id,
          name: own === 'other-name' ? `${snapshot.name}-x` : snapshot.name,
        },
      ];
    });
    const pinnedIds = snapshots.filter((_, i) => specs[i]!.pinned).map((s) => s.id);
    return {
      input: { scope: SCOPE, serverId: SERVER, snapshots, records, pinnedIds },
      specs,
      keep,
      completedIndex,
      makeRoom,
    };
  });

/**
 * What each rotation path would delete for one case. `now` says the newest completed snapshot is
 * today's (false for the preview of the next run, where the coming snapshot will be newest);
 * `kept` is how many rotating snapshots must stay: K now, K-1 of today's after the next run.
 */
interface Path {
  remove: RotationSnapshot[];
  now: boolean;
  kept: 'K' | 'K-1' | 'at-least-1' | null;
}
type Planner = (c: Case) => Path[];

const realPlanner: Planner = (c) => {
  const completedId = c.input.snapshots[c.completedIndex]?.id ?? 'missing';
  const rotation = planRotation(c.input, c.keep, completedId);
  const preview = previewRotation(c.input, c.keep);
  const create = planCreate(c.input, c.makeRoom);
  return [
    { remove: rotation.remove, now: true, kept: rotation.blocked === null ? 'K' : null },
    { remove: preview.now.remove, now: true, kept: preview.now.blocked === null ? 'K' : null },
    { remove: preview.afterNextRun, now: false, kept: 'K-1' },
    { remove: create.action === 'make-room' ? [create.remove] : [], now: true, kept: 'at-least-1' },
  ];
};

/** A planner that trusts names: deletes completed `auto-` snapshots beyond K, oldest first. */
const byNamePlanner: Planner = (c) => {
  const named = c.input.snapshots
    .filter((s) => s.name.startsWith(AUTO_NAME_PREFIX) && s.status === 'completed')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [{ remove: named.slice(Math.max(1, Math.floor(c.keep) || 1)), now: true, kept: null }];
};

/** The protections, judged from the generator's own knowledge (not from the code under test). */
function protectionsHold(planner: Planner) {
  return fc.property(caseArb, (c) => {
    const specOf = (s: RotationSnapshot) => c.specs[c.input.snapshots.indexOf(s)]!;
    const completed = c.specs.filter((s) => s.status === 'completed');
    const readable = completed.every((s) => s.hour !== null);
    const validKeep = Number.isInteger(c.keep) && c.keep >= 1 && c.keep <= 4;
    const newestHour = Math.max(-1, ...completed.map((s) => s.hour ?? -1));
    const rotatingSpecs = completed.filter((s) => s.ownership === 'mine' && !s.pinned);
    const rotating = rotatingSpecs.length;
    // Snapshots tied for the newest completed time are all protected, so more than K may stay.
    const tiedNewest = rotatingSpecs.filter((s) => s.hour === newestHour).length;
    for (const path of planner(c)) {
      // Making room does not depend on K (it never deletes what K=1 would keep).
      const usesKeep = path.kept !== 'at-least-1';
      if (!readable || (usesKeep && !validKeep)) expect(path.remove).toEqual([]);
      for (const s of path.remove) {
        const spec = specOf(s);
        expect(spec.ownership, 'manual deleted').toBe('mine');
        expect(spec.pinned, 'pinned deleted').toBe(false);
        expect(['completed', 'failed'], 'unfinished deleted').toContain(spec.status);
        if (path.now && spec.status === 'completed')
          expect(spec.hour, 'newest completed deleted').not.toBe(newestHour);
      }
      const left = rotating - path.remove.filter((s) => specOf(s).status === 'completed').length;
      if (path.kept === 'K') expect(left).toBe(Math.max(Math.min(c.keep, rotating), tiedNewest));
      if (path.kept === 'K-1' && validKeep && readable) expect(left).toBe(Math.min(c.keep - 1, rotating));
      if (path.kept === 'at-least-1') expect(left).toBeGreaterThanOrEqual(Math.min(1, rotating));
    }
  });
}

describe('rotation property', () => {
  it('never plans to delete a pinned, manual, newest completed or unfinished snapshot; keeps K (more only when tied for newest)', () => {
    fc.assert(protectionsHold(realPlanner), { numRuns: 2000 });
  });

  it('negative control: a planner that trusts the auto- prefix is caught', () => {
    expect(fc.check(protectionsHold(byNamePlanner), { numRuns: 2000 }).failed).toBe(true);
  });
});
