import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CreateSnapshotDialog from '../../../src/renderer/components/dialogs/CreateSnapshotDialog.svelte';
import type { Operation } from '../../../src/shared/domain';
import type { InvokeInput } from '../../../src/shared/ipc';
import { NOW, failure, makeEntry, makeOperation, makeSnapshot, pendingCall } from './fixtures';

type CreateInput = InvokeInput<'createSnapshot'>;

function setup(options: { entry?: ReturnType<typeof makeEntry>; template?: string } = {}) {
  const call = pendingCall<CreateInput, Operation>();
  const onclose = vi.fn();
  const view = render(CreateSnapshotDialog, {
    entry: options.entry ?? makeEntry(),
    nameTemplate: options.template ?? '{server}-{yyyyMMdd-HHmm}',
    now: NOW,
    api: { createSnapshot: call.fn },
    onclose,
  });
  const name = screen.getByLabelText('Snapshot name') as HTMLInputElement;
  const submit = screen.getByRole('button', { name: 'Take snapshot' }) as HTMLButtonElement;
  return { ...view, call, onclose, name, submit };
}

describe('CreateSnapshotDialog', () => {
  it('opens as a modal labelled by its title, with the name prefilled from the template and focused', () => {
    const { name } = setup();
    const dialog = screen.getByRole('dialog', { name: 'New snapshot of web-server-01' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(name.value).toBe('web-server-01-20250120-1200');
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('false');
  });

  it('says beside the prefilled name that its time is local (the clock the user sees), until it is edited', async () => {
    const { name } = setup();
    const note = screen.getByTestId('name-clock');
    expect(note.textContent).toBe("The time in the name is this computer's local time (12:00 PM).");
    expect(name.getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
    await fireEvent.input(name, { target: { value: 'my-own-name' } });
    expect(screen.queryByTestId('name-clock')).toBeNull();
  });

  it('says so when the template asks for UTC', () => {
    setup({ template: '{server}-{utc:HHmm}' });
    expect(screen.getByTestId('name-clock').textContent).toBe(
      'The time in the name is in UTC, as your name template asks.',
    );
  });

  it('a template without a date part gets no clock note', () => {
    setup({ template: 'pre-{server}' });
    expect(screen.queryByTestId('name-clock')).toBeNull();
  });

  it('explains an empty name and disables submit', async () => {
    const { name, submit } = setup();
    await fireEvent.input(name, { target: { value: '' } });
    expect(screen.getByText('Enter a name for the snapshot.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(submit.disabled).toBe(true);
  });

  it('names the characters the rule refuses, and links the reason to the field', async () => {
    const { name, submit } = setup();
    await fireEvent.input(name, { target: { value: 'my snap.shot!' } });
    const reason = screen.getByText(/The name cannot contain/);
    expect(reason.textContent).toContain('spaces');
    expect(reason.textContent).toContain('“.”');
    expect(reason.textContent).toContain('“!”');
    expect(name.getAttribute('aria-describedby')?.split(' ')).toContain(reason.id);
    expect(submit.disabled).toBe(true);
  });

  it('says how long a too-long name is', async () => {
    const { name, submit } = setup();
    await fireEvent.input(name, { target: { value: 'a'.repeat(65) } });
    expect(screen.getByText('The name is 65 characters long; at most 64 are allowed.')).toBeTruthy();
    expect(submit.disabled).toBe(true);
    await fireEvent.input(name, { target: { value: 'a'.repeat(64) } });
    expect(screen.queryByText(/characters long/)).toBeNull();
    expect(submit.disabled).toBe(false);
  });

  it('refuses control characters in the description', async () => {
    const { submit } = setup();
    const description = screen.getByLabelText('Description (optional)');
    await fireEvent.input(description, { target: { value: 'bell\u0007' } });
    expect(screen.getByText(/invisible control characters/)).toBeTruthy();
    expect(description.getAttribute('aria-invalid')).toBe('true');
    expect(submit.disabled).toBe(true);
  });

  it('shows the quota as n/5', () => {
    setup();
    expect(screen.getByTestId('quota').textContent).toContain('2/5');
    expect(screen.queryByTestId('quota-full')).toBeNull();
  });

  it('at 5/5 says so, lists what could be deleted oldest first, and disables submit', () => {
    const snapshots = [
      makeSnapshot({
        id: 5,
        name: 'newest-in-progress',
        status: 'in_progress',
        createdAt: '2025-01-20T11:58:00Z',
      }),
      makeSnapshot({ id: 4, name: 'fourth', createdAt: '2025-01-18T00:00:00Z' }),
      makeSnapshot({ id: 3, name: 'third-failed', status: 'failed', createdAt: '2025-01-12T00:00:00Z' }),
      makeSnapshot({ id: 2, name: 'second', createdAt: '2025-01-05T00:00:00Z' }),
      makeSnapshot({ id: 1, name: 'oldest', createdAt: '2024-12-01T00:00:00Z' }),
    ];
    const { submit } = setup({ entry: makeEntry({}, snapshots) });
    expect(screen.getByTestId('quota').textContent).toContain('5/5');
    const full = screen.getByTestId('quota-full');
    expect(full.textContent).toContain('already has 5 snapshots');
    const items = within(full)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.split(',')[0]);
    expect(items).toEqual(['oldest', 'second', 'third-failed', 'fourth']);
    expect(submit.disabled).toBe(true);
  });

  it('shows the documented advice to stop a running server first', () => {
    setup();
    expect(screen.getByTestId('active-advice').textContent).toContain('stop the server first');
  });

  it('gives no stop advice for a stopped server', () => {
    setup({ entry: makeEntry({ status: 'stopped' }) });
    expect(screen.queryByTestId('active-advice')).toBeNull();
  });

  it('makes one call for a double submit, disables while in flight, and closes on success', async () => {
    const { call, onclose, name, submit, container } = setup();
    await fireEvent.input(name, { target: { value: 'before-update-snapshot' } });
    await fireEvent.input(screen.getByLabelText('Description (optional)'), {
      target: { value: 'Snapshot before system update' },
    });
    const form = container.ownerDocument.querySelector('form') as HTMLFormElement;
    await fireEvent.click(submit);
    await fireEvent.click(submit);
    await fireEvent.submit(form);
    expect(call.fn).toHaveBeenCalledTimes(1);
    expect(call.fn).toHaveBeenCalledWith({
      serverId: 12345,
      name: 'before-update-snapshot',
      description: 'Snapshot before system update',
    });
    expect(submit.disabled).toBe(true);
    expect(submit.textContent?.trim()).toBe('Starting…');
    expect(onclose).not.toHaveBeenCalled();
    call.settle({ ok: true, value: makeOperation() });
    await vi.waitFor(() => expect(onclose).toHaveBeenCalledTimes(1));
    expect(call.fn).toHaveBeenCalledTimes(1);
  });

  it('shows a failure in plain language and lets the user try again', async () => {
    const { call, onclose, submit } = setup();
    await fireEvent.click(submit);
    call.settle(failure({ kind: 'limit_reached', message: 'Snapshot limit reached for this server (5).' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('already has the most snapshots allowed');
    expect(alert.textContent).toContain('Snapshot limit reached for this server (5).');
    expect(onclose).not.toHaveBeenCalled();
    expect(submit.disabled).toBe(false);
    await fireEvent.click(submit);
    expect(call.fn).toHaveBeenCalledTimes(2);
  });

  it('refuses a name the server already uses, and prefills a free one', async () => {
    const taken = makeSnapshot({ id: 9, name: 'web-server-01', createdAt: '2025-01-19T00:00:00Z' });
    const { name, submit } = setup({ entry: makeEntry({}, [taken]), template: '{server}' });
    expect(name.value).toBe('web-server-01-2');
    expect(submit.disabled).toBe(false);
    await fireEvent.input(name, { target: { value: 'web-server-01' } });
    expect(
      screen.getByText('web-server-01 already has a snapshot named web-server-01. Choose another name.'),
    ).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(submit.disabled).toBe(true);
  });

  it('refuses while the server is being restored', () => {
    const { submit } = setup({ entry: makeEntry({ status: 'restoring' }) });
    expect(screen.getByTestId('create-refused').textContent).toContain('being restored right now');
    expect(screen.queryByTestId('active-advice')).toBeNull();
    expect(submit.disabled).toBe(true);
  });

  it('renders a hostile server name as text, never as markup', () => {
    setup({ entry: makeEntry({ name: '<img src=x onerror=alert(1)>' }) });
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('img')).toBeNull();
    expect(dialog.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('closes on Esc and on Cancel', async () => {
    const { onclose } = setup();
    await fireEvent.keyDown(screen.getByLabelText('Snapshot name'), { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onclose).toHaveBeenCalledTimes(2);
  });
});
