/**
 * Where a careful user trips, end to end in real Chromium on a computer in India (UTC+05:30): the
 * prefilled name's time is the local clock, and says so; a button that cannot work says why
 * before the click (and the core still refuses); a finished operation is confirmed by a short-lived
 * green toast whose Show opens its server, and finished strips fold into one line; a delete is
 * confirmed; settings save as each field is left, and an unknown placeholder is flagged (the core
 * refuses it too); a wrong token's message goes once the token is edited; a failed snapshot is
 * not "size not known yet", and the demo is dated relative to today.
 * The simulator runs at 60x: a snapshot takes 3-10 s and a restore 5-15 s, long enough to look.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Preview } from '../../src/preview/index';
import { openApp, screenshot, skipWithoutChromium, useE2eBrowser } from './support';

const skip = skipWithoutChromium();

const ZONE = 'Asia/Kolkata';

/** `yyyyMMdd-HHmm` of a moment on a zone's clock. */
function stamp(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}${parts['month']}${parts['day']}-${parts['hour']}${parts['minute']}`;
}

/** The text that describes the button with this accessible name (aria-describedby), or null. */
function description(page: Page, name: string): Promise<string | null> {
  return page.evaluate<string | null>(`(() => {
    const button = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') || b.textContent.trim()) === ${JSON.stringify(name)});
    const ids = button && button.getAttribute('aria-describedby');
    return ids ? ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() : null;
  })()`);
}

/** Lets the page render twice, so a dialog a click would open is there. */
function frames(page: Page): Promise<unknown> {
  return page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
}

/** Clicks an unavailable button as a user would, and checks that nothing opened. */
async function clickDoesNothing(page: Page, button: Locator): Promise<void> {
  // force: Playwright would wait for an aria-disabled button to become enabled; a user just clicks.
  await button.click({ force: true });
  await frames(page);
  expect(await page.getByRole('dialog').count()).toBe(0);
}

/** Calls `window.vps.<call>` from the page, skipping the window's own checks, as a bad page could. */
function callFromPage(page: Page, call: string): Promise<{ ok: boolean; kind?: string; message?: string }> {
  return page.evaluate(
    `window.vps.${call}.then((r) => r.ok ? { ok: true } : { ok: false, kind: r.error.kind, message: r.error.message })`,
  );
}

describe.skipIf(skip)('the window where a careful user trips', () => {
  const e2e = useE2eBrowser('window-feedback');
  let preview: Preview;
  let page: Page;
  let consoleErrors: string[];

  async function selectServer(name: string): Promise<void> {
    await page.getByRole('option', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name: `Snapshots of ${name}` }).waitFor();
  }
  const row = (server: string, name: string) =>
    page
      .getByRole('list', { name: `Snapshots of ${server}` })
      .getByRole('listitem')
      .filter({ hasText: name });
  const messages = () => page.getByRole('region', { name: 'Messages' });

  it('a wrong token’s message goes away once the token is edited', async () => {
    preview = await e2e.startPreview({ speed: 60 });
    ({ page, consoleErrors } = await openApp(e2e.browser, preview, 'light', { timezoneId: ZONE }));
    const field = page.getByLabel('API token');
    await field.fill('vps_wrong_e2e_token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const refused = page.getByText('VPS.org did not accept the token.');
    await refused.waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.press('End');
    await field.press('Backspace');
    await refused.waitFor({ state: 'detached' });
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
  });

  it('the demo is dated relative to today: last night’s snapshots, a failed one without a size', async () => {
    const db = page.getByRole('option', { name: /db-server-01/ });
    expect(await db.textContent()).toMatch(/last: (yesterday|2 days ago)/);
    const newest = Math.max(
      ...preview.simulator
        .snapshot()
        .snapshots.filter((s) => s.server.id === 12346)
        .map((s) => Date.parse(s.created_at)),
    );
    expect(Date.now() - newest).toBeLessThan(2 * 24 * 3_600_000);
    await selectServer('staging-01');
    const failed = row('staging-01', 'disk-full-attempt');
    expect(await failed.textContent()).toContain('no size (failed)');
    expect(await failed.textContent()).not.toContain('not known yet');
    await screenshot(page, 'failed-snapshot-no-size');
  });

  it('prefills names in local time and says so; {utc:…} in the template gives UTC', async () => {
    await selectServer('web-server-01');
    const before = Date.now();
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'New snapshot of web-server-01' });
    const name = await dialog.getByLabel('Snapshot name').inputValue();
    const after = Date.now();
    const local = [stamp(before, ZONE), stamp(after, ZONE)].map((s) => `web-server-01-${s}`);
    expect(local).toContain(name);
    // Kolkata is 5 h 30 min from UTC, so a UTC name could not pass for a local one.
    expect(name).not.toBe(`web-server-01-${stamp(before, 'UTC')}`);
    const clock = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeStyle: 'short' }).format(before);
    expect(await dialog.getByTestId('name-clock').textContent()).toBe(
      `The time in the name is this computer's local time (${clock}).`,
    );
    await screenshot(page, 'create-dialog-local-time');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Name template').fill('{server}-{utc:yyyyMMdd-HHmm}');
    await page.getByLabel('Name template').press('Tab');
    await expect
      .poll(() => preview.core.getState().settings.nameTemplate)
      .toBe('{server}-{utc:yyyyMMdd-HHmm}');
    await page.getByRole('button', { name: 'Back to servers' }).click();
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const utcBefore = Date.now();
    const utcName = await dialog.getByLabel('Snapshot name').inputValue();
    expect(
      [stamp(utcBefore - 60_000, 'UTC'), stamp(utcBefore, 'UTC')].map((s) => `web-server-01-${s}`),
    ).toContain(utcName);
    expect(await dialog.getByTestId('name-clock').textContent()).toBe(
      'The time in the name is in UTC, as your name template asks.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await preview.actions.updateSettings({ nameTemplate: '{server}-{yyyyMMdd-HHmm}' })).ok).toBe(
      true,
    );
  });

  it('Create at 5 of 5 says why before the click, opens nothing, and the core refuses too', async () => {
    await selectServer('db-server-01');
    const create = page.getByRole('button', { name: 'Create snapshot' });
    expect(await create.getAttribute('aria-disabled')).toBe('true');
    const reason = await description(page, 'Create snapshot');
    expect(reason).toMatch(/^This server already has 5 snapshots, the most VPS.org allows\./);
    expect(reason).toMatch(/The oldest is nightly-\d{4}-\d\d-\d\d, taken 5 days ago\.$/);
    await create.hover();
    await page.getByRole('tooltip').filter({ hasText: 'already has 5 snapshots' }).waitFor();
    await screenshot(page, 'create-blocked-reason');
    await clickDoesNothing(page, create);
    // Keyboard users reach it and hear the same reason.
    await create.focus();
    await page.getByRole('tooltip').filter({ hasText: 'already has 5 snapshots' }).waitFor();
    await page.keyboard.press('Enter');
    await frames(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    const before = preview.simulator.snapshot().snapshots.length;
    const refused = await callFromPage(
      page,
      `createSnapshot({ serverId: 12346, name: 'sixth', description: '' })`,
    );
    expect(refused).toMatchObject({ ok: false, kind: 'limit_reached' });
    expect(preview.simulator.snapshot().snapshots.length).toBe(before);
  });

  it('Delete on the snapshot a running restore uses says why; the core refuses too; the end is confirmed', async () => {
    const started = await preview.actions.restoreSnapshot({
      serverId: 12347,
      snapshotId: 790,
      confirmServerName: 'staging-01',
    });
    expect(started.ok).toBe(true);
    await selectServer('staging-01');
    const del = page.getByRole('button', { name: 'Delete snapshot before-php-upgrade' });
    await expect.poll(() => del.getAttribute('aria-disabled')).toBe('true');
    expect(await description(page, 'Delete snapshot before-php-upgrade')).toBe(
      'staging-01 is being restored from this snapshot. It can be deleted once the restore has finished.',
    );
    await del.hover();
    await page.getByRole('tooltip').filter({ hasText: 'being restored from this snapshot' }).waitFor();
    await screenshot(page, 'delete-blocked-reason');
    await clickDoesNothing(page, del);
    const refused = await callFromPage(page, 'deleteSnapshot({ serverId: 12347, snapshotId: 790 })');
    expect(refused).toMatchObject({ ok: false, kind: 'refused' });
    expect(preview.simulator.snapshot().snapshots.some((s) => s.id === 790)).toBe(true);

    // When the restore ends: a green confirmation, and Delete works again.
    const done = messages().getByText('staging-01 was restored from before-php-upgrade.');
    await done.waitFor({ timeout: 60_000 });
    await expect.poll(() => del.getAttribute('aria-disabled')).toBe(null);
  });

  it('a finished snapshot gets a short-lived green toast whose Show opens its server; strips fold', async () => {
    await selectServer('build-runner');
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'New snapshot of build-runner' });
    await dialog.getByLabel('Snapshot name').fill('e2e-toast');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row('build-runner', 'e2e-toast').getByText('Created just now').waitFor();
    // Look elsewhere while it runs.
    await selectServer('web-server-01');
    const toast = messages()
      .locator('.toast')
      .filter({ hasText: 'Snapshot e2e-toast of build-runner is ready.' });
    await toast.waitFor({ timeout: 60_000 });
    // Success coloured: the theme's green, not the failure red.
    const colour = await page.evaluate<string>(`(() => {
      const el = [...document.querySelectorAll('.toast')].find((t) => t.textContent.includes('e2e-toast'));
      return el ? getComputedStyle(el).backgroundColor : 'no toast';
    })()`);
    expect(colour).toBe('rgb(227, 244, 233)');
    await screenshot(page, 'toast-finished');
    await toast.getByRole('button', { name: 'Show build-runner' }).click();
    await page.getByRole('heading', { name: 'Snapshots of build-runner' }).waitFor();
    expect(await page.getByRole('option', { name: /build-runner/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await page.evaluate<string | null>(`document.activeElement.getAttribute('role')`)).toBe('listbox');
    await toast.waitFor({ state: 'detached' });

    // Finished operations are one line in the panel, however many there are.
    const ops = page.getByRole('region', { name: 'Operations' });
    await ops.getByText('Finished operations: 2').waitFor();
    expect(await ops.getByRole('listitem').count()).toBe(0);
    await screenshot(page, 'operations-folded');
  });

  it('a toast goes by itself after a few seconds', async () => {
    const quick = await preview.actions.quickSnapshot({ serverId: 12349 });
    expect(quick.ok).toBe(true);
    const name = quick.ok ? quick.value.snapshotName : '';
    await page.mouse.move(0, 0);
    const toast = messages().getByText(`Snapshot ${name} of build-runner is ready.`);
    await toast.waitFor({ timeout: 60_000 });
    await toast.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('a delete is confirmed with a toast', async () => {
    await selectServer('build-runner');
    await page.getByRole('button', { name: 'Delete snapshot e2e-toast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete snapshot' });
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await dialog.waitFor({ state: 'detached' });
    const toast = messages()
      .locator('.toast')
      .filter({ hasText: 'Deleted snapshot e2e-toast of build-runner.' });
    await toast.waitFor();
    expect(preview.simulator.snapshot().snapshots.some((s) => s.name === 'e2e-toast')).toBe(false);
    await screenshot(page, 'toast-deleted');
    await toast.getByRole('button', { name: 'Close' }).click();
    await toast.waitFor({ state: 'detached' });
  });

  it('settings save as each field is left; an unknown placeholder is flagged and refused', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const poll = page.getByLabel('While an operation runs, check every (seconds)');
    await poll.fill('7');
    await poll.press('Tab');
    await expect.poll(() => preview.core.getState().settings.pollIntervalSeconds).toBe(7);
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();

    const template = page.getByLabel('Name template');
    await template.fill('{server}-{foo}');
    await page.getByText('{foo} is not something the app can fill in.', { exact: false }).first().waitFor();
    expect(await template.getAttribute('aria-invalid')).toBe('true');
    await template.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Not saved: correct the marked field.' }).waitFor();
    expect(preview.core.getState().settings.nameTemplate).toBe('{server}-{yyyyMMdd-HHmm}');
    await page
      .getByText('{foo} is not something the app can fill in.', { exact: false })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-unknown-placeholder');
    // A page that skips the form's check cannot keep it either: the core refuses it.
    const direct = await callFromPage(page, `updateSettings({ nameTemplate: '{server}-{foo}' })`);
    expect(direct.ok).toBe(false);
    expect(direct.message).toContain('{foo}');
    expect(preview.core.getState().settings.nameTemplate).toBe('{server}-{yyyyMMdd-HHmm}');
    // Leaving keeps what was saved (there is nothing to lose: every valid change is already saved).
    await page.getByRole('button', { name: 'Back to servers' }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    expect(await page.getByLabel('While an operation runs, check every (seconds)').inputValue()).toBe('7');
    expect(await page.getByLabel('Name template').inputValue()).toBe('{server}-{yyyyMMdd-HHmm}');
    await page.getByRole('button', { name: 'Back to servers' }).click();
    expect(consoleErrors).toEqual([]);
  });
});
