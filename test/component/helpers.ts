/** Shared setup for component tests: a started store over the fake API, and language reset. */
import { tick } from 'svelte';
import { AppStore } from '../../src/renderer/lib/app-store.svelte';
import type { AppState } from '../../src/shared/state';
import { createFakeVps, type FakeVps } from './fake-vps';

/** A store over a fake API, started (state loaded), with a fixed clock the test can move. */
export async function startedStore(
  state: AppState,
  now = Date.parse('2025-01-20T10:04:00Z'),
): Promise<{ fake: FakeVps; store: AppStore; setNow(ms: number): void }> {
  const fake = createFakeVps(state);
  let clock = now;
  const store = new AppStore(fake.api, { clock: () => clock, tickMs: 0 });
  await store.start();
  return {
    fake,
    store,
    setNow(ms: number) {
      clock = ms;
      store.tick();
    },
  };
}

/** Picks an option in a <select> the way a user would (selectedness, then a change event). */
export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  for (const option of Array.from(select.options)) option.selected = option.value === value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
}
