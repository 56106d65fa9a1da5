import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import Settings from '../../src/renderer/components/Settings.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import { makeEntry, makeState, signedInState } from './fake-vps';
import { startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const NOW = Date.parse('2025-01-20T10:04:00Z');

async function setup(state = signedInState([makeEntry({ id: 7, name: 'web server #1' })])) {
  const ctx = await startedStore(state, NOW);
  render(Settings, { props: { store: ctx.store } });
  return ctx;
}

function field(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

async function type(label: string | RegExp, value: string): Promise<void> {
  await fireEvent.input(field(label), { target: { value } });
}

async function save(): Promise<void> {
  await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
}

describe('Settings', () => {
  it('shows the saved values', async () => {
    await setup();
    expect(field('API address').value).toBe('https://admin.vps.org/api/v1/');
    expect(field('While an operation runs, check every (seconds)').value).toBe('10');
    expect(field('Name template').value).toBe('{server}-{yyyyMMdd-HHmm}');
    expect((screen.getByLabelText('Notify me when an operation ends') as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('previews the template live with the selected server and the current time (UTC)', async () => {
    await setup();
    expect(screen.getByText('Example: web-server-1-20250120-1004')).toBeTruthy();
    await type('Name template', 'pre-{id}-{yyyy}');
    expect(screen.getByText('Example: pre-7-2025')).toBeTruthy();
  });

  it('explains a template without placeholders at once and refuses to save it', async () => {
    const { fake } = await setup();
    await type('Name template', 'always-the-same');
    expect(field('Name template').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Include at least one part in braces, such as \{server\}/)).toBeTruthy();
    expect(screen.queryByText(/^Example:/)).toBeNull();
    await save();
    expect(fake.callsOf('updateSettings')).toEqual([]);
    expect(screen.getByText('Fix the marked fields first.')).toBeTruthy();
  });

  it('checks the API address and the intervals field by field', async () => {
    const { fake } = await setup();
    await type('API address', 'http://api.example.com/');
    expect(screen.getByText('Use https://. Plain http is allowed only for this computer.')).toBeTruthy();
    await type('API address', 'https://user:pw@api.example.com/');
    expect(screen.getByText('Leave the user name and password out of the address.')).toBeTruthy();
    await type('API address', 'http://127.0.0.1:8787/api/v1/');
    expect(field('API address').getAttribute('aria-invalid')).toBe('false');
    await type('While an operation runs, check every (seconds)', '1');
    expect(screen.getByText('Enter a whole number from 2 to 300.')).toBeTruthy();
    await type('In the background, refresh every (minutes)', '2.5');
    expect(screen.getByText('Enter a whole number from 1 to 120.')).toBeTruthy();
    await save();
    expect(fake.callsOf('updateSettings')).toEqual([]);
    expect(document.activeElement).toBe(field('While an operation runs, check every (seconds)'));
  });

  it('saves only the changed fields, as numbers and booleans', async () => {
    const { fake } = await setup();
    await type('While an operation runs, check every (seconds)', ' 30 ');
    await fireEvent.click(screen.getByLabelText('Start when I log in'));
    await type('Name template', '{server}-{yyyyMMdd}');
    await save();
    expect(fake.callsOf('updateSettings')).toEqual([
      { pollIntervalSeconds: 30, launchAtLogin: true, nameTemplate: '{server}-{yyyyMMdd}' },
    ]);
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });

  it('shows a refusal from main next to the field it is about', async () => {
    const { fake } = await setup();
    fake.respond('updateSettings', async () => ({
      ok: false,
      error: {
        kind: 'validation',
        message: 'The API address must use https (plain http only for this computer).',
      },
    }));
    await type('API address', 'https://other.example.com/api/');
    await save();
    await screen.findByText('The API address must use https (plain http only for this computer).', {
      selector: '.field .error-text',
    });
    expect(field('API address').getAttribute('aria-invalid')).toBe('true');
  });

  it('replaces the token through main and signs out', async () => {
    const { fake } = await setup();
    expect(screen.getByText('Signed in as ada@example.com.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Replace token' }));
    const input = field('New API token');
    expect(input.type).toBe('password');
    await fireEvent.input(input, { target: { value: 'vps_SECRETtest_settings' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Use this token' }));
    await screen.findByText('Token replaced. Signed in as ada@example.com.');
    expect(fake.callsOf('setToken')).toEqual([{ token: 'vps_SECRETtest_settings', sessionOnly: false }]);
    await fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(fake.callsOf('signOut')).toHaveLength(1);
  });

  it('keeps a session-only token session-only when it is replaced', async () => {
    const state = signedInState([]);
    state.account.tokenStorage = 'session';
    const { fake } = await setup(state);
    expect(screen.getByText('The token is kept only until the app quits.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Replace token' }));
    await fireEvent.input(field('New API token'), { target: { value: 'vps_SECRETtest_2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Use this token' }));
    await screen.findByText(/Token replaced/);
    expect(fake.callsOf('setToken')).toEqual([{ token: 'vps_SECRETtest_2', sessionOnly: true }]);
  });

  it('in the demo offers to leave it', async () => {
    const { fake } = await setup(makeState({ mode: 'demo' }));
    expect(screen.getByText(/You are using the demo/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Leave the demo' }));
    expect(fake.callsOf('signOut')).toHaveLength(1);
  });
});

describe('Settings: where the log file is', () => {
  it('shows the path main reports, asked once', async () => {
    const { fake } = await setup();
    expect(await screen.findByText('/home/ada/.config/VPS Snapshot Tray/logs/main.log')).toBeTruthy();
    expect(screen.getByText(/never contains your token/)).toBeTruthy();
    expect(fake.callsOf('getLogFile')).toHaveLength(1);
  });

  it('says so when this run keeps no log file (or main cannot tell)', async () => {
    const ctx = await startedStore(signedInState([]), NOW);
    ctx.fake.respond('getLogFile', () => ({ ok: true, value: { path: null } }));
    render(Settings, { props: { store: ctx.store } });
    expect(await screen.findByText('This session writes no log file.')).toBeTruthy();
    cleanup();
    ctx.fake.respond('getLogFile', () => ({ ok: false, error: { kind: 'internal', message: 'x' } }));
    render(Settings, { props: { store: ctx.store } });
    expect(await screen.findByText('This session writes no log file.')).toBeTruthy();
  });

  it('is shown in Finnish and Gujarati too', async () => {
    setLanguage('fi', []);
    await setup();
    expect(await screen.findByText('Lokitiedosto')).toBeTruthy();
    cleanup();
    setLanguage('gu', []);
    await setup();
    expect(await screen.findByText('લૉગ ફાઇલ')).toBeTruthy();
  });
});

describe('Settings and outside changes', () => {
  it('takes in settings changed elsewhere unless the user is editing', async () => {
    const { fake } = await setup();
    fake.setState((s) => ({ ...s, settings: { ...s.settings, pollIntervalSeconds: 42 } }));
    await Promise.resolve();
    expect(field('While an operation runs, check every (seconds)').value).toBe('42');
    await type('Name template', '{server}-mine');
    fake.setState((s) => ({ ...s, settings: { ...s.settings, pollIntervalSeconds: 50 } }));
    await Promise.resolve();
    expect(field('Name template').value).toBe('{server}-mine');
    expect(field('While an operation runs, check every (seconds)').value).toBe('42');
  });
});
