import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import App from '../../src/renderer/App.svelte';
import { AppStore } from '../../src/renderer/lib/app-store.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import type { AppState } from '../../src/shared/state';
import { CATALOGS } from '../../src/shared/i18n/catalogs';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { createFakeVps, makeEntry, makeOperation, makeSnapshot, makeState, signedInState } from './fake-vps';
import { choose, startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const servers = [
  makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()]),
  makeEntry({ id: 2, name: 'db-primary', status: 'stopped' }, []),
];

async function app(state: AppState) {
  const ctx = await startedStore(state);
  render(App, { props: { store: ctx.store } });
  await tick();
  return ctx;
}

describe('App', () => {
  it('shows a loading state until main answers, then the sign-in screen', async () => {
    const fake = createFakeVps(makeState());
    let answer: () => void = () => {};
    fake.respond(
      'getState',
      () => new Promise((resolve) => (answer = () => resolve({ ok: true, value: makeState() }))),
    );
    const store = new AppStore(fake.api, { tickMs: 0 });
    const started = store.start();
    render(App, { props: { store } });
    expect(screen.getByText('Loading…')).toBeTruthy();
    answer();
    await started;
    expect(await screen.findByRole('heading', { name: 'Sign in to VPS.org' })).toBeTruthy();
  });

  it('signed in: header with account and last update, servers, and the first server’s snapshots', async () => {
    await app(signedInState(servers));
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy();
    expect(screen.getByText(/^Updated /)).toBeTruthy();
    expect(within(screen.getByRole('listbox', { name: 'Servers' })).getAllByRole('option')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Snapshots of web-server-01' })).toBeTruthy();
    await fireEvent.click(screen.getByText('db-primary'));
    expect(screen.getByRole('heading', { name: 'Snapshots of db-primary' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'No snapshots yet' })).toBeTruthy();
  });

  it('marks the demo and refreshes on request', async () => {
    const { fake } = await app(signedInState(servers, { mode: 'demo' }));
    expect(screen.getByText('Demo').getAttribute('title')).toMatch(/made-up servers/);
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(fake.callsOf('refresh')).toHaveLength(1);
  });

  it('a refresh the user asked for that fails says why next to the button', async () => {
    const { fake } = await app(signedInState(servers));
    fake.respond('refresh', async () => ({ ok: false, error: { kind: 'rate_limited', message: '429' } }));
    await fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('VPS.org asked us to slow down. Try again in a moment.')).toBeTruthy();
    // Once main records it, only the banner says it.
    fake.setState((s) => ({
      ...s,
      sync: { ...s.sync, lastError: { kind: 'rate_limited', message: '429' } },
    }));
    await tick();
    expect(screen.getAllByText(/VPS.org asked us to slow down/)).toHaveLength(1);
    expect(screen.getByText(/The last refresh did not work/)).toBeTruthy();
  });

  it('a failed operation says so, with the reason', async () => {
    await app(
      signedInState(servers, {
        operations: [
          makeOperation({
            id: 'bad',
            status: 'failed',
            finishedAt: '2025-01-20T10:03:00Z',
            startedAt: '2025-01-20T10:00:00Z',
            message: 'VPS.org reported the snapshot as failed.',
          }),
        ],
      }),
    );
    const ops = screen.getByRole('region', { name: 'Operations' });
    expect(ops.textContent).toContain('Finished operations: 1, failed: 1');
    await fireEvent.click(within(ops).getByRole('button', { name: 'Show' }));
    expect(ops.textContent).toContain('Failed after 3 min 0 sec');
    expect(ops.textContent).toContain('VPS.org reported the snapshot as failed.');
  });

  it('shows skeleton rows before the first refresh instead of an empty account', async () => {
    await app(
      signedInState([], { sync: { refreshing: true, lastRefreshAt: null, lastError: null, offline: false } }),
    );
    expect(screen.getByRole('list', { name: 'Loading servers…' })).toBeTruthy();
    expect(screen.queryByText('There are no servers in this account.')).toBeNull();
    expect(screen.getByText('Refreshing…')).toBeTruthy();
  });

  it('a background error is a non-blocking banner with Retry and Dismiss', async () => {
    const { fake } = await app(
      signedInState(servers, {
        sync: {
          refreshing: false,
          lastRefreshAt: '2025-01-20T10:00:00Z',
          lastError: { kind: 'server', message: 'VPS.org answered 503.' },
          offline: false,
        },
      }),
    );
    expect(screen.getByText(/The last refresh did not work/)).toBeTruthy();
    // The data stays usable underneath.
    expect(screen.getByRole('listbox', { name: 'Servers' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.callsOf('refresh')).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/The last refresh did not work/)).toBeNull();
  });

  it('offline gets its own banner', async () => {
    await app(
      signedInState(servers, {
        sync: {
          refreshing: false,
          lastRefreshAt: null,
          lastError: { kind: 'network', message: 'x' },
          offline: true,
        },
      }),
    );
    expect(screen.getByText(/VPS.org cannot be reached/)).toBeTruthy();
  });

  it('an invalid token asks for a new one and opens the token field', async () => {
    const state = signedInState(servers);
    state.account.tokenInvalid = true;
    await app(state);
    expect(screen.getByRole('alert').textContent).toContain('Your token no longer works');
    await fireEvent.click(screen.getByRole('button', { name: 'Enter a new token' }));
    await tick();
    await tick();
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('New API token'));
  });

  it('lists running and finished operations with elapsed time and dismiss', async () => {
    const { fake } = await app(
      signedInState(servers, {
        operations: [
          makeOperation({ id: 'run', startedAt: '2025-01-20T10:01:00Z' }),
          makeOperation({
            id: 'done',
            kind: 'restore',
            status: 'succeeded',
            snapshotName: 'pre-migration-snapshot',
            startedAt: '2025-01-20T09:00:00Z',
            finishedAt: '2025-01-20T09:07:30Z',
            message: 'The server is back.',
          }),
        ],
      }),
    );
    const ops = screen.getByRole('region', { name: 'Operations' });
    expect(ops.textContent).toContain('Snapshot before-update-snapshot of web-server-01');
    expect(ops.textContent).toContain('Running for 3 min 0 sec');
    expect(ops.textContent).not.toContain('Finished after');
    const show = within(ops).getByRole('button', { name: 'Show' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(show);
    expect(within(ops).getByRole('button', { name: 'Hide' }).getAttribute('aria-expanded')).toBe('true');
    expect(ops.textContent).toContain('Finished after 7 min 30 sec');
    expect(ops.textContent).toContain('The server is back.');
    await fireEvent.click(
      screen.getByRole('button', { name: 'Dismiss Restore of web-server-01 from pre-migration-snapshot' }),
    );
    expect(fake.callsOf('dismissOperation')).toEqual([{ operationId: 'done' }]);
  });

  it('says a running operation whose start VPS.org did not confirm is being checked', async () => {
    await app(
      signedInState(servers, {
        operations: [
          makeOperation({ id: 'unsure', snapshotId: null, uncertain: true, message: 'core text' }),
        ],
      }),
    );
    const ops = screen.getByRole('region', { name: 'Operations' });
    expect(ops.textContent).toContain('VPS.org did not answer clearly, so this may have started.');
    expect(ops.textContent).not.toContain('core text');
  });

  it('says a create VPS.org accepted with an unreadable answer is waiting to be listed, in Finnish too', async () => {
    const accepted = makeOperation({ id: 'accepted', snapshotId: null, uncertain: false });
    await app(signedInState(servers, { operations: [accepted] }));
    const ops = screen.getByRole('region', { name: 'Operations' });
    expect(ops.textContent).toContain('The app is waiting for the snapshot to be listed.');
    cleanup();
    await app(
      signedInState(servers, { operations: [accepted], settings: { ...DEFAULT_SETTINGS, language: 'fi' } }),
    );
    const fiOps = screen.getByRole('region', { name: CATALOGS.fi['ops.title'] });
    expect(fiOps.textContent).toContain(CATALOGS.fi['ops.unlisted']);
    // A create that knows its snapshot says nothing of the kind.
    cleanup();
    await app(signedInState(servers, { operations: [makeOperation({ id: 'known' })] }));
    expect(screen.getByRole('region', { name: 'Operations' }).textContent).not.toContain('waiting for');
  });

  it('finished operations fold into one line however many there are, and Clear dismisses them all', async () => {
    const finished = [1, 2, 3, 4, 5, 6].map((n) =>
      makeOperation({ id: `done-${n}`, status: 'succeeded', finishedAt: '2025-01-20T10:00:00Z' }),
    );
    const { fake } = await app(
      signedInState(servers, { operations: [makeOperation({ id: 'run' }), ...finished] }),
    );
    const ops = screen.getByRole('region', { name: 'Operations' });
    expect(within(ops).getAllByRole('listitem')).toHaveLength(1);
    expect(ops.textContent).toContain('Finished operations: 6');
    await fireEvent.click(within(ops).getByRole('button', { name: 'Clear' }));
    expect(fake.callsOf('dismissOperation')).toEqual(finished.map((op) => ({ operationId: op.id })));
  });

  it('confirms a finished operation with a toast whose Show opens the server, and follows focusServer', async () => {
    const { fake, setNow } = await app(signedInState(servers));
    fake.emit('operationFinished', {
      operation: makeOperation({ status: 'succeeded', serverId: 2, serverName: 'db-primary' }),
    });
    await tick();
    const messages = screen.getByRole('region', { name: 'Messages' });
    const toast = within(messages).getByText('Snapshot before-update-snapshot of db-primary is ready.');
    // Inside a polite live region, so screen readers hear it.
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
    expect(toast.closest('.toast')?.classList).not.toContain('bad');
    await fireEvent.click(within(messages).getByRole('button', { name: 'Show db-primary' }));
    expect(screen.getByRole('heading', { name: 'Snapshots of db-primary' })).toBeTruthy();
    expect(within(messages).queryByText(/is ready/)).toBeNull();
    // A failure is red, and a toast goes by itself.
    fake.emit('operationFinished', { operation: makeOperation({ id: 'x', status: 'failed' }) });
    await tick();
    const failed = within(messages).getByText('Snapshot before-update-snapshot of web-server-01 failed.');
    expect(failed.closest('.toast')?.classList).toContain('bad');
    setNow(Date.parse('2025-01-20T10:04:00Z') + 60_000);
    await tick();
    expect(within(messages).queryByText(/failed\./)).toBeNull();
    await fireEvent.click(screen.getByText('web-server-01'));
    fake.emit('focusServer', { serverId: 2 });
    await tick();
    expect(screen.getByRole('heading', { name: 'Snapshots of db-primary' })).toBeTruthy();
  });

  it('a tray snapshot line brings that snapshot into view; "Snapshot with a name…" opens the dialog', async () => {
    const withTwo = [
      makeEntry({ id: 1, name: 'web-server-01' }, [
        makeSnapshot(),
        makeSnapshot({ id: 798, name: 'weekly-snapshot-2025-01-08' }),
      ]),
      makeEntry({ id: 2, name: 'db-primary', status: 'stopped' }, []),
    ];
    const { fake } = await app(signedInState(withTwo));
    fake.emit('focusServer', { serverId: 2 });
    await tick();
    fake.emit('focusServer', { serverId: 1, snapshotId: 798 });
    for (let i = 0; i < 4; i++) await tick();
    expect(screen.getByRole('heading', { name: 'Snapshots of web-server-01' })).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('weekly-snapshot-2025-01-08');
    expect(screen.queryByRole('dialog')).toBeNull();
    fake.emit('focusServer', { serverId: 2, dialog: 'create' });
    await tick();
    await tick();
    expect(screen.getByRole('dialog', { name: 'New snapshot of db-primary' })).toBeTruthy();
  });

  it('returns to the sign-in screen when main signs out', async () => {
    const { fake } = await app(signedInState(servers));
    fake.setState(makeState());
    await tick();
    expect(screen.getByRole('heading', { name: 'Sign in to VPS.org' })).toBeTruthy();
  });
});

describe('language', () => {
  it('follows the saved language setting', async () => {
    const state = signedInState(servers);
    state.settings.language = 'gu';
    await app(state);
    expect(screen.getByRole('button', { name: 'તાજું કરો' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('gu');
  });

  it('switching in Settings changes the text to Finnish, then Gujarati, and saves the choice', async () => {
    const { fake } = await app(signedInState(servers));
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const select = screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    await choose(select, 'fi');
    await tick();
    expect(screen.getByRole('heading', { name: 'Asetukset' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Päivitä' })).toBeTruthy();
    expect(screen.getByText('Muutokset tallennetaan heti, kun teet ne.')).toBeTruthy();
    await choose(screen.getByRole('combobox', { name: 'Kieli' }) as HTMLSelectElement, 'gu');
    await tick();
    expect(screen.getByRole('heading', { name: 'સેટિંગ્સ' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'સર્વર પર પાછા જાઓ' })).toBeTruthy();
    expect(fake.callsOf('updateSettings')).toEqual([{ language: 'fi' }, { language: 'gu' }]);
    // A later push from main keeps the language.
    fake.setState((s) => ({ ...s, sync: { ...s.sync, refreshing: true } }));
    await tick();
    expect(screen.getByRole('heading', { name: 'સેટિંગ્સ' })).toBeTruthy();
  });

  it('a refused language change goes back to the saved language', async () => {
    const { fake } = await app(signedInState(servers));
    fake.respond('updateSettings', async () => ({
      ok: false,
      error: { kind: 'internal', message: 'disk full' },
    }));
    await fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await choose(screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement, 'fi');
    await tick();
    await tick();
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByText('Something went wrong inside the app.').getAttribute('role')).toBe('alert');
  });
});
