/**
 * The invoke handlers built by createActions: one per contract call, the external-link allowlist,
 * showServer, and that handlers reach the same core actions (against the simulator).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createActions, isAllowedExternalUrl } from '../../src/main/actions';
import { INVOKE_NAMES } from '../../src/shared/ipc';
import type { Id } from '../../src/shared/domain';
import { createHarness, type Harness } from './core-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('external link allowlist', () => {
  it.each([
    'https://admin.vps.org/account/developers/',
    'https://www.vps.org/docs/snapshots',
    'https://vps.org/',
    'https://VPS.ORG/pricing',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://vps.org/',
    'http://admin.vps.org/',
    'https://vps.org.evil.example/',
    'https://evilvps.org/',
    'https://vps.org@evil.example/',
    'https://user:pw@admin.vps.org/',
    'https://admin.vps.org:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternal passes on only the normalised URL', () => {
  it.each([
    ['https://admin.vps.org\\@evil.example/', 'https://admin.vps.org/@evil.example/'],
    ['https://admin.vps.org\\\\evil.example/x', 'https://admin.vps.org//evil.example/x'],
    ['https://admin.vps.org/\t@evil.example', 'https://admin.vps.org/@evil.example'],
    [' https://WWW.VPS.ORG/docs\n', 'https://www.vps.org/docs'],
    ['https://vps.org/a b?q=<x>', 'https://vps.org/a%20b?q=%3Cx%3E'],
  ])('%j opens %s', async (raw, expected) => {
    h = await createHarness();
    const opened: string[] = [];
    const actions = createActions(h.core, {
      openExternal: (url) => void opened.push(url),
      showServer: () => undefined,
    });
    expect((await actions.openExternal({ url: raw })).ok).toBe(true);
    expect(opened).toEqual([expected]);
    // What reaches the OS is its own normal form, on vps.org.
    const sent = new URL(opened[0] ?? '');
    expect(sent.href).toBe(opened[0]);
    expect(sent.hostname.endsWith('vps.org')).toBe(true);
    expect(opened[0]).not.toContain('\\');
  });

  it.each(['https://admin.vps.org%2F@evil.example/', 'https://evil.example\\@admin.vps.org/'])(
    'refuses %j and opens nothing',
    async (raw) => {
      h = await createHarness();
      const opened: string[] = [];
      const actions = createActions(h.core, {
        openExternal: (url) => void opened.push(url),
        showServer: () => undefined,
      });
      const result = await actions.openExternal({ url: raw });
      expect(result.ok === false && result.error.kind).toBe('refused');
      expect(opened).toEqual([]);
    },
  );
});

describe('createActions', () => {
  it('has one handler per contract call, and they reach the core', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    const opened: string[] = [];
    const shown: Id[] = [];
    const actions = createActions(h.core, {
      openExternal: (url) => void opened.push(url),
      showServer: (id) => void shown.push(id),
    });
    expect(Object.keys(actions).sort()).toEqual([...INVOKE_NAMES].sort());

    const state = await actions.getState(undefined);
    expect(state.ok && state.value).toBe(h.core.getState());

    const quick = await actions.quickSnapshot({ serverId: 12345 });
    expect(quick.ok && quick.value.kind).toBe('create');
    expect(h.sim.snapshot().snapshots).toHaveLength(12);

    expect(await actions.openExternal({ url: 'https://admin.vps.org/account/' })).toEqual({
      ok: true,
      value: null,
    });
    const refused = await actions.openExternal({ url: 'https://example.com/' });
    expect(refused.ok === false && refused.error.kind).toBe('refused');
    expect(opened).toEqual(['https://admin.vps.org/account/']);

    expect((await actions.showServer({ serverId: 12345 })).ok).toBe(true);
    expect(shown).toEqual([12345]);

    const settings = await actions.updateSettings({ notifications: false });
    expect(settings.ok && settings.value.notifications).toBe(false);
    expect((await actions.refresh(undefined)).ok).toBe(true);
  });

  it('getLogFile answers with the log file the wiring passed, or null when there is none', async () => {
    h = await createHarness();
    const deps = { openExternal: () => undefined, showServer: () => undefined };
    const withFile = createActions(h.core, { ...deps, logFile: '/var/log/vps/main.log' });
    expect(await withFile.getLogFile(undefined)).toEqual({
      ok: true,
      value: { path: '/var/log/vps/main.log' },
    });
    expect(await createActions(h.core, deps).getLogFile(undefined)).toEqual({
      ok: true,
      value: { path: null },
    });
  });

  it('never throws when the OS fails to open a link', async () => {
    h = await createHarness();
    const actions = createActions(h.core, {
      openExternal: () => Promise.reject(new Error('no browser')),
      showServer: () => {
        throw new Error('no window');
      },
    });
    const open = await actions.openExternal({ url: 'https://www.vps.org/' });
    expect(open.ok === false && open.error.kind).toBe('internal');
    const show = await actions.showServer({ serverId: 1 });
    expect(show.ok === false && show.error.kind).toBe('internal');
  });
});
