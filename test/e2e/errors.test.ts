/**
 * Failures as the user meets them, end to end, with faults injected in the real simulator: a
 * refused create is explained inside the dialog where the user acted (and makes no snapshot); a
 * create whose answer is a 504 is shown as being checked and its retry refused; a
 * failed background refresh shows a non-blocking banner with a retry that works once the API is
 * back; an unreachable API says so and keeps the last data on screen.
 */
import { describe, expect, it } from 'vitest';
import type { FaultConfig } from '../../src/simulator/types';
import { screenshot, skipWithoutChromium, useE2eApp } from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('failures in plain language', () => {
  const app = useE2eApp('errors', {
    ready: async (page) => {
      await page.getByRole('button', { name: 'Try the demo' }).click();
      await page.getByRole('heading', { name: 'Snapshots of web-server-01' }).waitFor();
    },
  });

  /**
   * Refreshes with `faults` injected and waits for the banner saying `bannerText`, with the last data
   * still on screen; then retries with the API back and waits for the banner to go.
   */
  async function failRefreshThenRetry(faults: FaultConfig, bannerText: string, shot: string): Promise<void> {
    app.preview.simulator.setFaults(faults);
    await app.page.getByRole('button', { name: 'Refresh' }).click();
    const banner = app.page.getByRole('status').filter({ hasText: bannerText });
    await banner.waitFor({ timeout: 60_000 });
    // The last data stays on screen.
    await app.page.getByRole('option', { name: /web-server-01/ }).waitFor();
    await screenshot(app.page, shot);
    app.preview.simulator.setFaults({});
    await banner.getByRole('button', { name: 'Retry' }).click();
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
  }

  it('a create the API refuses is explained in the dialog, and no snapshot is made', async () => {
    const before = app.preview.simulator.snapshot().snapshots.length;
    // A 429 is a clear refusal (unlike a 5xx, after which the create may still have happened).
    app.preview.simulator.setFaults({ rateLimit: 1, retryAfterSeconds: 30, only: 'POST /snapshots/' });
    await app.page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'New snapshot of web-server-01' });
    await dialog.getByLabel('Snapshot name').fill('fails-on-purpose');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.getByRole('alert').getByText('VPS.org is receiving too many requests right now').waitFor();
    // The dialog stays, with the input kept, so the user can try again.
    expect(await dialog.getByLabel('Snapshot name').inputValue()).toBe('fails-on-purpose');
    await screenshot(app.page, 'create-error');
    app.preview.simulator.setFaults({});
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.preview.simulator.snapshot().snapshots.some((s) => s.name === 'fails-on-purpose')).toBe(false);
    expect(app.preview.simulator.snapshot().snapshots.length).toBe(before);
  });

  it('a create answered with a 504 is shown as being checked, never as failed; the same name again is refused', async () => {
    // The gateway times out and VPS.org makes the snapshot a minute later.
    app.preview.simulator.setFaults({
      lateEffect: 1,
      lateEffectAnswer: 'gatewayTimeout',
      lateEffectMs: 60_000,
      only: 'POST /snapshots/',
    });
    const create = async () => {
      await app.page.getByRole('button', { name: 'Create snapshot' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'New snapshot of web-server-01' });
      await dialog.getByLabel('Snapshot name').fill('gateway-timeout');
      await dialog.getByRole('button', { name: 'Take snapshot' }).click();
      return dialog;
    };
    const first = await create();
    await first.waitFor({ state: 'detached' });
    await app.page.getByText('VPS.org did not answer clearly, so this may have started').waitFor();
    app.preview.simulator.setFaults({});
    const again = await create();
    const refusal = again.getByRole('alert');
    await refusal.getByText(/already checking whether a snapshot named "gateway-timeout"/).waitFor();
    expect(await refusal.innerText()).not.toMatch(/try again/i);
    await again.getByRole('button', { name: 'Cancel' }).click();
    expect(app.preview.simulator.snapshot().snapshots.filter((s) => s.name === 'gateway-timeout')).toEqual(
      [],
    );
  });

  it('a failed background refresh shows a banner with a retry, and keeps the data', async () => {
    await failRefreshThenRetry({ serverError: 1 }, 'The last refresh did not work', 'refresh-error-banner');
    expect(app.preview.core.getState().sync.lastError).toBeNull();
  });

  it('an unreachable API is reported as offline, and the retry recovers', async () => {
    await failRefreshThenRetry({ drop: 1 }, 'VPS.org cannot be reached', 'offline-banner');
    expect(app.preview.core.getState().sync.offline).toBe(false);
  });
});
