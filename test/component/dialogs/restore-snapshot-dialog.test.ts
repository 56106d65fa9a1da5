import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import RestoreSnapshotDialog from '../../../src/renderer/components/dialogs/RestoreSnapshotDialog.svelte';
import type { Operation, Snapshot } from '../../../src/shared/domain';
import type { InvokeInput } from '../../../src/shared/ipc';
import { NOW, failure, makeEntry, makeOperation, makeSnapshot, pendingCall } from './fixtures';

type RestoreInput = InvokeInput<'restoreSnapshot'>;

function setup(options: { entry?: ReturnType<typeof makeEntry>; snapshot?: Snapshot } = {}) {
  const call = pendingCall<RestoreInput, Operation>();
  const onclose = vi.fn();
  const view = render(RestoreSnapshotDialog, {
    entry: options.entry ?? makeEntry(),
    snapshot: options.snapshot ?? makeSnapshot(),
    now: NOW,
    api: { restoreSnapshot: call.fn },
    onclose,
  });
  const button = screen.getByRole('button', { name: 'Restore and overwrite' }) as HTMLButtonElement;
  return { ...view, call, onclose, button };
}

function confirmField(): HTMLInputElement {
  return screen.getByLabelText(/To confirm, type the name of the server/) as HTMLInputElement;
}

describe('RestoreSnapshotDialog', () => {
  it('says what will be lost, its age in words, the stop, the duration, and that it is final', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Restore web-server-01' });
    const text = dialog.textContent ?? '';
    expect(text).toContain('pre-migration-snapshot');
    expect(text).toContain('4 days ago');
    expect(text).toContain('Everything written to the server since then');
    expect(text).toContain('stopped first');
    expect(text).toContain('5-15 minutes');
    expect(text).toContain('cannot be undone');
    // The warning text is what a screen reader hears as the dialog's description.
    const describedBy = dialog.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toContain('cannot be undone');
    expect(document.activeElement).toBe(confirmField());
  });

  it('enables the button only for the exact server name: case and spaces count', async () => {
    const { button } = setup();
    const field = confirmField();
    expect(button.disabled).toBe(true);
    for (const wrong of [
      'web-server-0',
      'Web-Server-01',
      'WEB-SERVER-01',
      ' web-server-01',
      'web-server-01 ',
      'web server 01',
    ]) {
      await fireEvent.input(field, { target: { value: wrong } });
      expect(button.disabled, wrong).toBe(true);
    }
    await fireEvent.input(field, { target: { value: 'Web-Server-01' } });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/exactly as shown/)).toBeTruthy();
    await fireEvent.input(field, { target: { value: 'web-server-01' } });
    expect(button.disabled).toBe(false);
    expect(field.getAttribute('aria-invalid')).toBe('false');
  });

  it('does not call the API when submitted before the name is typed', async () => {
    const { call, container } = setup();
    await fireEvent.submit(container.ownerDocument.querySelector('form') as HTMLFormElement);
    expect(call.fn).not.toHaveBeenCalled();
  });

  it('passes the typed name, makes one call for a double submit, and closes on success', async () => {
    const { call, onclose, button, container } = setup();
    await fireEvent.input(confirmField(), { target: { value: 'web-server-01' } });
    await fireEvent.click(button);
    await fireEvent.click(button);
    await fireEvent.submit(container.ownerDocument.querySelector('form') as HTMLFormElement);
    expect(call.fn).toHaveBeenCalledTimes(1);
    expect(call.fn).toHaveBeenCalledWith({
      serverId: 12345,
      snapshotId: 801,
      confirmServerName: 'web-server-01',
      // Ticked by default: a slot is free.
      safetySnapshot: true,
    });
    expect(button.disabled).toBe(true);
    call.settle({ ok: true, value: makeOperation('restore') });
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledTimes(1));
  });

  it('offers a snapshot of the current state first, ticked while a slot is free, and says what it adds', async () => {
    const { call, button } = setup();
    const box = screen.getByRole('checkbox', {
      name: 'Snapshot the current state first',
    }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.getByRole('dialog').textContent).toContain('This adds 3-10 minutes');
    expect(screen.getByRole('dialog').textContent).toContain('If the snapshot fails, nothing is restored');
    // Unticked: a plain restore.
    await fireEvent.click(box);
    expect(box.checked).toBe(false);
    await fireEvent.input(confirmField(), { target: { value: 'web-server-01' } });
    await fireEvent.click(button);
    expect(call.fn).toHaveBeenCalledWith({
      serverId: 12345,
      snapshotId: 801,
      confirmServerName: 'web-server-01',
    });
  });

  it('at 5 of 5 says there is no free slot for it and restores without it', async () => {
    const full = [801, 802, 803, 804, 805].map((id) => makeSnapshot({ id, name: `s-${id}` }));
    const { call, button } = setup({ entry: makeEntry({}, full), snapshot: full[0] });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByTestId('restore-no-slot').textContent).toContain('already has 5 of 5 snapshots');
    await fireEvent.input(confirmField(), { target: { value: 'web-server-01' } });
    await fireEvent.click(button);
    expect(call.fn).toHaveBeenCalledWith({
      serverId: 12345,
      snapshotId: 801,
      confirmServerName: 'web-server-01',
    });
  });

  it('shows the error in plain language and stays open', async () => {
    const { call, onclose, button } = setup();
    await fireEvent.input(confirmField(), { target: { value: 'web-server-01' } });
    await fireEvent.click(button);
    call.settle(failure({ kind: 'network', message: 'Could not connect to admin.vps.org.' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be reached');
    expect(alert.textContent).toContain('Could not connect to admin.vps.org.');
    expect(onclose).not.toHaveBeenCalled();
    expect(button.disabled).toBe(false);
  });

  it('refuses a snapshot that is still in progress, with the button disabled', () => {
    const { button } = setup({ snapshot: makeSnapshot({ status: 'in_progress', sizeMb: null }) });
    expect(screen.getByTestId('restore-refused').textContent).toContain('still being created');
    expect(screen.queryByLabelText(/To confirm/)).toBeNull();
    expect(button.disabled).toBe(true);
  });

  it('refuses a failed snapshot', () => {
    setup({ snapshot: makeSnapshot({ status: 'failed' }) });
    expect(screen.getByTestId('restore-refused').textContent).toContain('failed');
  });

  it('names an unknown snapshot status as it is', () => {
    setup({ snapshot: makeSnapshot({ status: 'archived' }) });
    expect(screen.getByTestId('restore-refused').textContent).toContain('“archived”');
  });

  it('refuses while the server is already restoring', () => {
    const { button } = setup({ entry: makeEntry({ status: 'restoring' }) });
    expect(screen.getByTestId('restore-refused').textContent).toContain('already being restored');
    expect(button.disabled).toBe(true);
  });

  it('refuses for a suspended server', () => {
    const { button } = setup({ entry: makeEntry({ status: 'suspended' }) });
    expect(screen.getByTestId('restore-refused').textContent).toContain('suspended');
    expect(button.disabled).toBe(true);
  });

  it('allows a stopped server', async () => {
    const { button } = setup({ entry: makeEntry({ status: 'stopped' }) });
    expect(screen.queryByTestId('restore-refused')).toBeNull();
    await fireEvent.input(confirmField(), { target: { value: 'web-server-01' } });
    expect(button.disabled).toBe(false);
  });

  it('closes on Esc', async () => {
    const { onclose } = setup();
    await fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});
