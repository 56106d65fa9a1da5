import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { TOKEN_MAX } from '../../src/shared/ipc';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import SignIn from '../../src/renderer/components/SignIn.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import { DASHBOARD_DEVELOPERS_URL } from '../../src/renderer/lib/links';
import { makeState } from './fake-vps';
import { startedStore } from './helpers';

const TOKEN = 'vps_SECRETtest_signin_0123456789';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

function tokenInput(): HTMLInputElement {
  return screen.getByLabelText('API token') as HTMLInputElement;
}

describe('SignIn', () => {
  it('masks the token and toggles it with show/hide', async () => {
    const { store } = await startedStore(makeState());
    render(SignIn, { props: { store } });
    expect(tokenInput().type).toBe('password');
    expect(tokenInput().maxLength).toBe(TOKEN_MAX);
    const toggle = screen.getByRole('button', { name: 'Show token' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(toggle);
    expect(tokenInput().type).toBe('text');
    const hide = screen.getByRole('button', { name: 'Hide token' });
    expect(hide.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(hide);
    expect(tokenInput().type).toBe('password');
  });

  it('asks for a token before calling main', async () => {
    const { store, fake } = await startedStore(makeState());
    render(SignIn, { props: { store } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toContain('Paste a token first.');
    expect(fake.callsOf('setToken')).toEqual([]);
  });

  it('shows a plain-language error when the token is refused, and keeps what was typed', async () => {
    const { store, fake } = await startedStore(makeState());
    fake.respond('setToken', async () => ({
      ok: false,
      error: { kind: 'unauthorized', message: 'The token was not accepted (401).' },
    }));
    render(SignIn, { props: { store } });
    await fireEvent.input(tokenInput(), { target: { value: TOKEN } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText(/did not accept the token/);
    expect(tokenInput().getAttribute('aria-invalid')).toBe('true');
    expect(tokenInput().value).toBe(TOKEN);
    // The secret is never echoed into the page's text.
    expect(document.body.textContent).not.toContain(TOKEN);
    // Once the user edits the token, the message about the old one goes.
    await fireEvent.input(tokenInput(), { target: { value: `${TOKEN}x` } });
    expect(screen.queryByText(/did not accept the token/)).toBeNull();
    expect(tokenInput().getAttribute('aria-invalid')).toBe('false');
  });

  it('sends the trimmed token to main and clears the field on success', async () => {
    const { store, fake } = await startedStore(makeState());
    render(SignIn, { props: { store } });
    await fireEvent.input(tokenInput(), { target: { value: `  ${TOKEN}\n` } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Signed in as ada@example.com.');
    expect(fake.callsOf('setToken')).toEqual([{ token: TOKEN, sessionOnly: false }]);
    expect(tokenInput().value).toBe('');
  });

  it('disables the form while the token is checked (one request for double clicks)', async () => {
    const { store, fake } = await startedStore(makeState());
    let release: () => void = () => {};
    fake.respond(
      'setToken',
      () => new Promise((resolve) => (release = () => resolve({ ok: true, value: { email: 'a@b.c' } }))),
    );
    render(SignIn, { props: { store } });
    await fireEvent.input(tokenInput(), { target: { value: TOKEN } });
    const submit = screen.getByRole('button', { name: 'Sign in' });
    await fireEvent.click(submit);
    await fireEvent.submit(submit.closest('form') as HTMLFormElement);
    expect(screen.getByRole('button', { name: 'Checking the token…' })).toHaveProperty('disabled', true);
    release();
    await screen.findByText('Signed in as a@b.c.');
    expect(fake.callsOf('setToken')).toHaveLength(1);
  });

  it('without a keychain explains why and offers session-only storage', async () => {
    const reason = 'No Secret Service is running (Cannot autolaunch D-Bus without X11 $DISPLAY).';
    const { store, fake } = await startedStore(makeState({ keychain: { available: false, reason } }));
    render(SignIn, { props: { store } });
    expect(screen.getByText(`The system keychain cannot be used: ${reason}`)).toBeTruthy();
    const sessionOnly = screen.getByLabelText('Keep the token only until the app quits') as HTMLInputElement;
    expect(sessionOnly.checked).toBe(false);
    await fireEvent.click(sessionOnly);
    await fireEvent.input(tokenInput(), { target: { value: TOKEN } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Signed in as ada@example.com.');
    expect(fake.callsOf('setToken')).toEqual([{ token: TOKEN, sessionOnly: true }]);
  });

  it('hides the session-only option when the keychain works', async () => {
    const { store } = await startedStore(makeState());
    render(SignIn, { props: { store } });
    expect(screen.queryByLabelText('Keep the token only until the app quits')).toBeNull();
  });

  it('always says which host the token will be sent to', async () => {
    const { store } = await startedStore(makeState());
    render(SignIn, { props: { store } });
    expect(screen.getByText('Your token will be sent to admin.vps.org.')).toBeTruthy();
    expect(tokenInput().getAttribute('aria-describedby')).toContain('signin-host');
    expect(screen.queryByRole('button', { name: 'Use VPS.org’s address instead' })).toBeNull();
  });

  it('warns clearly when the address is not VPS.org’s, and puts VPS.org’s back on request', async () => {
    const evil = 'https://admin.vps.org.evil.example/api/v1/';
    const { store, fake } = await startedStore(
      makeState({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: evil } }),
    );
    render(SignIn, { props: { store } });
    const warning = document.getElementById('signin-host');
    expect(warning?.textContent).toContain('Your token would be sent to admin.vps.org.evil.example');
    expect(warning?.textContent).toContain('This is not VPS.org’s address (admin.vps.org, vps.org)');
    await fireEvent.click(screen.getByRole('button', { name: 'Use VPS.org’s address instead' }));
    expect(fake.callsOf('updateSettings')).toEqual([{ apiBaseUrl: DEFAULT_SETTINGS.apiBaseUrl }]);
    await screen.findByText('Your token will be sent to admin.vps.org.');
  });

  it.each([
    ['a look-alike name (Cyrillic а)', 'https://\u0430dmin.vps.org/api/v1/', 'xn--dmin-'],
    ['plain http on this computer', 'http://127.0.0.1:8787/api/v1/', '127.0.0.1:8787'],
    ['another port', 'https://admin.vps.org:8443/api/v1/', 'admin.vps.org:8443'],
  ])('warns for %s, showing the host as it really is', async (_what, apiBaseUrl, shown) => {
    const { store } = await startedStore(makeState({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl } }));
    render(SignIn, { props: { store } });
    expect(document.getElementById('signin-host')?.textContent).toContain(
      `Your token would be sent to ${shown}`,
    );
  });

  it('says it in Finnish and Gujarati too', async () => {
    const evil = 'https://evil.example/api/v1/';
    for (const [language, text] of [
      ['fi', 'Tunnus lähetettäisiin osoitteeseen evil.example'],
      ['gu', 'તમારું ટોકન evil.example પર મોકલાશે'],
    ] as const) {
      setLanguage(language, []);
      const { store } = await startedStore(
        makeState({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: evil } }),
      );
      const view = render(SignIn, { props: { store } });
      expect(document.getElementById('signin-host')?.textContent).toContain(text);
      view.unmount();
    }
  });

  it('starts the demo and opens the dashboard developer page', async () => {
    const { store, fake } = await startedStore(makeState());
    render(SignIn, { props: { store } });
    await fireEvent.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(fake.callsOf('startDemo')).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Open the developer page of the dashboard' }));
    expect(fake.callsOf('openExternal')).toEqual([{ url: DASHBOARD_DEVELOPERS_URL }]);
  });
});
