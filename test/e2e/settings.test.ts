/**
 * Settings end to end: a new name template is previewed live, saved through the core as the field
 * is left (there is no Save button), and then used by the tray's quick snapshot; an API address
 * that would send the token over plain http to another machine is refused with the reason and
 * never saved.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, skipWithoutChromium, useE2eApp, startDemo } from './support';

const skip = skipWithoutChromium();

describe.skipIf(skip)('settings', () => {
  const app = useE2eApp('settings', {
    ready: async (page) => {
      await startDemo(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Name template').waitFor();
    },
  });

  it('a new name template is previewed, saved in the core, and used by the quick snapshot', async () => {
    await app.page.getByLabel('Name template').fill('{server}-before-e2e');
    await app.page.getByText('Example: ').filter({ hasText: '-before-e2e' }).waitFor();
    await app.page.getByLabel('Name template').press('Enter');
    await app.page.getByText('Settings saved.').waitFor();
    expect(app.preview.core.getState().settings.nameTemplate).toBe('{server}-before-e2e');
    await screenshot(app.page, 'settings-saved');

    const result = await app.preview.actions.quickSnapshot({ serverId: 12349 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.snapshotName).toBe('build-runner-before-e2e');
    expect(app.preview.simulator.snapshot().snapshots.some((s) => s.name === 'build-runner-before-e2e')).toBe(
      true,
    );
  });

  it('refuses a plain-http API address on another machine, and keeps the old one', async () => {
    const before = app.preview.core.getState().settings.apiBaseUrl;
    await app.page.getByLabel('API address').fill('http://api.example.com/api/v1/');
    await app.page.getByLabel('API address').press('Tab');
    await app.page.getByText('Use https://. Plain http is allowed only for this computer.').waitFor();
    await app.page.getByText('Not saved: correct the marked field.', { exact: false }).waitFor();
    expect(app.preview.core.getState().settings.apiBaseUrl).toBe(before);
    await screenshot(app.page, 'settings-insecure-url');
    // Even a page that skips the form's check cannot set it: the core refuses too.
    const direct = await app.page.evaluate<{ ok: boolean }>(
      `window.vps.updateSettings({ apiBaseUrl: 'http://api.example.com/api/v1/' }).then((r) => ({ ok: r.ok }))`,
    );
    expect(direct.ok).toBe(false);
    expect(app.preview.core.getState().settings.apiBaseUrl).toBe(before);
  });
});
