import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import SnapshotList from '../../src/renderer/components/snapshots/SnapshotList.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import type { ServerEntry } from '../../src/shared/state';
import { makeEntry, makeOperation, makeSnapshot, signedInState } from './fake-vps';
import { startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const NOW = Date.parse('2025-01-20T10:04:00Z');

async function show(entry: ServerEntry, extra: Parameters<typeof signedInState>[1] = {}) {
  const ctx = await startedStore(signedInState([entry], extra), NOW);
  render(SnapshotList, { props: { entry, store: ctx.store } });
  return ctx;
}

/** Why a button cannot work, as its accessible description says; null when it can. */
function reasonOf(button: HTMLElement): string | null {
  if (button.getAttribute('aria-disabled') !== 'true') return null;
  const id = button.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
}

function button(name: string): HTMLElement {
  return screen.getByRole('button', { name });
}

describe('SnapshotList', () => {
  it('lists name, status, size, relative created time with the absolute one on hover, description', async () => {
    await show(makeEntry({}, [makeSnapshot()]));
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('pre-migration-snapshot');
    expect(item.textContent).toContain('Completed');
    expect(item.textContent).toContain('5 GB');
    expect(item.textContent).toContain('Before major migration');
    const time = item.querySelector('time') as HTMLTimeElement;
    // 4 days and 17 hours: ages are rounded down, as in the tray, never claiming more time than passed.
    expect(time.textContent?.trim()).toBe('Created 4 days ago');
    expect(time.getAttribute('datetime')).toBe('2025-01-15T18:30:00Z');
    expect(time.title).toMatch(/Jan 15, 2025/);
    expect(screen.getByText('1 of 5 snapshots used')).toBeTruthy();
    expect(reasonOf(button('Restore web-server-01 from pre-migration-snapshot'))).toBeNull();
    expect(reasonOf(button('Create snapshot'))).toBeNull();
  });

  it('says "just now" for a snapshot made moments ago', async () => {
    await show(makeEntry({}, [makeSnapshot({ createdAt: '2025-01-20T10:03:50Z' })]));
    expect(screen.getByRole('listitem').querySelector('time')?.textContent?.trim()).toBe('Created just now');
  });

  it('shows an in-progress snapshot with its elapsed time against 3-10 minutes and a progress bar', async () => {
    const running = makeSnapshot({
      id: 802,
      name: 'before-update',
      status: 'in_progress',
      sizeMb: null,
      createdAt: '2025-01-20T10:00:00Z',
    });
    const { setNow } = await show(makeEntry({}, [running]));
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('Running for 4 min 0 sec. Snapshots usually take 3-10 minutes.');
    expect(item.textContent).toContain('size not known yet');
    const bar = screen.getByRole('progressbar', {
      name: 'Progress of snapshot before-update',
    }) as HTMLProgressElement;
    expect(bar.value).toBe(4 * 60_000);
    expect(bar.max).toBe(10 * 60_000);
    expect(reasonOf(button('Restore web-server-01 from before-update'))).toBe(
      'This snapshot is still being created. It can be restored once it has completed.',
    );
    expect(reasonOf(button('Delete snapshot before-update'))).toBe(
      'This snapshot is still being created. It can be deleted once it has finished.',
    );
    setNow(Date.parse('2025-01-20T10:12:30Z'));
    await Promise.resolve();
    expect(screen.getByRole('listitem').textContent).toContain(
      'Running for 12 min 30 sec, longer than the usual 3-10 minutes',
    );
  });

  it('counts elapsed time from our own record of the create when there is one', async () => {
    const running = makeSnapshot({
      id: 802,
      name: 'quick',
      status: 'in_progress',
      sizeMb: null,
      createdAt: '2025-01-20T10:03:00Z',
    });
    await show(makeEntry({}, [running]), {
      operations: [makeOperation({ snapshotId: 802, startedAt: '2025-01-20T10:01:30Z' })],
    });
    expect(screen.getByRole('listitem').textContent).toContain('Running for 2 min 30 sec.');
  });

  it('says plainly that a failed snapshot failed, and offers only delete', async () => {
    await show(makeEntry({}, [makeSnapshot({ id: 5, name: 'broken', status: 'failed', sizeMb: null })]));
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('This snapshot failed and cannot be restored.');
    // A failed snapshot will never get a size: it does not say "not known yet".
    expect(item.textContent).toContain('no size (failed)');
    expect(item.textContent).not.toContain('not known yet');
    expect(within(item).getByText('Failed').classList).toContain('tone-bad');
    expect(reasonOf(button('Restore web-server-01 from broken'))).toBe(
      'This snapshot failed, so it cannot be restored.',
    );
    expect(reasonOf(button('Delete snapshot broken'))).toBeNull();
  });

  it('shows an unknown status as the API sent it', async () => {
    await show(makeEntry({}, [makeSnapshot({ status: 'archiving' })]));
    expect(screen.getByRole('listitem').textContent).toContain('VPS.org reports the status “archiving”.');
  });

  it('explains snapshots versus backups when there are none', async () => {
    await show(makeEntry({}, []));
    expect(screen.getByRole('heading', { name: 'No snapshots yet' })).toBeTruthy();
    expect(screen.getByText(/quick restore point/)).toBeTruthy();
    expect(screen.getByText(/Snapshots are not backups/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows a restoring server with the elapsed time and blocks other restores', async () => {
    await show(makeEntry({ status: 'restoring' }, [makeSnapshot()]), {
      operations: [
        makeOperation({
          kind: 'restore',
          startedAt: '2025-01-20T10:00:00Z',
          snapshotName: 'pre-migration-snapshot',
        }),
      ],
    });
    expect(
      screen.getByText('This server is being restored: 4 min 0 sec so far, usually 5-15 minutes.'),
    ).toBeTruthy();
    expect(reasonOf(button('Restore web-server-01 from pre-migration-snapshot'))).toBe(
      'web-server-01 is already being restored. Wait until that has finished.',
    );
    expect(reasonOf(button('Create snapshot'))).toBe(
      'web-server-01 is being restored right now. Take a snapshot after the restore has finished.',
    );
  });

  it('says before the click why the snapshot a running restore reads cannot be deleted, and opens nothing', async () => {
    const other = makeSnapshot({ id: 798, name: 'weekly' });
    await show(makeEntry({ status: 'restoring' }, [makeSnapshot(), other]), {
      operations: [
        makeOperation({ kind: 'restore', snapshotId: 801, snapshotName: 'pre-migration-snapshot' }),
      ],
    });
    const del = button('Delete snapshot pre-migration-snapshot');
    expect(reasonOf(del)).toBe(
      'web-server-01 is being restored from this snapshot. It can be deleted once the restore has finished.',
    );
    await fireEvent.click(del);
    expect(document.querySelector('dialog')).toBeNull();
    // Another snapshot of the same server can still go.
    expect(reasonOf(button('Delete snapshot weekly'))).toBeNull();
  });

  it('at 5 of 5, the main Create button says why and which snapshot is the oldest, and opens nothing', async () => {
    await show(
      makeEntry(
        {},
        [1, 2, 3, 4, 5].map((n) =>
          makeSnapshot({ id: n, name: `s${n}`, createdAt: `2025-01-1${n}T00:00:00Z` }),
        ),
      ),
    );
    expect(screen.getByText('5 of 5 snapshots used').classList).toContain('full');
    const create = button('Create snapshot');
    expect(reasonOf(create)).toBe(
      'This server already has 5 snapshots, the most VPS.org allows. Delete one before taking a new one. The oldest is s1, taken 9 days ago.',
    );
    await fireEvent.click(create);
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('opens the create, restore and delete dialogs and returns focus when one closes', async () => {
    await show(makeEntry({}, [makeSnapshot()]));
    const create = screen.getByRole('button', { name: 'Create snapshot' });
    create.focus();
    await fireEvent.click(create);
    const dialog = document.querySelector('dialog');
    expect(dialog).not.toBeNull();
    await fireEvent.click(within(dialog as HTMLElement).getByRole('button', { name: 'Cancel' }));
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(create);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete snapshot pre-migration-snapshot' }));
    expect(document.querySelector('dialog')?.textContent).toContain('pre-migration-snapshot');
  });

  it('pins and unpins: a toggle button with its state, a badge, and the delete dialog asks twice', async () => {
    const entry = makeEntry({}, [makeSnapshot()]);
    const ctx = await show(entry);
    const pin = button('Pin snapshot pre-migration-snapshot');
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByTestId('pinned-badge')).toBeNull();
    // A native button: reachable with Tab and pressed with Enter or Space.
    expect(pin.tagName).toBe('BUTTON');
    await fireEvent.click(pin);
    expect(ctx.fake.calls.filter((c) => c.name === 'setPinned')).toEqual([
      { name: 'setPinned', payload: { serverId: 12345, snapshotId: 801, pinned: true } },
    ]);
    const unpin = await screen.findByRole('button', { name: 'Unpin snapshot pre-migration-snapshot' });
    expect(unpin.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('pinned-badge').textContent).toBe('Pinned');

    await fireEvent.click(button('Delete snapshot pre-migration-snapshot'));
    await fireEvent.click(button('Delete permanently'));
    expect(screen.getByTestId('delete-pinned-warning')).toBeTruthy();
    expect(ctx.fake.calls.some((c) => c.name === 'deleteSnapshot')).toBe(false);
    await fireEvent.click(button('Cancel'));

    await fireEvent.click(unpin);
    await screen.findByRole('button', { name: 'Pin snapshot pre-migration-snapshot' });
    expect(screen.queryByTestId('pinned-badge')).toBeNull();
  });

  it('says why a pin could not be changed', async () => {
    const ctx = await show(makeEntry({}, [makeSnapshot()]));
    ctx.fake.respond('setPinned', () => ({
      ok: false,
      error: { kind: 'not_found', message: 'This snapshot no longer exists.' },
    }));
    await fireEvent.click(button('Pin snapshot pre-migration-snapshot'));
    expect((await screen.findByTestId('pin-error')).textContent).toContain('The pin could not be changed');
  });
});
