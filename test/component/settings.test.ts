import { afterEach, describe, expect, it, vi } from 'vitest';
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

/** Types a value and leaves the field (the change event), which is when a text field is saved. */
async function commit(label: string | RegExp, value: string): Promise<void> {
  await type(label, value);
  await fireEvent.change(field(label));
}

/** The line under the title that says whether the last change was saved. */
function saveStatus(): string {
  return screen.getByRole('status').textContent?.trim() ?? '';
}

describe('Settings', () => {
  it('shows the saved values and says changes save as they are made (no Save button)', async () => {
    await setup();
    expect(field('API address').value).toBe('https://admin.vps.org/api/v1/');
    expect(field('While an operation runs, check every (seconds)').value).toBe('10');
    expect(field('Name template').value).toBe('{server}-{yyyyMMdd-HHmm}');
    expect((screen.getByLabelText('Notify me when an operation ends') as HTMLInputElement).checked).toBe(
      true,
    );
    expect(saveStatus()).toBe('Changes are saved as you make them.');
    expect(screen.queryByRole('button', { name: /^Save/ })).toBeNull();
  });

  it('previews the template live with the selected server, saying which clock the time is on', async () => {
    await setup();
    // The component tests run with TZ=UTC, so local time and UTC agree here.
    expect(screen.getByText('Example: web-server-1-20250120-1004 (local time)')).toBeTruthy();
    await type('Name template', 'pre-{id}-{utc:yyyy}');
    expect(screen.getByText('Example: pre-7-2025 (UTC)')).toBeTruthy();
    await type('Name template', 'pre-{id}');
    expect(screen.getByText('Example: pre-7')).toBeTruthy();
    expect(screen.getByText(/for UTC, write \{utc:yyyyMMdd-HHmm\}/)).toBeTruthy();
  });

  it('explains a template without placeholders at once and does not save it', async () => {
    const { fake } = await setup();
    await commit('Name template', 'always-the-same');
    expect(field('Name template').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Include at least one part in braces, such as \{server\}/)).toBeTruthy();
    expect(screen.queryByText(/^Example:/)).toBeNull();
    expect(fake.callsOf('updateSettings')).toEqual([]);
    expect(saveStatus()).toBe('Not saved: correct the marked field. The previous value stays in use.');
  });

  it('flags an unknown placeholder by name instead of keeping it as text, and does not save it', async () => {
    const { fake } = await setup();
    await commit('Name template', '{server}-{foo}');
    expect(field('Name template').getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(
        '{foo} is not something the app can fill in. Use {server}, {id}, a date such as {yyyyMMdd-HHmm}, or {utc:yyyyMMdd-HHmm} for UTC.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/^Example:/)).toBeNull();
    expect(fake.callsOf('updateSettings')).toEqual([]);
  });

  it('checks the API address and the intervals field by field, and saves none that is wrong', async () => {
    const { fake } = await setup();
    await commit('API address', 'http://api.example.com/');
    expect(screen.getByText('Use https://. Plain http is allowed only for this computer.')).toBeTruthy();
    await commit('API address', 'https://user:pw@api.example.com/');
    expect(screen.getByText('Leave the user name and password out of the address.')).toBeTruthy();
    await type('API address', 'https://admin.vps.org/api/v1/');
    expect(field('API address').getAttribute('aria-invalid')).toBe('false');
    await commit('While an operation runs, check every (seconds)', '1');
    expect(screen.getByText('Enter a whole number from 2 to 300.')).toBeTruthy();
    await commit('In the background, refresh every (minutes)', '2.5');
    expect(screen.getByText('Enter a whole number from 1 to 120.')).toBeTruthy();
    expect(fake.callsOf('updateSettings')).toEqual([]);
  });

  it('saves each field on its own as soon as it is committed, as numbers and booleans', async () => {
    const { fake } = await setup();
    await commit('While an operation runs, check every (seconds)', ' 30 ');
    await fireEvent.click(screen.getByLabelText('Start when I log in'));
    await type('Name template', '{server}-{yyyyMMdd}');
    await fireEvent.keyDown(field('Name template'), { key: 'Enter' });
    // Leaving a field unchanged saves nothing.
    await fireEvent.change(field('API address'));
    expect(fake.callsOf('updateSettings')).toEqual([
      { pollIntervalSeconds: 30 },
      { launchAtLogin: true },
      { nameTemplate: '{server}-{yyyyMMdd}' },
    ]);
    await vi.waitFor(() => expect(saveStatus()).toBe('Settings saved.'));
    expect(field('While an operation runs, check every (seconds)').value).toBe('30');
  });

  it('shows a refusal from main next to the field it saved, and says it was not saved', async () => {
    const { fake } = await setup();
    fake.respond('updateSettings', async () => ({
      ok: false,
      error: { kind: 'validation', message: 'The address refused by main.' },
    }));
    await commit('API address', 'https://other.example.com/api/');
    await screen.findByText('The address refused by main.', { selector: '.field .error-text' });
    expect(field('API address').getAttribute('aria-invalid')).toBe('true');
    expect(saveStatus()).toBe('Not saved: The app refused the request because a value was not valid.');
  });

  it('puts a checkbox back when main refuses the change', async () => {
    const { fake } = await setup();
    fake.respond('updateSettings', async () => ({
      ok: false,
      error: { kind: 'internal', message: 'disk full' },
    }));
    const box = screen.getByLabelText('Notify me when an operation ends') as HTMLInputElement;
    await fireEvent.click(box);
    await vi.waitFor(() => expect(saveStatus()).toMatch(/^Not saved/));
    expect(box.checked).toBe(true);
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

  it('clears the message about a refused token as soon as the token is edited', async () => {
    const { fake } = await setup();
    fake.respond('setToken', async () => ({ ok: false, error: { kind: 'unauthorized', message: '401' } }));
    await fireEvent.click(screen.getByRole('button', { name: 'Replace token' }));
    await fireEvent.input(field('New API token'), { target: { value: 'vps_SECRETtest_wrong' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Use this token' }));
    await screen.findByText(/VPS.org did not accept the token/);
    expect(field('New API token').getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(field('New API token'), { target: { value: 'vps_SECRETtest_wrong2' } });
    expect(screen.queryByText(/VPS.org did not accept the token/)).toBeNull();
    expect(field('New API token').getAttribute('aria-invalid')).toBe('false');
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
  it('takes in settings changed elsewhere into every field the user is not editing', async () => {
    const { fake } = await setup();
    fake.setState((s) => ({ ...s, settings: { ...s.settings, pollIntervalSeconds: 42 } }));
    await Promise.resolve();
    expect(field('While an operation runs, check every (seconds)').value).toBe('42');
    await type('Name template', '{server}-mine');
    fake.setState((s) => ({
      ...s,
      settings: { ...s.settings, pollIntervalSeconds: 50, nameTemplate: '{id}-elsewhere' },
    }));
    await Promise.resolve();
    expect(field('Name template').value).toBe('{server}-mine');
    expect(field('While an operation runs, check every (seconds)').value).toBe('50');
  });
});
