// The history view: reached from the header, lists the account's entries newest first in the
// user's language, filters by server from the keyboard, reloads when main says the history changed,
// and exports JSON and CSV for the chosen server (saved by main, or handed over as a download).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import App from '../../src/renderer/App.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import type { HistoryEntry } from '../../src/shared/history';
import { en } from '../../src/shared/i18n/messages/en';
import { safetyEn } from '../../src/shared/i18n/messages/safety.en';
import { safetyFi } from '../../src/shared/i18n/messages/safety.fi';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { makeEntry, makeSnapshot, signedInState } from './fake-vps';
import { choose, startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const ENTRIES: HistoryEntry[] = [
  {
    id: 'h-3',
    at: '2025-01-20T10:00:00Z',
    startedAt: null,
    kind: 'create',
    source: 'tray',
    serverId: 2,
    serverName: 'db-server-01',
    snapshotId: null,
    snapshotName: '',
    result: 'refused',
    error: { kind: 'limit_reached' },
  },
  {
    id: 'op-2',
    at: '2025-01-20T09:00:00Z',
    startedAt: '2025-01-20T08:50:00Z',
    kind: 'create',
    source: 'window',
    serverId: 1,
    serverName: 'web-server-01',
    snapshotId: 802,
    snapshotName: 'before-update',
    result: 'succeeded',
    outcome: { type: 'created', sizeMb: 2048 },
  },
  {
    id: 'h-1',
    at: '2025-01-19T09:00:00Z',
    startedAt: null,
    kind: 'delete',
    source: 'window',
    serverId: 1,
    serverName: 'web-server-01',
    snapshotId: 700,
    snapshotName: 'old-one',
    result: 'succeeded',
    error: null,
  },
];

async function openHistory(entries: HistoryEntry[], language: 'en' | 'fi' = 'en') {
  const servers = [makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()])];
  const ctx = await startedStore(signedInState(servers, { settings: { ...DEFAULT_SETTINGS, language } }));
  ctx.fake.respond('getHistory', () => ({ ok: true, value: entries }));
  render(App, { props: { store: ctx.store } });
  await tick();
  const texts = language === 'fi' ? safetyFi : safetyEn;
  await fireEvent.click(screen.getByRole('button', { name: texts['header.history'] }));
  await screen.findByText(language === 'fi' ? '3 merkintää' : '3 entries');
  return ctx;
}

function rows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent?.trim() ?? ''),
    );
}

describe('history view', () => {
  it('lists the entries newest first with what, from where and how each ended', async () => {
    await openHistory(ENTRIES);
    const shown = rows();
    expect(shown.map((r) => r.slice(1, 6))).toEqual([
      ['Snapshot', 'db-server-01', '', 'Tray', 'Refused'],
      ['Snapshot', 'web-server-01', 'before-update', 'Window', 'Done'],
      ['Delete', 'web-server-01', 'old-one', 'Window', 'Done'],
    ]);
    expect(shown[2]?.[6]).toBe(safetyEn['history.deleted']);
    expect(shown[1]?.[6]).toMatch(/2(\.0)? GB/);
    // Back to the servers.
    await fireEvent.click(screen.getByRole('button', { name: en['header.backToServers'] }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('filters by server with the keyboard-reachable select, and says when a server has nothing', async () => {
    await openHistory(ENTRIES);
    const select = screen.getByLabelText(safetyEn['history.filterLabel']) as HTMLSelectElement;
    // A native select: focusable and operable from the keyboard.
    select.focus();
    expect(document.activeElement).toBe(select);
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      safetyEn['history.allServers'],
      'db-server-01',
      'web-server-01',
    ]);
    await choose(select, '1');
    expect(rows().map((r) => r[2])).toEqual(['web-server-01', 'web-server-01']);
    expect(screen.getByTestId('history-count').textContent).toBe('2 entries');
    await choose(select, '');
    expect(rows()).toHaveLength(3);
  });

  it('reads the history again when main says it changed', async () => {
    const ctx = await openHistory(ENTRIES);
    const more: HistoryEntry = {
      ...ENTRIES[2],
      id: 'h-4',
      at: '2025-01-20T11:00:00Z',
      snapshotName: 'newest',
    } as HistoryEntry;
    ctx.fake.respond('getHistory', () => ({ ok: true, value: [more, ...ENTRIES] }));
    ctx.fake.setState((s) => ({ ...s, historyRevision: s.historyRevision + 1 }));
    await screen.findByText('4 entries');
    expect(rows()[0]?.[3]).toBe('newest');
  });

  it('exports JSON and CSV of the chosen server, and says where the file went', async () => {
    const ctx = await openHistory(ENTRIES);
    ctx.fake.respond('exportHistory', (p) => ({
      ok: true,
      value: { kind: 'saved', path: `/home/ada/history.${p.format}` },
    }));
    await fireEvent.click(screen.getByRole('button', { name: safetyEn['history.exportJson'] }));
    await screen.findByText('Saved to /home/ada/history.json.');
    await choose(screen.getByLabelText(safetyEn['history.filterLabel']) as HTMLSelectElement, '2');
    await fireEvent.click(screen.getByRole('button', { name: safetyEn['history.exportCsv'] }));
    await screen.findByText('Saved to /home/ada/history.csv.');
    expect(ctx.fake.callsOf('exportHistory')).toEqual([{ format: 'json' }, { format: 'csv', serverId: 2 }]);
  });

  it('says so when the export is cancelled or fails', async () => {
    const ctx = await openHistory(ENTRIES);
    ctx.fake.respond('exportHistory', () => ({ ok: true, value: { kind: 'cancelled' } }));
    await fireEvent.click(screen.getByRole('button', { name: safetyEn['history.exportCsv'] }));
    await screen.findByText(safetyEn['history.cancelled']);
    ctx.fake.respond('exportHistory', () => ({
      ok: false,
      error: {
        kind: 'internal',
        message: 'The file could not be written: EACCES.',
        code: 'core.exportFailed',
        params: { reason: 'EACCES' },
      },
    }));
    await fireEvent.click(screen.getByRole('button', { name: safetyEn['history.exportJson'] }));
    await screen.findByText(/could not be written: EACCES/);
  });

  it('speaks Finnish', async () => {
    await openHistory(ENTRIES, 'fi');
    expect(rows()[0]?.slice(1, 6)).toEqual(['Tilannevedos', 'db-server-01', '', 'Ilmoitusalue', 'Torjuttu']);
    expect(screen.getByRole('button', { name: safetyFi['history.exportCsv'] })).toBeTruthy();
  });

  it('says when there is nothing yet', async () => {
    const servers = [makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()])];
    const ctx = await startedStore(signedInState(servers));
    render(App, { props: { store: ctx.store } });
    await tick();
    await fireEvent.click(screen.getByRole('button', { name: safetyEn['header.history'] }));
    await screen.findByText(safetyEn['history.empty']);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
