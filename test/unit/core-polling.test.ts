/**
 * Polling cost and pace against the real simulator: a light tick costs at most min(pages of the
 * snapshot list, servers with running creates) plus one list of restoring servers, slow refresh
 * when idle and hidden, a refresh at once when the window opens, and backoff on 5xx and 429. Time
 * is the ManualScheduler's; requests are counted by the simulator itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DELAY_MS } from '../../src/main/api/backoff';
import { MAX_BACKOFF_MS, nextDelay } from '../../src/main/core/poll-loop';
import { createHarness, totalRequests, type Harness } from './core-harness';
import { makeServers, makeSnapshots } from '../../bench/fixtures';

let h: Harness;
afterEach(async () => {
  await h?.cleanup();
});

/** Servers of the demo seed with room for new snapshots, and how many each takes. */
const ROOM: [number | string, number][] = [
  [12345, 3],
  [12347, 3],
  [12349, 5],
  ['3f2b8c1e-7d4a-4e9b-9c61-5a0d2f8e4b17', 4],
];

async function startSnapshots(harness: Harness, n: number): Promise<void> {
  let left = n;
  for (const [serverId, room] of ROOM) {
    for (let i = 0; i < room && left > 0; i++, left--) {
      const result = await harness.core.quickSnapshot({ serverId });
      if (!result.ok) throw new Error(result.error.message);
      await harness.core.settled();
    }
  }
  expect(left).toBe(0);
}

/** Requests made by one regular poll tick. */
async function oneTick(harness: Harness): Promise<Record<string, number>> {
  await harness.core.settled();
  harness.sim.resetRequestCounts();
  const delay = harness.scheduler.pendingDelays()[0];
  expect(delay).toBe(10_000);
  await harness.scheduler.advance(10_000);
  return harness.sim.requestCounts();
}

describe('core polling cost', () => {
  it.each([1, 10])('a tick with %i running snapshots costs one snapshot list', async (n) => {
    h = await createHarness();
    await h.core.start();
    await startSnapshots(h, n);
    expect(h.core.getState().operations.filter((o) => o.status === 'running')).toHaveLength(n);
    expect(await oneTick(h)).toEqual({ 'GET /snapshots/': 1 });
    expect(await oneTick(h)).toEqual({ 'GET /snapshots/': 1 });
  });

  it('a restore adds one list of the restoring servers', async () => {
    h = await createHarness();
    await h.core.start();
    await startSnapshots(h, 10);
    const restore = await h.core.restoreSnapshot({
      serverId: 12346,
      snapshotId: 781,
      confirmServerName: 'db-server-01',
    });
    expect(restore.ok).toBe(true);
    expect(await oneTick(h)).toEqual({ 'GET /snapshots/': 1, 'GET /servers/': 1 });
  });

  it('with only a restore running, a tick lists just the restoring servers', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    await h.core.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' });
    h.requests.length = 0;
    expect(await oneTick(h)).toEqual({ 'GET /servers/': 1 });
    expect(h.requests).toEqual([{ method: 'GET', path: '/servers/' }]);
  });

  it('on an account whose snapshot list takes 3 pages, each create costs one ?server_id= list, up to 3', async () => {
    h = await createHarness({ simulator: { seed: 'empty' } });
    const servers = makeServers(60);
    h.sim.addServers(servers);
    // 5 snapshots on the first 50 servers, none on the last 10: 250 snapshots, 3 pages.
    h.sim.addSnapshots(makeSnapshots(servers.slice(0, 50), 5));
    await h.core.start();
    await h.core.settled();
    const last = servers.slice(50);
    const lists = () => h.requests.filter((r) => r.path === '/snapshots/').length;
    for (const [n, cost] of [
      [1, 1],
      [2, 2],
      [4, 3],
    ] as const) {
      while (h.core.getState().operations.filter((o) => o.status === 'running').length < n) {
        const next = last[h.core.getState().operations.length];
        if (next === undefined || !(await h.core.quickSnapshot({ serverId: next.id })).ok)
          throw new Error('no create');
        await h.core.settled();
      }
      h.requests.length = 0;
      expect(await oneTick(h)).toEqual({ 'GET /snapshots/': cost });
      expect(lists()).toBe(cost);
    }
  });

  it('a failing server list does not stop running creates from being tracked', async () => {
    let serverReadsFail = false;
    const failing: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (serverReadsFail && url.pathname.includes('/servers/')) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    // Snapshots of 18-60 s, so the create ends within a few (backed-off) ticks.
    h = await createHarness({ simulator: { speed: 10 }, client: { clientOptions: { fetch: failing } } });
    await h.core.start();
    await h.core.settled();
    expect((await h.core.quickSnapshot({ serverId: 12349 })).ok).toBe(true);
    await h.core.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-01' });
    await h.core.settled();
    serverReadsFail = true;
    const create = () => h.core.getState().operations.find((o) => o.kind === 'create');
    for (let i = 0; i < 60 && create()?.status === 'running'; i++) await h.scheduler.advance(10_000);
    expect(create()?.status).toBe('succeeded');
    // The failure shows, and the restore still runs (nothing was seen of it).
    expect(h.core.getState().sync.lastError?.kind).toBe('network');
    expect(h.core.getState().operations.find((o) => o.kind === 'restore')?.status).toBe('running');
  });
});

describe('core polling pace', () => {
  it('refreshes slowly when idle and hidden, at once when the window opens, every minute while open', async () => {
    h = await createHarness({ settings: { idleRefreshMinutes: 10 } });
    await h.core.start();
    await h.core.settled();
    h.sim.resetRequestCounts();
    await h.scheduler.advance(9 * 60_000 + 59_000);
    expect(totalRequests(h.sim)).toBe(0);
    await h.scheduler.advance(1000);
    expect(h.sim.requestCounts()).toEqual({ 'GET /servers/': 1, 'GET /snapshots/': 1 });

    h.sim.resetRequestCounts();
    h.core.setWindowVisible(true);
    await h.core.settled();
    expect(h.sim.requestCounts()).toEqual({ 'GET /servers/': 1, 'GET /snapshots/': 1 });
    h.sim.resetRequestCounts();
    await h.scheduler.advance(5 * 60_000);
    expect(totalRequests(h.sim)).toBe(10);

    h.core.setWindowVisible(false);
    h.sim.resetRequestCounts();
    await h.scheduler.advance(9 * 60_000);
    expect(totalRequests(h.sim)).toBe(0);
  });

  it('a changed idle interval takes effect', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    const changed = await h.core.updateSettings({ idleRefreshMinutes: 30 });
    expect(changed.ok).toBe(true);
    expect(h.scheduler.pendingDelays()).toEqual([30 * 60_000]);
    const bad = await h.core.updateSettings({ pollIntervalSeconds: 1 });
    expect(bad.ok === false && bad.error.kind).toBe('validation');
  });

  it('backs off on server errors up to the cap, then recovers', async () => {
    // Slow snapshots (30-100 min), so the operation still runs when the errors stop.
    h = await createHarness({ simulator: { speed: 0.1 } });
    await h.core.start();
    await h.core.quickSnapshot({ serverId: 12349 });
    await h.core.settled();
    expect(h.scheduler.pendingDelays()).toEqual([10_000]);
    h.sim.setFaults({ serverError: 1 });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await h.scheduler.runNext();
      await h.core.settled();
      delays.push(h.scheduler.pendingDelays()[0] ?? -1);
    }
    expect(delays).toEqual([20_000, 40_000, 80_000, 160_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    const sync = h.core.getState().sync;
    expect(sync.lastError?.kind).toBe('server');
    expect(sync.offline).toBe(false);

    h.sim.setFaults({});
    await h.scheduler.runNext();
    await h.core.settled();
    expect(h.core.getState().sync.lastError).toBeNull();
    expect(h.core.getState().operations[0]?.status).toBe('running');
    expect(h.scheduler.pendingDelays()).toEqual([10_000]);
  });

  it('honours a long Retry-After on 429', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.quickSnapshot({ serverId: 12349 });
    await h.core.settled();
    h.sim.setFaults({ rateLimit: 1, retryAfterSeconds: 120 });
    await h.scheduler.runNext();
    await h.core.settled();
    expect(h.core.getState().sync.lastError?.kind).toBe('rate_limited');
    expect(h.scheduler.pendingDelays()[0]).toBe(120_000);
  });

  it('marks the app offline when VPS.org cannot be reached, and a manual refresh reports it', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    h.sim.setFaults({ drop: 1 });
    const result = await h.core.refresh();
    expect(result.ok === false && result.error.kind).toBe('network');
    expect(h.core.getState().sync.offline).toBe(true);
    h.sim.setFaults({});
    expect((await h.core.refresh()).ok).toBe(true);
    expect(h.core.getState().sync.offline).toBe(false);
  });
});

describe('a hostile Retry-After, from a real HTTP server', () => {
  const YEAR_2100 = Date.parse('2100-01-01T00:00:00Z');
  it.each([
    ['3,000,000 seconds', { retryAfterSeconds: 3_000_000 }],
    ['a date in 2100', { retryAfterSeconds: (YEAR_2100 - Date.now()) / 1000, retryAfterAsDate: true }],
  ])('%s: the app waits at most MAX_DELAY_MS and then asks again, never hammers', async (_name, fault) => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    h.sim.setFaults({ rateLimit: 1, ...fault });
    h.sim.resetRequestCounts();
    expect((await h.core.refresh()).ok).toBe(false);
    expect(h.core.getState().sync.lastError?.kind).toBe('rate_limited');
    // A full refresh asks for servers and snapshots at once: two requests a poll.
    const PER_POLL = 2;
    // A delay past 2^31-1 ms would fire after 1 ms (the ManualScheduler does as Node does): in one
    // simulated second that would be about a thousand polls.
    await h.scheduler.advance(1000);
    expect(totalRequests(h.sim)).toBeLessThanOrEqual(PER_POLL);
    expect(h.scheduler.pendingDelays()).toEqual([MAX_DELAY_MS - 1000]);
    // Over five simulated hours: one more poll each MAX_DELAY_MS, no more.
    await h.scheduler.advance(5 * 60 * 60_000);
    const polls = 1 + Math.floor((5 * 60 * 60_000 + 1000) / MAX_DELAY_MS);
    expect(totalRequests(h.sim)).toBeLessThanOrEqual(PER_POLL * polls);
    expect(totalRequests(h.sim)).toBeGreaterThan(PER_POLL * (polls - 1));
    // When VPS.org answers again, polling is back to its pace.
    h.sim.setFaults({});
    await h.scheduler.runNext();
    await h.core.settled();
    expect(h.core.getState().sync.lastError).toBeNull();
    expect(h.scheduler.pendingDelays()[0]).toBeLessThanOrEqual(10 * 60_000);
  });
});

describe('core polling consistency', () => {
  it('a snapshot list requested before a create does not fail the new operation', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    // The next snapshot list is computed at once but its body stalls: a create lands meanwhile.
    h.sim.setFaults({ slowBody: 1, slowBodyMs: 300, only: 'GET /snapshots/' });
    h.sim.resetRequestCounts();
    h.core.setWindowVisible(true);
    while (!h.sim.requestCounts()['GET /snapshots/']) await new Promise((r) => setTimeout(r, 5));
    h.sim.setFaults({});
    const op = await h.core.quickSnapshot({ serverId: 12349 });
    expect(op.ok).toBe(true);
    await h.core.settled();
    const state = h.core.getState();
    expect(state.operations.map((o) => o.status)).toEqual(['running']);
    expect(state.servers.find((e) => e.server.id === 12349)?.snapshots).toHaveLength(1);
    expect(h.notifier.shown).toEqual([]);
  });

  it('with the window open during a long operation, servers are refreshed every minute too', async () => {
    h = await createHarness({ simulator: { speed: 0.1 } });
    await h.core.start();
    await h.core.settled();
    h.core.setWindowVisible(true);
    await h.core.quickSnapshot({ serverId: 12349 });
    await h.core.settled();
    h.sim.resetRequestCounts();
    await h.scheduler.advance(5 * 60_000);
    const counts = h.sim.requestCounts();
    expect(counts['GET /snapshots/']).toBe(30);
    expect(counts['GET /servers/']).toBe(5);
  });
});

describe('nextDelay', () => {
  const base = {
    running: false,
    windowVisible: false,
    pollIntervalSeconds: 10,
    idleRefreshMinutes: 10,
    failures: 0,
    retryAfterMs: null,
  };
  it('follows the rule', () => {
    expect(nextDelay({ ...base, running: true })).toBe(10_000);
    expect(nextDelay(base)).toBe(600_000);
    expect(nextDelay({ ...base, windowVisible: true })).toBe(60_000);
    expect(nextDelay({ ...base, windowVisible: true, idleRefreshMinutes: 1 })).toBe(60_000);
    // Backoff never makes an idle refresh faster.
    expect(nextDelay({ ...base, failures: 3 })).toBe(600_000);
    expect(nextDelay({ ...base, running: true, failures: 50 })).toBe(MAX_BACKOFF_MS);
    expect(nextDelay({ ...base, running: true, retryAfterMs: 45_000 })).toBe(45_000);
  });

  it('never exceeds MAX_DELAY_MS, whatever it is given', () => {
    for (const retryAfterMs of [3e9, 2 ** 31, Number.MAX_VALUE, Infinity, NaN]) {
      expect(nextDelay({ ...base, retryAfterMs })).toBe(MAX_DELAY_MS);
    }
    expect(nextDelay({ ...base, idleRefreshMinutes: 1e9 })).toBe(MAX_DELAY_MS);
    expect(MAX_DELAY_MS).toBeLessThan(2 ** 31 - 1);
  });
});
