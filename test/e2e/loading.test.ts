/**
 * Loading without layout jumps, measured by Chromium itself: with the API slowed down, the window
 * shows skeleton rows while the first refresh runs, and when the data arrives nothing that was
 * already on screen moves (cumulative layout shift, from the browser's layout-shift entries, stays
 * under 0.05, half of the "good" threshold for web pages).
 */
import type { Browser } from 'playwright-core';
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

describe.skipIf(skip)('loading', () => {
  let browser: Browser;
  let preview: Preview;

  beforeAll(async () => {
    ({ preview } = await startTestPreview());
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (preview) saveBridgeTraffic(preview, 'loading');
    await preview?.stop();
  });

  it('shows skeletons while the first refresh runs, and the data arrives without layout shift', async () => {
    const { page, context } = await openApp(browser, preview);
    await page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor();
    await page.evaluate(`
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift' });
    `);
    // Started from main, as the tray's "Try the demo" does: no input in the page to excuse a shift.
    preview.simulator.setFaults({ latencyMs: 1500 });
    const started = preview.actions.startDemo(undefined);
    await page.getByRole('list', { name: 'Loading servers…' }).waitFor();
    await screenshot(page, 'loading');
    expect((await started).ok).toBe(true);
    await page.getByRole('heading', { name: 'Snapshots of web-server-01' }).waitFor({ timeout: 60_000 });
    preview.simulator.setFaults({});
    // Let a frame pass so a late shift would be recorded.
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    );
    const shifts = await page.evaluate<number[]>('window.__shifts');
    const total = shifts.reduce((sum, value) => sum + value, 0);
    expect(total).toBeLessThan(0.05);
    await screenshot(page, 'loaded');
    await context.close();
  });
});
