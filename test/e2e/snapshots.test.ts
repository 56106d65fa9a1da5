/**
 * Managing snapshots, end to end, signed in with a token: create one and watch it complete (with
 * the core's notification), the sixth refused with the reason, a guarded restore seen through
 * `restoring` to its end, a delete, and the tray's quick snapshot showing up in the window.
 * The simulator runs fast (see E2E_SPEED) so each operation ends within seconds; waits are for
 * what the page shows, never for a fixed time.
 */
import { describe, expect, it } from 'vitest';
import type { TrayAction, TrayMenuItem } from '../../src/main/core/tray-model';
import { buildTrayModel } from '../../src/main/core/tray-menu';
import { readFileSync } from 'node:fs';
import {
  openApp,
  screenshot,
  skipWithoutChromium,
  useE2eApp,
  signIn,
  expectTokenNotLeaked,
  TEST_TOKEN,
} from './support';

const skip = skipWithoutChromium();

/** The enabled quick-snapshot action under the tray's entry for a server, searching submenus. */
function findTrayAction(items: readonly TrayMenuItem[], server: string, inServer = false): TrayAction | null {
  for (const item of items) {
    if (item.kind !== 'item') continue;
    const here = inServer || item.label.includes(server);
    if (here && item.enabled && item.action?.type === 'quickSnapshot') return item.action;
    const found = item.submenu ? findTrayAction(item.submenu, server, here) : null;
    if (found) return found;
  }
  return null;
}
const WEB = 'web-server-01';
const WEB_ID = 12345;

describe.skipIf(skip)('snapshots', () => {
  const app = useE2eApp('snapshots', { ready: signIn });

  /** The snapshot list of the selected server. */
  const snapshotList = (server: string) => app.page.getByRole('list', { name: `Snapshots of ${server}` });
  /** One snapshot's row. */
  const snapshotRow = (server: string, name: string) =>
    snapshotList(server).getByRole('listitem').filter({ hasText: name });

  async function selectServer(name: string): Promise<void> {
    await app.page.getByRole('option', { name: new RegExp(name) }).click();
    await app.page.getByRole('heading', { name: `Snapshots of ${name}` }).waitFor();
  }

  it('creates a snapshot and watches it complete, with the notification recorded by the core', async () => {
    await selectServer(WEB);
    await screenshot(app.page, 'main-screen');
    await app.page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = app.page.getByRole('dialog', { name: `New snapshot of ${WEB}` });
    await dialog.waitFor();
    // The documented advice for a running server is shown.
    await dialog.getByText('stop the server first').waitFor();
    const name = dialog.getByLabel('Snapshot name');
    await name.fill('bad name!');
    await dialog.getByText('The name cannot contain').waitFor();
    expect(await dialog.getByRole('button', { name: 'Take snapshot' }).isDisabled()).toBe(true);
    await name.fill('e2e-before-upgrade');
    await dialog.getByLabel('Description (optional)').fill('Made by the end-to-end test');
    await screenshot(app.page, 'create-dialog');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = snapshotRow(WEB, 'e2e-before-upgrade');
    await row.getByText('In progress').waitFor();
    await screenshot(app.page, 'create-in-progress');
    await row.getByText('Completed').waitFor({ timeout: 60_000 });
    await screenshot(app.page, 'create-completed');

    const made = app.preview.simulator.snapshot().snapshots.filter((s) => s.name === 'e2e-before-upgrade');
    expect(made).toHaveLength(1);
    expect(made[0]?.status).toBe('completed');
    await expect.poll(() => app.preview.notifications.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const notes = app.preview.notifications.filter((n) => n.body.includes('e2e-before-upgrade'));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.title).toBe('web-server-01: snapshot completed');
    expect(app.preview.ipcLog.some((e) => e.direction === 'event' && e.name === 'operationFinished')).toBe(
      true,
    );
  });

  it('refuses a sixth snapshot and says what to delete, before the click', async () => {
    await selectServer('db-server-01');
    await app.page.getByText('5 of 5 snapshots used').waitFor();
    const create = app.page.getByRole('button', { name: 'Create snapshot' });
    expect(await create.getAttribute('aria-disabled')).toBe('true');
    await create.hover();
    await app.page
      .getByRole('tooltip')
      .filter({ hasText: 'already has 5 snapshots, the most VPS.org allows' })
      .filter({ hasText: /The oldest is nightly-/ })
      .waitFor();
    await screenshot(app.page, 'sixth-snapshot-refused');
    await create.click({ force: true });
    expect(await app.page.getByRole('dialog').count()).toBe(0);

    // The core refuses too when the page is bypassed (as the tray's quick snapshot would be).
    const before = app.preview.simulator.snapshot().snapshots.length;
    const refused = await app.page.evaluate<{ ok: boolean; kind?: string; message?: string }>(
      `window.vps.createSnapshot({ serverId: 12346, name: 'sixth', description: '' }).then((r) => r.ok ? { ok: true } : { ok: false, kind: r.error.kind, message: r.error.message })`,
    );
    expect(refused.ok).toBe(false);
    expect(refused.kind).toBe('limit_reached');
    expect(refused.message).toContain('5 of 5');
    expect(app.preview.simulator.snapshot().snapshots.length).toBe(before);
  });

  it('restores with the typed confirmation after a snapshot of the current state, shows restoring, then the end', async () => {
    await selectServer(WEB);
    const webSnapshots = () =>
      app.preview.simulator.snapshot().snapshots.filter((s) => s.server.id === WEB_ID);
    const before = webSnapshots().length;
    await app.page.getByRole('button', { name: `Restore ${WEB} from pre-migration-snapshot` }).click();
    const dialog = app.page.getByRole('dialog', { name: `Restore ${WEB}` });
    await dialog.getByText('This cannot be undone.').waitFor();
    const submit = dialog.getByRole('button', { name: 'Restore and overwrite' });
    const confirm = dialog.getByLabel(`To confirm, type the name of the server: ${WEB}`);
    expect(await submit.isDisabled()).toBe(true);
    await confirm.fill('Web-Server-01');
    expect(await submit.isDisabled()).toBe(true);
    await confirm.fill(WEB);
    expect(await submit.isEnabled()).toBe(true);
    // A slot is free: the snapshot of the current state is offered, ticked, with what it adds.
    expect(await dialog.getByRole('checkbox', { name: 'Snapshot the current state first' }).isChecked()).toBe(
      true,
    );
    await dialog.getByText('This adds 3-10 minutes').waitFor();
    await screenshot(app.page, 'restore-dialog');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });

    const restoring = app.page.getByRole('status').filter({ hasText: 'This server is being restored' });
    await restoring.waitFor();
    await screenshot(app.page, 'restoring');
    await restoring.waitFor({ state: 'detached', timeout: 60_000 });
    // The end is confirmed by a toast (the operations panel folds finished ones into one line).
    await app.page
      .getByRole('region', { name: 'Messages' })
      .getByText('web-server-01 was restored from pre-migration-snapshot.')
      .waitFor();
    await screenshot(app.page, 'restore-finished');
    const server = app.preview.simulator.snapshot().servers.find((s) => s.id === WEB_ID);
    expect(server?.status).not.toBe('restoring');
    // The safety snapshot was taken, and completed, before the restore.
    const made = webSnapshots().filter((s) => !['pre-migration-snapshot'].includes(s.name));
    expect(webSnapshots()).toHaveLength(before + 1);
    expect(made.every((s) => s.status === 'completed')).toBe(true);
    await expect
      .poll(() => app.preview.notifications.filter((n) => n.title === `${WEB}: restore finished`).length, {
        timeout: 10_000,
      })
      .toBe(1);
  });

  it('the history lists both steps, filters by server from the keyboard, and exports JSON and CSV', async () => {
    await app.page.getByRole('button', { name: 'History' }).click();
    const table = app.page.getByRole('table');
    await table.getByText('Restore (after a snapshot of the current state)').waitFor();
    await table.getByText('Snapshot (before a restore)').waitFor();
    await screenshot(app.page, 'history');
    // The filter: a native select reached with Tab and changed with the keyboard.
    const filter = app.page.getByRole('combobox', { name: /^Server/ });
    await filter.focus();
    await filter.selectOption({ label: 'db-server-01' });
    await app.page.getByText(/^\d+ entr(y|ies)$/).waitFor();
    const dbRows = await table.getByRole('row').count();
    await filter.selectOption({ label: 'All servers' });
    await table.getByText('Restore (after a snapshot of the current state)').waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(dbRows);

    for (const format of ['JSON', 'CSV'] as const) {
      const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        app.page.getByRole('button', { name: `Export ${format}` }).click(),
      ]);
      const path = await download.path();
      const text = readFileSync(path, 'utf8');
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^vps-snapshot-history-\\d{8}-\\d{4}\\.${format.toLowerCase()}$`),
      );
      if (format === 'JSON') {
        const parsed = JSON.parse(text) as { entries: { kind: string; flow?: string; source: string }[] };
        expect(
          parsed.entries
            .filter((e) => e.flow === 'safety-restore')
            .map((e) => e.kind)
            .sort(),
        ).toEqual(['create', 'restore']);
        expect(text).not.toContain('"scope"');
      } else {
        const lines = text.replace(/^\uFEFF/, '').split('\r\n');
        expect(lines[0]).toBe(
          'time,kind,flow,source,server_id,server,snapshot_id,snapshot,result,what,from,outcome,details',
        );
        expect(lines.some((l) => l.includes(',restore,safety-restore,window,12345,web-server-01,'))).toBe(
          true,
        );
      }
      expect(text).not.toContain(TEST_TOKEN);
      await app.page.getByText(`Downloaded ${download.suggestedFilename()}.`).waitFor();
    }
    await app.page.getByRole('button', { name: 'Back to servers' }).click();
    await table.waitFor({ state: 'detached' });
  });

  it('the core refuses a restore with the wrong typed name, even from a page that skips the dialog', async () => {
    app.preview.simulator.resetRequestCounts();
    const refused = await app.page.evaluate<{ ok: boolean; kind?: string }>(
      `window.vps.restoreSnapshot({ serverId: 12345, snapshotId: 801, confirmServerName: 'web-server-1' }).then((r) => r.ok ? { ok: true } : { ok: false, kind: r.error.kind })`,
    );
    expect(refused.ok).toBe(false);
    expect(Object.keys(app.preview.simulator.requestCounts()).filter((k) => k.startsWith('POST'))).toEqual(
      [],
    );
    expect(app.preview.simulator.snapshot().servers.find((s) => s.id === WEB_ID)?.status).toBe('active');
    await screenshot(app.page, 'restore-refused-by-core');
  });

  it('deletes a snapshot after the confirmation', async () => {
    await selectServer(WEB);
    await app.page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Delete snapshot' });
    await dialog.getByText('Deleting is permanent').waitFor();
    await screenshot(app.page, 'delete-dialog');
    await dialog.getByRole('button', { name: 'Delete permanently' }).click();
    await dialog.waitFor({ state: 'detached' });
    await snapshotRow(WEB, 'weekly-snapshot-2025-01-08').waitFor({ state: 'detached' });
    await app.page.getByText(`Deleted snapshot weekly-snapshot-2025-01-08 of ${WEB}.`).waitFor();
    expect(
      app.preview.simulator.snapshot().snapshots.some((s) => s.name === 'weekly-snapshot-2025-01-08'),
    ).toBe(false);
    await screenshot(app.page, 'after-delete');
  });

  it("the tray's quick snapshot, chosen from the tray menu model, shows up in the window", async () => {
    await selectServer('staging-01');
    const before = new Set(app.preview.simulator.snapshot().snapshots.map((s) => s.id));
    // The menu the tray would show now, and the item it would run, through the tray's own controller.
    const model = buildTrayModel(app.preview.core.getState(), Date.now());
    const action = findTrayAction(model.items, 'staging-01');
    expect(action).toEqual({ type: 'quickSnapshot', serverId: 12347 });
    const notified = app.preview.notifications.length;
    if (action) await app.preview.tray.run(action);
    await expect
      .poll(() => app.preview.simulator.snapshot().snapshots.filter((s) => !before.has(s.id)).length, {
        timeout: 10_000,
      })
      .toBe(1);
    const made = app.preview.simulator.snapshot().snapshots.find((s) => !before.has(s.id));
    expect(made?.server.id).toBe(12347);
    const name = made?.name ?? '';
    await snapshotRow('staging-01', name).waitFor();
    await app.page.getByText(`Snapshot ${name} of staging-01`).first().waitFor();
    await screenshot(app.page, 'quick-snapshot');
    await snapshotRow('staging-01', name).getByText('Completed').waitFor({ timeout: 60_000 });
    // Confirmed at once, then announced when done; nothing refused.
    expect(app.preview.notifications.slice(notified).map((n) => n.title)).toEqual([
      'staging-01: snapshot started',
      'staging-01: snapshot completed',
    ]);
  });

  it('a double click on Take snapshot makes one snapshot', async () => {
    await selectServer('build-runner');
    await app.page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'New snapshot of build-runner' });
    await dialog.getByLabel('Snapshot name').fill('double-click-once');
    const createCalls = app.preview.ipcLog.filter(
      (e) => e.direction === 'invoke' && e.name === 'createSnapshot',
    ).length;
    await dialog.getByRole('button', { name: 'Take snapshot' }).dblclick();
    await dialog.waitFor({ state: 'detached' });
    await snapshotRow('build-runner', 'double-click-once').waitFor();
    expect(
      app.preview.simulator.snapshot().snapshots.filter((s) => s.name === 'double-click-once'),
    ).toHaveLength(1);
    expect(
      app.preview.ipcLog.filter((e) => e.direction === 'invoke' && e.name === 'createSnapshot').length,
    ).toBe(createCalls + 1);
    await screenshot(app.page, 'double-click-once');
  });

  it('showing a server from a notification or the tray selects it in the window', async () => {
    await selectServer(WEB);
    const result = await app.preview.actions.showServer({ serverId: 12348 });
    expect(result.ok).toBe(true);
    await app.page.getByRole('heading', { name: 'Snapshots of legacy-app' }).waitFor();
    expect(await app.page.getByRole('option', { name: /legacy-app/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(app.preview.ipcLog.some((e) => e.direction === 'event' && e.name === 'focusServer')).toBe(true);
    await screenshot(app.page, 'focus-server');
  });

  it('the token never reached the page or the bridge traffic during all of this', async () => {
    await expectTokenNotLeaked(app.page, app.preview);
    expect(app.consoleErrors).toEqual([]);
    await screenshot(app.page, 'snapshots-token-hygiene');
  });

  it('the main screen in the dark theme', async () => {
    const dark = await openApp(app.browser, app.preview, 'dark');
    await dark.page.getByRole('option', { name: new RegExp(WEB) }).click();
    await dark.page.getByRole('heading', { name: `Snapshots of ${WEB}` }).waitFor();
    const background = await dark.page.evaluate<string>(`getComputedStyle(document.body).backgroundColor`);
    const light = await app.page.evaluate<string>(`getComputedStyle(document.body).backgroundColor`);
    expect(background).not.toBe(light);
    await screenshot(dark.page, 'main-screen-dark');
    await dark.context.close();
  });
});
