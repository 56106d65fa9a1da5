/**
 * Signing in when something outside the app is wrong, end to end: without a usable keychain the
 * sign-in screen says why and offers to keep the token for this session only (never a silent
 * fallback); with the API unreachable it says so in plain language.
 */
import { describe, expect, it } from 'vitest';
import {
  TEST_TOKEN,
  openApp,
  screenshot,
  skipWithoutChromium,
  useE2eBrowser,
  expectTokenNotLeaked,
} from './support';

const skip = skipWithoutChromium();
const REASON = 'No Secret Service is running in this desktop session';

describe.skipIf(skip)('sign-in problems', () => {
  const e2e = useE2eBrowser('sign-in-problems');

  it('without a keychain: the reason is shown, and the token is kept for the session only when asked', async () => {
    const preview = await e2e.startPreview({ keychainProblem: REASON });
    const { page, context } = await openApp(e2e.browser, preview);
    await page.getByText(`The system keychain cannot be used: ${REASON}`).waitFor();
    const sessionOnly = page.getByRole('checkbox', { name: 'Keep the token only until the app quits' });
    expect(await sessionOnly.isChecked()).toBe(false);

    // Not silently kept in memory: without the choice, signing in is refused with the reason.
    await page.getByLabel('API token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /keychain/i })
      .waitFor();
    expect(preview.core.getState().mode).toBe('signed-out');
    await screenshot(page, 'sign-in-no-keychain');

    await sessionOnly.check();
    await page.getByLabel('API token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as demo@example.com').waitFor();
    expect(preview.core.getState().account.tokenStorage).toBe('session');
    await screenshot(page, 'signed-in-session-only');
    await expectTokenNotLeaked(page, preview);
    await context.close();
  });

  it('with the API unreachable: says so in plain language', async () => {
    // A loopback port nothing listens on (port 9 is the discard service, closed here).
    const preview = await e2e.startPreview({ settings: { apiBaseUrl: 'http://127.0.0.1:9/api/v1/' } });
    const { page, context } = await openApp(e2e.browser, preview);
    await page.getByLabel('API token').fill(TEST_TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('could not be reached').first().waitFor({ timeout: 60_000 });
    expect(preview.core.getState().mode).toBe('signed-out');
    await screenshot(page, 'sign-in-unreachable');
    // The field keeps what the user pasted so they can retry; nothing else in the page holds it.
    expect(await page.getByLabel('API token').inputValue()).toBe(TEST_TOKEN);
    await expectTokenNotLeaked(page, preview, false);
    await context.close();
  });
});
