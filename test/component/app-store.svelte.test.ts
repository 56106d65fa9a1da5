import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { AppStore, TOAST_MS } from '../../src/renderer/lib/app-store.svelte';
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

  it('confirms a finished operation for a few seconds, a failure longer, and unsubscribes on stop', async () => {
    const { fake, store, setClock } = setup();
    await store.start();
    fake.emit('operationFinished', { operation: makeOperation({ id: 'a', status: 'succeeded' }) });
    fake.emit('operationFinished', { operation: makeOperation({ id: 'b', status: 'failed' }) });
    expect(store.toasts.map((t) => t.id)).toEqual(['op:b', 'op:a']);
    setClock(1_000 + TOAST_MS.success - 1);
    store.tick();
    expect(store.toasts).toHaveLength(2);
    setClock(1_000 + TOAST_MS.success);
    store.tick();
    expect(store.toasts.map((t) => t.id)).toEqual(['op:b']);
    setClock(1_000 + TOAST_MS.failure);
    store.tick();
    expect(store.toasts).toEqual([]);
    store.stop();
    expect(fake.listenerCount('state')).toBe(0);
    expect(fake.listenerCount('operationFinished')).toBe(0);
  });

  it('keeps a held toast past its time, lets it go a moment after release, and shows at most three', async () => {
    const { fake, store, setClock } = setup();
    await store.start();
    store.confirmDeleted({ id: 2, name: 'beta' }, 'old-one');
    store.holdToast('deleted:2:old-one', true);
    setClock(1_000 + TOAST_MS.success * 3);
    store.tick();
    expect(store.toasts.map((t) => t.kind)).toEqual(['deleted']);
    store.holdToast('deleted:2:old-one', false);
    store.tick();
    expect(store.toasts).toHaveLength(1);
    setClock(1_000 + TOAST_MS.success * 3 + 3_000);
    store.tick();
    expect(store.toasts).toEqual([]);
    for (const id of ['1', '2', '3', '4']) {
      fake.emit('operationFinished', { operation: makeOperation({ id, status: 'succeeded' }) });
    }
    expect(store.toasts.map((t) => t.id)).toEqual(['op:4', 'op:3', 'op:2']);
    store.dismissToast('op:3');
    expect(store.toasts.map((t) => t.id)).toEqual(['op:4', 'op:2']);
    store.stop();
  });

  it('showServer selects the server on the servers screen and asks the list to focus it', async () => {
    const { store } = setup();
    await store.start();
    store.show('settings');
    store.showServer(2);
    expect(store.view).toBe('servers');
    expect(store.selected?.server.name).toBe('beta');
    expect(store.focusSeq).toBe(1);
    store.stop();
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
