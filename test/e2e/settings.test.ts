/**
 * Settings end to end: a new name template is previewed live, saved through the core, and then
 * used by the tray's quick snapshot; an API address that would send the token over plain http to
 * another machine is refused with the reason and never saved.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../src/preview/index';
import {
  launchBrowser,
  openApp,
  screenshot,
  skipWithoutChromium,
  startTestPreview,
  saveBridgeTraffic,
} from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('settings', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    ({ preview } = await startTestPreview());
    browser = await launchBrowser();
    ({ page } = await openApp(browser, preview));
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Name template').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (preview) saveBridgeTraffic(preview, 'settings');
    await preview?.stop();
  });

  it('a new name template is previewed, saved in the core, and used by the quick snapshot', async () => {
    await page.getByLabel('Name template').fill('{server}-before-e2e');
    await page.getByText('Example: ').filter({ hasText: '-before-e2e' }).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(preview.core.getState().settings.nameTemplate).toBe('{server}-before-e2e');
    await screenshot(page, 'settings-saved');

    const result = await preview.actions.quickSnapshot({ serverId: 12349 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.snapshotName).toBe('build-runner-before-e2e');
    expect(preview.simulator.snapshot().snapshots.some((s) => s.name === 'build-runner-before-e2e')).toBe(
      true,
    );
  });

  it('refuses a plain-http API address on another machine, and keeps the old one', async () => {
    const before = preview.core.getState().settings.apiBaseUrl;
    await page.getByLabel('API address').fill('http://api.example.com/api/v1/');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Use https://. Plain http is allowed only for this computer.').waitFor();
    expect(preview.core.getState().settings.apiBaseUrl).toBe(before);
    await screenshot(page, 'settings-insecure-url');
    // Even a page that skips the form's check cannot set it: the core refuses too.
    const direct = await page.evaluate<{ ok: boolean }>(
      `window.vps.updateSettings({ apiBaseUrl: 'http://api.example.com/api/v1/' }).then((r) => ({ ok: r.ok }))`,
    );
    expect(direct.ok).toBe(false);
    expect(preview.core.getState().settings.apiBaseUrl).toBe(before);
  });
});
