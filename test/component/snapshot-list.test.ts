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
    expect(
      screen.getByRole('button', { name: 'Restore web-server-01 from pre-migration-snapshot' }),
    ).toHaveProperty('disabled', false);
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
    expect(screen.getByRole('button', { name: 'Restore web-server-01 from before-update' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByRole('button', { name: 'Delete snapshot before-update' })).toHaveProperty(
      'disabled',
      true,
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
    expect(within(item).getByText('Failed').classList).toContain('tone-bad');
    expect(screen.getByRole('button', { name: 'Restore web-server-01 from broken' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByRole('button', { name: 'Delete snapshot broken' })).toHaveProperty('disabled', false);
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
    expect(
      screen.getByRole('button', { name: 'Restore web-server-01 from pre-migration-snapshot' }),
    ).toHaveProperty('disabled', true);
  });

  it('marks a full quota', async () => {
    await show(
      makeEntry(
        {},
        [1, 2, 3, 4, 5].map((n) => makeSnapshot({ id: n, name: `s${n}` })),
      ),
    );
    expect(screen.getByText('5 of 5 snapshots used').classList).toContain('full');
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
});
