import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import ServerList from '../../src/renderer/components/servers/ServerList.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import type { Id } from '../../src/shared/domain';
import { makeEntry, makeSnapshot } from './fake-vps';
import { choose } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const NOW = Date.parse('2025-01-20T12:00:00Z');

const entries = [
  makeEntry(
    { id: 1, name: 'web-server-01', hostname: 'web01.example.com', status: 'active', location: 'us-west' },
    [
      makeSnapshot({ id: 11, createdAt: '2025-01-17T12:00:00Z' }),
      makeSnapshot({ id: 12, createdAt: '2025-01-10T12:00:00Z' }),
    ],
  ),
  makeEntry({
    id: 2,
    name: 'db-primary',
    hostname: 'db.example.com',
    status: 'stopped',
    location: 'eu-central',
  }),
  makeEntry(
    { id: 3, name: 'full-box', hostname: 'full.example.com', status: 'active', location: 'us-east' },
    [1, 2, 3, 4, 5].map((n) => makeSnapshot({ id: 30 + n })),
  ),
  makeEntry({
    id: 'uuid-4',
    name: 'legacy',
    hostname: 'old.example.com',
    status: 'suspended',
    location: 'ap-south',
  }),
];

function setup(selectedId: Id | null = 1, list = entries) {
  const onselect = vi.fn<(id: Id) => void>();
  const view = render(ServerList, { props: { entries: list, selectedId, now: NOW, onselect } });
  return { onselect, view, listbox: () => screen.getByRole('listbox', { name: 'Servers' }) };
}

describe('ServerList', () => {
  it('shows each server with hostname, status, location, plan, n/5 and the last snapshot age', () => {
    setup();
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options).toHaveLength(4);
    const first = options[0] as HTMLElement;
    expect(first.textContent).toContain('web-server-01');
    expect(first.textContent).toContain('web01.example.com · us-west · Standard VPS');
    expect(first.textContent).toContain('Active');
    expect(first.textContent).toContain('2 of 5 snapshots');
    expect(first.textContent).toContain('last: 3 days ago');
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect((options[1] as HTMLElement).textContent).toContain('no snapshots');
    expect(
      within(options[2] as HTMLElement)
        .getByText('5/5')
        .closest('.quota')?.classList,
    ).toContain('full');
  });

  it('filters by text (name, hostname, location) and by status', async () => {
    setup();
    const search = screen.getByRole('searchbox', { name: 'Filter servers' });
    await fireEvent.input(search, { target: { value: 'EU-central' } });
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('db-primary')]);
    expect(screen.getByText('1 of 4 servers')).toBeTruthy();
    await fireEvent.input(search, { target: { value: '' } });
    const status = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    await choose(status, 'active');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(2);
    await fireEvent.input(search, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No server matches the filter.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(4);
  });

  it('offers only statuses that are present, unknown ones as sent', () => {
    setup(1, [...entries, makeEntry({ id: 9, name: 'odd', status: 'migrating' })]);
    const status = screen.getByRole('combobox', { name: 'Status' });
    const labels = within(status)
      .getAllByRole('option')
      .map((o) => o.textContent?.trim());
    expect(labels).toEqual(['All statuses', 'Active', 'Stopped', 'Suspended', 'migrating']);
  });

  it('moves the selection with arrow keys, Home and End as a listbox', async () => {
    const { onselect, view, listbox } = setup(1);
    expect(listbox().getAttribute('aria-activedescendant')).toBe('server-option-0');
    await fireEvent.keyDown(listbox(), { key: 'ArrowDown' });
    expect(onselect).toHaveBeenLastCalledWith(2);
    await view.rerender({ selectedId: 2 });
    expect(listbox().getAttribute('aria-activedescendant')).toBe('server-option-1');
    await fireEvent.keyDown(listbox(), { key: 'ArrowUp' });
    expect(onselect).toHaveBeenLastCalledWith(1);
    await fireEvent.keyDown(listbox(), { key: 'End' });
    expect(onselect).toHaveBeenLastCalledWith('uuid-4');
    await fireEvent.keyDown(listbox(), { key: 'Home' });
    expect(onselect).toHaveBeenLastCalledWith(1);
    onselect.mockClear();
    await fireEvent.keyDown(listbox(), { key: 'a' });
    expect(onselect).not.toHaveBeenCalled();
  });

  it('keyboard navigation stays within the filtered servers', async () => {
    const { onselect, listbox } = setup(null);
    await choose(screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement, 'active');
    await fireEvent.keyDown(listbox(), { key: 'End' });
    expect(onselect).toHaveBeenLastCalledWith(3);
    await fireEvent.keyDown(listbox(), { key: 'Home' });
    expect(onselect).toHaveBeenLastCalledWith(1);
  });

  it('selects on click', async () => {
    const { onselect } = setup(1);
    await fireEvent.click(screen.getByText('legacy'));
    expect(onselect).toHaveBeenCalledWith('uuid-4');
  });

  it('renders only a window of a 1,000-server list and keeps the selected row rendered', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => makeEntry({ id: i + 1, name: `srv-${i + 1}` }));
    const { onselect, view, listbox } = setup(1, many);
    const rendered = within(screen.getByRole('listbox')).getAllByRole('option').length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    expect(
      within(screen.getByRole('listbox'))
        .getByRole('option', { name: /srv-1\b/ })
        .getAttribute('aria-setsize'),
    ).toBe('1000');
    await fireEvent.keyDown(listbox(), { key: 'End' });
    expect(onselect).toHaveBeenLastCalledWith(1000);
    await view.rerender({ selectedId: 1000 });
    const active = listbox().getAttribute('aria-activedescendant');
    expect(active).toBe('server-option-999');
    expect(document.getElementById(active as string)?.textContent).toContain('srv-1000');
  });

  it('shows skeleton rows while the first load runs, and an empty account plainly', async () => {
    const { view } = setup(null, []);
    expect(screen.getByText('There are no servers in this account.')).toBeTruthy();
    await view.rerender({ loading: true });
    expect(screen.getByRole('list', { name: 'Loading servers…' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
  });

  it('a focus request from main clears a filter hiding that server and focuses the list, once', async () => {
    const { view, listbox } = setup(1);
    const search = screen.getByRole('searchbox', { name: 'Filter servers' }) as HTMLInputElement;
    await fireEvent.input(search, { target: { value: 'db-' } });
    await view.rerender({ selectedId: 'uuid-4', focusSeq: 1 });
    await tick();
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(listbox());
    expect(listbox().getAttribute('aria-activedescendant')).toBe('server-option-3');
    // Typing afterwards is left alone.
    await fireEvent.input(search, { target: { value: 'web' } });
    await tick();
    expect(search.value).toBe('web');
    expect(within(listbox()).getAllByRole('option')).toHaveLength(1);
  });

  it('shows a running snapshot in the row instead of the age', () => {
    setup(1, [makeEntry({ id: 1 }, [makeSnapshot({ status: 'in_progress' }), makeSnapshot({ id: 2 })])]);
    const row = within(screen.getByRole('listbox')).getByRole('option');
    expect(row.textContent).toContain('In progress');
    expect(row.textContent).not.toContain('last:');
  });

  it('survives duplicate ids from the API', () => {
    setup(1, [makeEntry({ id: 1, name: 'one' }), makeEntry({ id: 1, name: 'one-again' })]);
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(2);
  });
});
