/**
 * Signing in, end to end: the built renderer in Chromium, the real core under Node, the real
 * simulator over HTTP. A wrong token is refused with a plain message; the right one signs in and
 * shows the account; the demo is one click from the sign-in screen. Through all of it the token
 * never reaches the page, the bridge's answers or events, the logs, or the built renderer.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../src/preview/index';
import {
  TEST_TOKEN,
  bridgeTrafficWithoutTokenPayloads,
  builtRendererText,
  launchBrowser,
  openApp,
  pageContents,
  screenshot,
  skipWithoutChromium,
  startTestPreview,
  saveBridgeTraffic,
} from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('sign in', () => {
  let browser: Browser;
  let preview: Preview;
  let logLines: string[];
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    ({ preview, logLines } = await startTestPreview());
    browser = await launchBrowser();
    ({ page, consoleErrors } = await openApp(browser, preview));
  });

  afterAll(async () => {
    await browser?.close();
    if (preview) saveBridgeTraffic(preview, 'sign-in');
    await preview?.stop();
  });

  it('shows the sign-in screen first, with the demo offered', async () => {
    await page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor();
    await page.getByRole('button', { name: 'Try the demo' }).waitFor();
    expect(await page.getByLabel('API token').getAttribute('type')).toBe('password');
    // The link to where tokens are made goes through main's allowlisted openExternal.
    await page.getByRole('button', { name: 'Open the developer page of the dashboard' }).click();
    await expect.poll(() => preview.openedUrls.length).toBe(1);
    expect(new URL(preview.openedUrls[0] ?? '').hostname).toMatch(/(^|\.)vps\.org$/);
    await screenshot(page, 'sign-in');
  });

  it('refuses a wrong token with a plain message and stays signed out', async () => {
    await page.getByLabel('API token').fill('vps_wrong_token_for_e2e');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('VPS.org did not accept the token').waitFor();
    expect(preview.core.getState().mode).toBe('signed-out');
    await screenshot(page, 'sign-in-wrong-token');
  });

  it('the show/hide button unmasks the token field', async () => {
    await page.getByRole('button', { name: 'Show token' }).click();
    expect(await page.getByLabel('API token').getAttribute('type')).toBe('text');
    await screenshot(page, 'sign-in-token-shown');
    await page.getByRole('button', { name: 'Hide token' }).click();
    expect(await page.getByLabel('API token').getAttribute('type')).toBe('password');
  });

  it('signs in with the right token and shows the account and its servers', async () => {
    await page.getByLabel('API token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as demo@example.com').waitFor();
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    expect(preview.core.getState().mode).toBe('account');
    await screenshot(page, 'signed-in');
  });

  it('the token is nowhere in the page, the bridge traffic, the logs or the built renderer', async () => {
    const contents = await pageContents(page);
    expect(contents).toContain('demo@example.com');
    expect(contents).not.toContain(TEST_TOKEN);
    // The one place it must cross: the page's own setToken request (as over Electron IPC).
    const requests = preview.ipcLog.filter((e) => e.direction === 'invoke' && e.name === 'setToken');
    expect(requests.length).toBeGreaterThan(0);
    expect(bridgeTrafficWithoutTokenPayloads(preview)).not.toContain(TEST_TOKEN);
    expect(preview.ipcLog.some((e) => e.direction === 'event' && e.name === 'state')).toBe(true);
    expect(logLines.join('\n')).not.toContain(TEST_TOKEN);
    expect(JSON.stringify(preview.notifications)).not.toContain(TEST_TOKEN);
    const built = builtRendererText();
    expect(built).not.toContain(TEST_TOKEN);
    // Nor any other token-shaped string (the demo token, a developer's token from a VITE_ variable).
    expect(built.match(/vps_[A-Za-z0-9_-]{4,}/g) ?? []).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'token-hygiene');
  });

  it('signing out returns to the sign-in screen, and the demo starts from there', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor();
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByText('Demo', { exact: true }).waitFor();
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    expect(preview.core.getState().mode).toBe('demo');
    await screenshot(page, 'demo');
    expect(await pageContents(page)).not.toContain(TEST_TOKEN);
    expect(bridgeTrafficWithoutTokenPayloads(preview)).not.toContain(TEST_TOKEN);
  });
});
