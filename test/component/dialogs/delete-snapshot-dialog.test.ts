import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import DeleteSnapshotDialog from '../../../src/renderer/components/dialogs/DeleteSnapshotDialog.svelte';
import type { Snapshot } from '../../../src/shared/domain';
import type { InvokeInput } from '../../../src/shared/ipc';
import { failure, makeEntry, makeSnapshot, pendingCall } from './fixtures';

type DeleteInput = InvokeInput<'deleteSnapshot'>;

function setup(snapshot: Snapshot = makeSnapshot(), pinned = false) {
  const call = pendingCall<DeleteInput, null>();
  const onclose = vi.fn();
  const ondeleted = vi.fn();
  const view = render(DeleteSnapshotDialog, {
    entry: makeEntry(),
    snapshot,
    pinned,
    api: { deleteSnapshot: call.fn },
    onclose,
    ondeleted,
  });
  const button = screen.getByRole('button', { name: 'Delete permanently' }) as HTMLButtonElement;
  return { ...view, call, onclose, ondeleted, button };
}

describe('DeleteSnapshotDialog', () => {
  it('names the snapshot and the server, and says it is permanent', () => {
    const { button } = setup();
    const dialog = screen.getByRole('dialog', { name: 'Delete snapshot' });
    expect(screen.getByTestId('delete-question').textContent).toContain(
      'Delete the snapshot pre-migration-snapshot of web-server-01?',
    );
    expect(dialog.textContent).toContain('Before major migration');
    expect(dialog.textContent).toContain('5 GB');
    expect(dialog.textContent).toContain('permanent');
    expect(button.disabled).toBe(false);
    // The safe choice has the focus, so a stray Enter does not delete.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('calls once for a double click, disables while in flight, and closes on success, confirming it', async () => {
    const { call, onclose, ondeleted, button } = setup();
    await fireEvent.click(button);
    await fireEvent.click(button);
    expect(call.fn).toHaveBeenCalledTimes(1);
    expect(call.fn).toHaveBeenCalledWith({ serverId: 12345, snapshotId: 801 });
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Deleting…');
    expect(ondeleted).not.toHaveBeenCalled();
    call.settle({ ok: true, value: null });
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledTimes(1));
    expect(ondeleted).toHaveBeenCalledTimes(1);
  });

  it('a pinned snapshot asks a second time, then deletes saying the user confirmed twice', async () => {
    const { call, onclose, button } = setup(makeSnapshot(), true);
    expect(screen.queryByTestId('delete-pinned-warning')).toBeNull();
    await fireEvent.click(button);
    // The first confirmation only asks again.
    expect(call.fn).not.toHaveBeenCalled();
    expect(screen.getByTestId('delete-pinned-warning').textContent).toContain(
      '“pre-migration-snapshot” is pinned',
    );
    const again = screen.getByRole('button', { name: 'Delete the pinned snapshot' });
    await fireEvent.click(again);
    expect(call.fn).toHaveBeenCalledTimes(1);
    expect(call.fn).toHaveBeenCalledWith({ serverId: 12345, snapshotId: 801, confirmPinned: true });
    call.settle({ ok: true, value: null });
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledTimes(1));
  });

  it('a pinned snapshot: Cancel after the first confirmation deletes nothing', async () => {
    const { call, onclose, button } = setup(makeSnapshot(), true);
    await fireEvent.click(button);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(call.fn).not.toHaveBeenCalled();
  });

  it('says a failed snapshot has no size, rather than "not known yet"', () => {
    setup(makeSnapshot({ status: 'failed', sizeMb: null }));
    expect(screen.getByRole('dialog').textContent).toContain('no size (failed)');
  });

  it('refuses a snapshot that is still being created', async () => {
    const { call, button, container } = setup(makeSnapshot({ status: 'in_progress', sizeMb: null }));
    expect(screen.getByTestId('delete-refused').textContent).toContain('still being created');
    expect(screen.getByRole('dialog').textContent).toContain('size not known yet');
    expect(button.disabled).toBe(true);
    await fireEvent.submit(container.ownerDocument.querySelector('form') as HTMLFormElement);
    expect(call.fn).not.toHaveBeenCalled();
  });

  it('shows the error and stays open', async () => {
    const { call, onclose, ondeleted, button } = setup();
    await fireEvent.click(button);
    call.settle(failure({ kind: 'not_found', message: 'Snapshot 801 was not found.' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no longer exists');
    expect(alert.textContent).toContain('Snapshot 801 was not found.');
    expect(onclose).not.toHaveBeenCalled();
    expect(ondeleted).not.toHaveBeenCalled();
  });

  it('renders a hostile snapshot name and description as text', () => {
    setup(makeSnapshot({ name: '<b>bold</b>', description: '<script>alert(1)</script>' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('b, script')).toBeNull();
    expect(dialog.textContent).toContain('<script>alert(1)</script>');
  });

  it('closes on Esc (the dialog cancel event) and on Cancel', async () => {
    const { onclose } = setup();
    await fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalledTimes(2);
  });
});
