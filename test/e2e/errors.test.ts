/**
 * Failures as the user meets them, end to end, with faults injected in the real simulator: a
 * failed create is explained inside the dialog where the user acted (and makes no snapshot); a
 * failed background refresh shows a non-blocking banner with a retry that works once the API is
 * back; an unreachable API says so and keeps the last data on screen.
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

describe.skipIf(skip)('failures in plain language', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;

  beforeAll(async () => {
    ({ preview } = await startTestPreview());
    browser = await launchBrowser();
    ({ page } = await openApp(browser, preview));
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('heading', { name: 'Snapshots of web-server-01' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (preview) saveBridgeTraffic(preview, 'errors');
    await preview?.stop();
  });

  it('a create the API refuses is explained in the dialog, and no snapshot is made', async () => {
    const before = preview.simulator.snapshot().snapshots.length;
    preview.simulator.setFaults({ serverError: 1, only: 'POST /snapshots/' });
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'New snapshot of web-server-01' });
    await dialog.getByLabel('Snapshot name').fill('fails-on-purpose');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.getByRole('alert').getByText('VPS.org had a problem handling the request').waitFor();
    // The dialog stays, with the input kept, so the user can try again.
    expect(await dialog.getByLabel('Snapshot name').inputValue()).toBe('fails-on-purpose');
    await screenshot(page, 'create-error');
    preview.simulator.setFaults({});
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(preview.simulator.snapshot().snapshots.some((s) => s.name === 'fails-on-purpose')).toBe(false);
    expect(preview.simulator.snapshot().snapshots.length).toBe(before);
  });

  it('a failed background refresh shows a banner with a retry, and keeps the data', async () => {
    preview.simulator.setFaults({ serverError: 1 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'The last refresh did not work' });
    await banner.waitFor({ timeout: 60_000 });
    // The last data stays on screen.
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    await screenshot(page, 'refresh-error-banner');
    preview.simulator.setFaults({});
    await banner.getByRole('button', { name: 'Retry' }).click();
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    expect(preview.core.getState().sync.lastError).toBeNull();
  });

  it('an unreachable API is reported as offline, and the retry recovers', async () => {
    preview.simulator.setFaults({ drop: 1 });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'VPS.org cannot be reached' });
    await banner.waitFor({ timeout: 60_000 });
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    await screenshot(page, 'offline-banner');
    preview.simulator.setFaults({});
    await banner.getByRole('button', { name: 'Retry' }).click();
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    expect(preview.core.getState().sync.offline).toBe(false);
  });
});
