import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import PolicyEditor from '../../src/renderer/components/snapshots/PolicyEditor.svelte';
import SnapshotList from '../../src/renderer/components/snapshots/SnapshotList.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import type { PolicyView } from '../../src/shared/policy';
import type { ServerEntry } from '../../src/shared/state';
import { makeEntry, makeSnapshot, signedInState } from './fake-vps';
import { choose, startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const NOW = Date.parse('2025-01-20T10:04:00Z');

const view: PolicyView = {
  serverId: 12345,
  policy: { schedule: { kind: 'daily', at: '03:00' }, keep: 2, makeRoom: false, notify: 'each-run' },
  nextRunAt: '2025-01-21T03:00:00.000Z',
  running: false,
  lastResult: {
    at: Date.parse('2025-01-20T03:00:00Z'),
    periodKey: 'daily:2025-01-20',
    outcome: 'skipped',
    code: 'no-free-slot',
    snapshotName: null,
    removed: [],
  },
  nextRemoves: ['auto-web-server-01-20250118-0300'],
};

async function show(entry: ServerEntry, policies: PolicyView[] = []) {
  const ctx = await startedStore(signedInState([entry], { policies }), NOW);
  render(PolicyEditor, { props: { entry, store: ctx.store } });
  return ctx;
}

describe('PolicyEditor', () => {
  it('a server without a policy: schedule off, K 3 by default; choosing daily and saving sends the policy', async () => {
    const ctx = await show(makeEntry({}, [makeSnapshot()]));
    expect(screen.getByTestId('policy-status').textContent).toContain('Schedule off');
    const keep = screen.getByRole('combobox', { name: 'Automatic snapshots to keep' }) as HTMLSelectElement;
    expect(keep.value).toBe('3');
    expect([...keep.options].map((o) => o.value)).toEqual(['1', '2', '3', '4']);
    await choose(screen.getByRole('combobox', { name: 'Schedule' }) as HTMLSelectElement, 'daily');
    const time = document.querySelector('input[type="time"]') as HTMLInputElement;
    await fireEvent.input(time, { target: { value: '02:30' } });
    await choose(keep as HTMLSelectElement, '2');
    await fireEvent.click(screen.getByRole('checkbox', { name: /Make room/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(ctx.fake.callsOf('setPolicy')).toEqual([
      {
        serverId: 12345,
        policy: { schedule: { kind: 'daily', at: '02:30' }, keep: 2, makeRoom: true, notify: 'each-run' },
      },
    ]);
    expect((await screen.findByTestId('policy-message')).textContent).toBe('Policy saved.');
  });

  it('shows next run, the last result (a skip with what to do) and what the next rotation removes', async () => {
    await show(makeEntry({}, [makeSnapshot()]), [view]);
    const status = screen.getByTestId('policy-status').textContent ?? '';
    expect(screen.getByTestId('policy-next').textContent).toMatch(/^Next run: Jan 21, 2025/);
    expect(status).toContain('All 5 snapshot slots of web-server-01 are in use');
    expect(screen.getByTestId('policy-next-removes').textContent).toBe(
      'Next rotation removes auto-web-server-01-20250118-0300.',
    );
    // The form starts from the stored policy.
    expect(
      (screen.getByRole('combobox', { name: 'Automatic snapshots to keep' }) as HTMLSelectElement).value,
    ).toBe('2');
  });

  it('the dry run follows the chosen K', async () => {
    const ctx = await show(makeEntry({}, [makeSnapshot()]), [view]);
    ctx.fake.respond('previewPolicy', (p) => ({
      ok: true,
      value: p.keep === 1 ? { keep: ['b'], remove: ['a'] } : { keep: ['a', 'b'], remove: [] },
    }));
    const keep = screen.getByRole('combobox', { name: 'Automatic snapshots to keep' });
    await choose(keep as HTMLSelectElement, '1');
    expect((await screen.findByTestId('policy-dry-run')).textContent).toBe(
      'With this number today: keeps b; deletes a.',
    );
    await choose(keep as HTMLSelectElement, '3');
    await expect
      .poll(() => screen.getByTestId('policy-dry-run').textContent)
      .toBe('With this number today: keeps a, b; deletes none.');
    expect(ctx.fake.callsOf('previewPolicy')).toContainEqual({ serverId: 12345, keep: 1 });
  });

  it('says why a policy was refused', async () => {
    const ctx = await show(makeEntry({}, [makeSnapshot()]));
    ctx.fake.respond('setPolicy', () => ({
      ok: false,
      error: { kind: 'invalid', message: 'This policy cannot be saved: one of its values is not allowed.' },
    }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect((await screen.findByTestId('policy-message')).textContent).toContain(
      'The policy could not be saved',
    );
  });
});

describe('SnapshotList: automatic and manual', () => {
  it('labels the snapshots the app made under a policy as automatic, all others as manual', async () => {
    const auto = makeSnapshot({ id: 900, name: 'auto-web-server-01-20250120-0300' });
    const lookalike = makeSnapshot({ id: 901, name: 'auto-looks-automatic' });
    const entry = makeEntry({}, [auto, lookalike]);
    const ctx = await startedStore(signedInState([entry], { automaticSnapshotIds: [900] }), NOW);
    render(SnapshotList, { props: { entry, store: ctx.store } });
    const badges = screen.getAllByTestId('origin-badge').map((b) => b.textContent);
    expect(badges).toEqual(['automatic', 'manual']);
  });
});
