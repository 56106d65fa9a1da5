/**
 * A snapshot policy end to end, in real Chromium through the browser preview in demo mode: set
 * "every hour, keep 1" in the window, then watch the schedule run and rotate. The simulator (and so
 * the schedule clock) runs 1200 times faster, so an hour of schedule time is 3 s; waits are for what
 * the page shows, never for a fixed time.
 */
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, skipWithoutChromium, startDemo, useE2eBrowser } from './support';

const skip = skipWithoutChromium();
const WEB = 'web-server-01';

describe.skipIf(skip)('snapshot policies', () => {
  const e2e = useE2eBrowser('policies');

  it('every hour, keep 1: the window shows the run, the automatic label and the rotation', async () => {
    const preview = await e2e.startPreview({ speed: 1200 });
    const { page } = await openApp(e2e.browser, preview);
    await startDemo(page);
    await page.getByRole('option', { name: new RegExp(WEB) }).click();
    const editor = page.getByTestId('policy-editor');
    await editor.getByText('Schedule off: no automatic snapshots.').waitFor();
    await editor.getByRole('combobox', { name: 'Schedule' }).selectOption('every');
    await editor.getByRole('combobox', { name: 'Interval' }).selectOption('1');
    await editor.getByRole('combobox', { name: 'Automatic snapshots to keep' }).selectOption('1');
    await editor.getByRole('button', { name: 'Save policy' }).click();
    await editor.getByText('Policy saved.').waitFor();
    await editor.getByTestId('policy-next').waitFor();

    // The first run: an automatic snapshot appears, labelled so; the manual ones stay manual.
    const list = page.getByRole('list', { name: `Snapshots of ${WEB}` });
    await list.getByText('automatic', { exact: true }).first().waitFor({ timeout: 60_000 });
    // A later run rotates: its result says what rotation removed.
    await editor
      .getByTestId('policy-last')
      .filter({ hasText: 'Rotation removed auto-' })
      .waitFor({ timeout: 90_000 });
    await screenshot(page, 'policy-rotated');

    const sim = preview.simulator.snapshot().snapshots.filter((s) => s.server.name === WEB);
    // The seed's two manual snapshots are still there; rotation kept one completed automatic
    // (plus at most one newer run in progress).
    expect(
      sim
        .filter((s) => !s.name.startsWith('auto-'))
        .map((s) => s.id)
        .sort(),
    ).toEqual([798, 801]);
    const autos = sim.filter((s) => s.name.startsWith('auto-') && s.status === 'completed');
    expect(autos.length).toBeGreaterThanOrEqual(1);
    expect(autos.length).toBeLessThanOrEqual(2);
    expect(await list.getByText('manual', { exact: true }).count()).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
