/**
 * The whole path of a create whose effect lands late, over real HTTP: the simulator answers the POST
 * with a 504 (or loses the answer, or sends an unreadable 2xx) and lists the snapshot only seconds
 * later. The first click is tracked as "not confirmed yet", the user's retry of the same name is
 * refused without ever suggesting to try again (in the answer and in the tray), another name is
 * allowed within the limit, the late snapshot is adopted, and it is announced exactly once. A
 * negative control shows the duplicate check sees the second snapshot a believed failure makes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/main/api/errors';
import type { CreateSnapshotInput, VpsClient } from '../../src/main/api/types';
import { isUnclearWriteError } from '../../src/main/api/unclear-writes';
import { buildTrayModel } from '../../src/main/core/tray-menu';
import type { TrayMenuItem } from '../../src/main/core/tray-model';
import type { Snapshot } from '../../src/shared/domain';
import type { FaultConfig } from '../../src/simulator/types';
import { createTestPorts } from '../support/memory-ports';
import { createHarness, type Harness, type HarnessOptions } from '../unit/core-harness';

let h: Harness;
afterEach(() => h.cleanup());

const LATE_MS = 8_000;

/** The harness, started; `createWith` replaces the real client's createSnapshot (fault injection). */
async function harness(
  createWith?: (real: VpsClient, input: CreateSnapshotInput) => Promise<Snapshot>,
): Promise<Harness> {
  const real = createTestPorts().ports.createClient;
  const client: HarnessOptions['client'] = createWith && {
    createClient: (options) => {
      const c = real(options);
      return { ...c, createSnapshot: (input) => createWith(c, input) };
    },
  };
  h = await createHarness({ simulator: { seed: 'demo' }, client });
  await h.core.start();
  await h.core.settled();
  return h;
}

function late(answer: NonNullable<FaultConfig['lateEffectAnswer']>): FaultConfig {
  return { lateEffect: 1, lateEffectAnswer: answer, lateEffectMs: LATE_MS, only: 'POST /snapshots/' };
}

function create(name: string) {
  return h.core.createSnapshot({ serverId: 12345, name, description: '' });
}

function made(name: string) {
  return h.sim.snapshot().snapshots.filter((s) => String(s.server.id) === '12345' && s.name === name);
}

function labels(items: readonly TrayMenuItem[]): string[] {
  return items.flatMap((i) => (i.kind === 'item' ? [i.label, ...labels(i.submenu ?? [])] : []));
}

async function untilAllFinished(): Promise<void> {
  const running = () => h.core.getState().operations.some((o) => o.status === 'running');
  for (let i = 0; i < 40 && running(); i++) await h.scheduler.advance(60_000);
  await h.core.settled();
}

describe('a create whose effect lands after its answer', () => {
  it.each([
    ['a 504', 'gatewayTimeout', true],
    ['a lost answer', 'drop', true],
    ['an unreadable 2xx', 'garbled2xx', false],
  ] as const)(
    'after %s: watched, the retry refused, adopted when it appears, announced once',
    async (_what, answer, uncertain) => {
      await harness();
      h.sim.setFaults(late(answer));
      const first = await create('before-upgrade');
      h.sim.setFaults({});
      if (!first.ok) throw new Error(`the first click failed: ${first.error.message}`);
      expect(first.value).toMatchObject({ status: 'running', snapshotId: null, uncertain });
      // No words of the core's own: each view says "checking" or "waiting to be listed" from the fields.
      expect(first.value.message).toBeNull();
      expect(made('before-upgrade')).toHaveLength(0);

      // The user's retry of the same name: refused with the reason, and nothing suggests retrying.
      const retry = await create('before-upgrade');
      expect(retry.ok).toBe(false);
      if (!retry.ok) {
        expect(retry.error.kind).toBe('refused');
        expect(retry.error.message).toMatch(/before-upgrade/);
        expect(retry.error.message).not.toMatch(/try again|retry/i);
      }
      const tray = labels(buildTrayModel(h.core.getState(), h.scheduler.now()).items);
      expect(tray).toContainEqual(expect.stringMatching(/^Creating before-upgrade on web-server-01/));
      expect(tray.filter((l) => /try again|retry/i.test(l))).toEqual([]);

      // Another name is allowed; the limit counts the unconfirmed one (2 listed + 1 + 2 = 5).
      expect((await create('other-one')).ok).toBe(true);
      expect((await create('fifth-one')).ok).toBe(true);
      const sixth = await create('sixth-one');
      expect(sixth.ok === false && sixth.error.kind).toBe('limit_reached');

      // The late effect lands and the next poll adopts it.
      await h.scheduler.advance(LATE_MS + 10_000);
      expect(made('before-upgrade')).toHaveLength(1);
      const adopted = h.core.getState().operations.find((o) => o.snapshotName === 'before-upgrade');
      expect(adopted).toMatchObject({ status: 'running', snapshotId: made('before-upgrade')[0]?.id });
      expect(adopted?.uncertain).toBe(false);

      await untilAllFinished();
      await h.scheduler.advance(30 * 60_000);
      const ended = h.core.getState().operations.find((o) => o.snapshotName === 'before-upgrade');
      expect(ended?.status).toBe('succeeded');
      expect(
        h.published.filter((p) => p.event === 'operationFinished' && p.payload.operation.id === ended?.id),
      ).toHaveLength(1);
      expect(h.notifier.shown.filter((n) => n.body.includes('“before-upgrade”'))).toHaveLength(1);
      expect(made('before-upgrade')).toHaveLength(1);
    },
  );

  it('passes the snapshot ids it knows on that server with every create', async () => {
    const inputs: CreateSnapshotInput[] = [];
    await harness((client, input) => (inputs.push(input), client.createSnapshot(input)));
    expect((await create('known-ids')).ok).toBe(true);
    expect(inputs.map((i) => [...(i.knownSnapshotIds ?? [])].map(String).sort())).toEqual([['798', '801']]);
  });

  it('negative control: a core that takes the unclear answer for a failure lets the retry make a second snapshot', async () => {
    // Today's mistake: "not listed right after the answer" read as "did not happen".
    await harness((client, input) =>
      client.createSnapshot(input).catch((error: unknown) => {
        throw isUnclearWriteError(error) ? new ApiError('invalid', 400, 'It did not happen.') : error;
      }),
    );
    h.sim.setFaults(late('gatewayTimeout'));
    expect((await create('before-upgrade')).ok).toBe(false);
    h.sim.setFaults({});
    expect((await create('before-upgrade')).ok).toBe(true);
    await h.scheduler.advance(LATE_MS + 10_000);
    expect(made('before-upgrade')).toHaveLength(2);
  });
});

describe('a clear create answer', () => {
  it('that already says the snapshot ended finishes the operation at once, announced once', async () => {
    // A fast (or odd) API: the 201 already reports the snapshot failed.
    await harness(async (client, input) => ({ ...(await client.createSnapshot(input)), status: 'failed' }));
    const result = await create('quick-end');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      status: 'failed',
      outcome: { type: 'snapshotFailed', status: 'failed' },
    });
    await h.scheduler.advance(60_000);
    expect(h.published.filter((p) => p.event === 'operationFinished')).toHaveLength(1);
  });
});
