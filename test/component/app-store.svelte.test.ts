import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { AppStore } from '../../src/renderer/lib/app-store.svelte';
import { createFakeVps, makeEntry, makeOperation, signedInState } from './fake-vps';

function setup() {
  const fake = createFakeVps(
    signedInState([makeEntry({ id: 1, name: 'alpha' }), makeEntry({ id: 2, name: 'beta' })]),
  );
  let clock = 1_000;
  const store = new AppStore(fake.api, { clock: () => clock, tickMs: 0 });
  return { fake, store, setClock: (ms: number) => (clock = ms) };
}

describe('AppStore', () => {
  it('loads the state once and selects the first server', async () => {
    const { fake, store } = setup();
    await store.start();
    expect(fake.callsOf('getState')).toHaveLength(1);
    expect(store.state?.mode).toBe('account');
    expect(store.selected?.server.name).toBe('alpha');
    store.stop();
  });

  it('follows pushed state and keeps the selection while the server exists', async () => {
    const { fake, store } = setup();
    await store.start();
    store.select(2);
    fake.setState((s) => ({ ...s, sync: { ...s.sync, refreshing: true } }));
    flushSync();
    expect(store.state?.sync.refreshing).toBe(true);
    expect(store.selected?.server.name).toBe('beta');
    fake.setState((s) => ({ ...s, servers: s.servers.filter((e) => e.server.id !== 2) }));
    expect(store.selected?.server.name).toBe('alpha');
    store.stop();
  });

  it('a state pushed while getState is in flight wins over the older reply', async () => {
    const { fake, store } = setup();
    const older = fake.state;
    fake.respond('getState', async () => {
      fake.setState((s) => ({ ...s, mode: 'demo' }));
      return { ok: true, value: older };
    });
    await store.start();
    expect(store.state?.mode).toBe('demo');
    store.stop();
  });

  it('focusServer selects the server and returns to the servers view', async () => {
    const { fake, store } = setup();
    await store.start();
    store.show('settings');
    fake.emit('focusServer', { serverId: 2 });
    expect(store.view).toBe('servers');
    expect(store.selectedId).toBe(2);
    expect(store.focusSeq).toBe(1);
    store.stop();
  });

  it('remembers finished operations and unsubscribes on stop', async () => {
    const { fake, store } = setup();
    await store.start();
    fake.emit('operationFinished', { operation: makeOperation({ id: 'a', status: 'succeeded' }) });
    expect(store.recentlyFinished.map((o) => o.id)).toEqual(['a']);
    store.stop();
    expect(fake.listenerCount('state')).toBe(0);
  });

  it('ticks the clock and turns a rejected call into a failed Result', async () => {
    const { fake, store, setClock } = setup();
    await store.start();
    setClock(5_000);
    store.tick();
    expect(store.now).toBe(5_000);
    fake.respond('refresh', () => Promise.reject(new Error('connection lost')));
    const result = await store.refresh();
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'connection lost' } });
    store.stop();
  });

  it('reports a failed first load', async () => {
    const { fake, store } = setup();
    fake.respond('getState', () => ({ ok: false, error: { kind: 'internal', message: 'boom' } }));
    await store.start();
    expect(store.state).toBeNull();
    expect(store.loadError?.message).toBe('boom');
    store.stop();
  });
});

describe('AppStore reload', () => {
  it('loads again after a failed first load', async () => {
    const fake = createFakeVps(signedInState([]));
    fake.respond('getState', () => ({ ok: false, error: { kind: 'internal', message: 'not ready' } }));
    const store = new AppStore(fake.api, { tickMs: 0 });
    await store.start();
    expect(store.loadError).not.toBeNull();
    fake.respond('getState', () => ({ ok: true, value: fake.state }));
    await store.reload();
    expect(store.loadError).toBeNull();
    expect(store.state?.mode).toBe('account');
    store.stop();
  });
});
