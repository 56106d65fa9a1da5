/**
 * Signing in, end to end: the built renderer in Chromium, the real core under Node, the real
 * simulator over HTTP. A wrong token is refused with a plain message; the right one signs in and
 * shows the account; the demo is one click from the sign-in screen. Through all of it the token
 * never reaches the page, the bridge's answers or events, the logs, or the built renderer.
 */
import { describe, expect, it } from 'vitest';
import {
  TEST_TOKEN,
  bridgeTrafficWithoutTokenPayloads,
  builtRendererText,
  pageContents,
  screenshot,
  skipWithoutChromium,
  useE2eApp,
  expectTokenNotLeaked,
} from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('sign in', () => {
  const app = useE2eApp('sign-in');

  it('shows the sign-in screen first, with the demo offered', async () => {
    await app.page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor();
    await app.page.getByRole('button', { name: 'Try the demo' }).waitFor();
    expect(await app.page.getByLabel('API token').getAttribute('type')).toBe('password');
    // The link to where tokens are made goes through main's allowlisted openExternal.
    await app.page.getByRole('button', { name: 'Open the developer page of the dashboard' }).click();
    await expect.poll(() => app.preview.openedUrls.length).toBe(1);
    expect(new URL(app.preview.openedUrls[0] ?? '').hostname).toMatch(/(^|\.)vps\.org$/);
    await screenshot(app.page, 'sign-in');
  });

  it('refuses a wrong token with a plain message and stays signed out', async () => {
    await app.page.getByLabel('API token').fill('vps_wrong_token_for_e2e');
    await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await app.page.getByText('VPS.org did not accept the token').waitFor();
    expect(app.preview.core.getState().mode).toBe('signed-out');
    await screenshot(app.page, 'sign-in-wrong-token');
  });

  it('the show/hide button unmasks the token field', async () => {
    await app.page.getByRole('button', { name: 'Show token' }).click();
    expect(await app.page.getByLabel('API token').getAttribute('type')).toBe('text');
    await screenshot(app.page, 'sign-in-token-shown');
    await app.page.getByRole('button', { name: 'Hide token' }).click();
    expect(await app.page.getByLabel('API token').getAttribute('type')).toBe('password');
  });

  it('signs in with the right token and shows the account and its servers', async () => {
    await app.page.getByLabel('API token').fill(TEST_TOKEN);
    await app.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await app.page.getByText('Signed in as demo@example.com').waitFor();
    await app.page.getByRole('option', { name: /web-server-01/ }).waitFor();
    expect(app.preview.core.getState().mode).toBe('account');
    await screenshot(app.page, 'signed-in');
  });

  it('the token is nowhere in the page, the bridge traffic, the logs or the built renderer', async () => {
    const contents = await pageContents(app.page);
    expect(contents).toContain('demo@example.com');
    expect(contents).not.toContain(TEST_TOKEN);
    // The one place it must cross: the page's own setToken request (as over Electron IPC).
    const requests = app.preview.ipcLog.filter((e) => e.direction === 'invoke' && e.name === 'setToken');
    expect(requests.length).toBeGreaterThan(0);
    expect(bridgeTrafficWithoutTokenPayloads(app.preview)).not.toContain(TEST_TOKEN);
    expect(app.preview.ipcLog.some((e) => e.direction === 'event' && e.name === 'state')).toBe(true);
    expect(app.logLines.join('\n')).not.toContain(TEST_TOKEN);
    expect(JSON.stringify(app.preview.notifications)).not.toContain(TEST_TOKEN);
    const built = builtRendererText();
    expect(built).not.toContain(TEST_TOKEN);
    // Nor any other token-shaped string (the demo token, a developer's token from a VITE_ variable).
    expect(built.match(/vps_[A-Za-z0-9_-]{4,}/g) ?? []).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await screenshot(app.page, 'token-hygiene');
  });

  it('signing out returns to the sign-in screen, and the demo starts from there', async () => {
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await app.page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor();
    await app.page.getByRole('button', { name: 'Try the demo' }).click();
    await app.page.getByText('Demo', { exact: true }).waitFor();
    await app.page.getByRole('option', { name: /web-server-01/ }).waitFor();
    expect(app.preview.core.getState().mode).toBe('demo');
    await screenshot(app.page, 'demo');
    await expectTokenNotLeaked(app.page, app.preview);
  });
});
