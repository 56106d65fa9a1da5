/**
 * Loading without layout jumps, measured by Chromium itself: with the API slowed down, the window
 * shows skeleton rows while the first refresh runs, and when the data arrives nothing that was
 * already on screen moves (cumulative layout shift, from the browser's layout-shift entries, stays
 * under 0.05, half of the "good" threshold for web pages).
 */
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, skipWithoutChromium, useE2eApp } from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('loading', () => {
  const app = useE2eApp('loading', { open: false });

  it('shows skeletons while the first refresh runs, and the data arrives without layout shift', async () => {
    const { page, context } = await openApp(app.browser, app.preview);
    await page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor();
    await page.evaluate(`
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift' });
    `);
    // Started from main, as the tray's "Try the demo" does: no input in the page to excuse a shift.
    app.preview.simulator.setFaults({ latencyMs: 1500 });
    const started = app.preview.actions.startDemo(undefined);
    await page.getByRole('list', { name: 'Loading servers…' }).waitFor();
    await screenshot(page, 'loading');
    expect((await started).ok).toBe(true);
    await page.getByRole('heading', { name: 'Snapshots of web-server-01' }).waitFor({ timeout: 60_000 });
    app.preview.simulator.setFaults({});
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
