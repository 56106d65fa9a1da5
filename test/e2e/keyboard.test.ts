/**
 * Keyboard alone, and accessible names, in real Chromium: the demo is reached with Tab and Enter,
 * the server list moves with the arrow keys, a dialog opens with its first field focused, Esc
 * closes it and gives focus back, and a snapshot can be taken without the mouse. Every control on
 * each screen and dialog has an accessible name (read from Chromium's accessibility tree).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, skipWithoutChromium, useE2eApp } from './support';

const skip = skipWithoutChromium();

/** Roles that are controls: each must have a name. */
const CONTROL =
  /^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|switch|spinbutton|listbox|slider)\b(.*)$/;

/** The controls in an aria snapshot that have no accessible name. */
function unnamedControls(ariaSnapshot: string): string[] {
  return ariaSnapshot.split('\n').filter((line) => {
    const match = CONTROL.exec(line);
    // A named control reads `- button "Name"`; an unnamed one has no quoted name after its role.
    return match !== null && !/^\s*"/.test(match[2] ?? '');
  });
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, describe: string, matches: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.evaluate<boolean>(
        `(() => { const el = document.activeElement; return !!el && (${matches}); })()`,
      )
    )
      return;
  }
  throw new Error(`${describe} was not reached with ${max} presses of Tab`);
}

/** The accessible text of the focused element. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate<string>(
    `(() => { const el = document.activeElement; return el ? (el.getAttribute('aria-label') || el.textContent || '').trim() : ''; })()`,
  );
}

/** The `name` attribute of the focused element. */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement.getAttribute('name')`);
}

/** Waits for the dialog called `name` and checks that every control in it has an accessible name. */
async function namedDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  expect(unnamedControls(await dialog.ariaSnapshot())).toEqual([]);
  return dialog;
}

/** Closes the dialog with Esc and waits until it is gone. */
async function closeWithEscape(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(skip)('keyboard and accessible names', () => {
  const app = useE2eApp('keyboard', {
    ready: (page) => page.getByRole('heading', { name: 'Sign in to VPS.org' }).waitFor(),
  });

  // Each test sets up what it needs (the demo, a selection, where focus starts) instead of relying on
  // what an earlier test left behind, so each passes alone and in any order.

  /** The demo is on and its servers are listed. */
  async function inDemo(): Promise<void> {
    if (app.preview.core.getState().mode !== 'demo') {
      expect((await app.preview.core.startDemo()).ok).toBe(true);
    }
    await app.page.getByRole('option', { name: /web-server-01/ }).waitFor();
  }

  /** Focus at a known place: the main region, where "Skip to content" leads. */
  async function focusMain(): Promise<void> {
    await app.page.locator('#main').focus();
  }

  /** web-server-01 chosen with the keyboard (the list's Home key), focus left on the list. */
  async function firstServerSelected(): Promise<void> {
    await inDemo();
    await focusMain();
    await tabTo(app.page, 'The server list', `el.getAttribute('role') === 'listbox'`);
    await app.page.keyboard.press('Home');
    await app.page.getByRole('heading', { name: 'Snapshots of web-server-01' }).waitFor();
  }

  it('the sign-in screen names every control, and the demo is reached with Tab and Enter', async () => {
    expect(unnamedControls(await app.page.locator('body').ariaSnapshot())).toEqual([]);
    await tabTo(app.page, 'The "Try the demo" button', `el.textContent.trim() === 'Try the demo'`);
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('option', { name: /web-server-01/ }).waitFor();
    expect(app.preview.core.getState().mode).toBe('demo');
    await screenshot(app.page, 'keyboard-demo');
  });

  it('the main screen names every control', async () => {
    await inDemo();
    expect(unnamedControls(await app.page.locator('body').ariaSnapshot())).toEqual([]);
    await screenshot(app.page, 'keyboard-main');
  });

  it('the server list moves with the arrow keys, Home and End', async () => {
    await firstServerSelected();
    await app.page.keyboard.press('ArrowDown');
    await app.page.getByRole('heading', { name: 'Snapshots of db-server-01' }).waitFor();
    await app.page.keyboard.press('End');
    await app.page.getByRole('heading', { name: 'Snapshots of edge-proxy-01' }).waitFor();
    await app.page.keyboard.press('Home');
    await app.page.getByRole('heading', { name: 'Snapshots of web-server-01' }).waitFor();
    await screenshot(app.page, 'keyboard-server-list');
  });

  it('a dialog opens on its first field, Esc closes it and focus returns to its button', async () => {
    await firstServerSelected();
    await tabTo(app.page, 'The "Create snapshot" button', `el.textContent.trim() === 'Create snapshot'`);
    await app.page.keyboard.press('Enter');
    const dialog = await namedDialog(app.page, 'New snapshot of web-server-01');
    expect(await focusedName(app.page)).toBe('name');
    await closeWithEscape(app.page, dialog);
    expect(await focusedText(app.page)).toBe('Create snapshot');
    await screenshot(app.page, 'keyboard-dialog-closed');
  });

  it('takes a snapshot with the keyboard alone', async () => {
    await firstServerSelected();
    await tabTo(app.page, 'The "Create snapshot" button', `el.textContent.trim() === 'Create snapshot'`);
    await app.page.keyboard.press('Enter');
    const dialog = app.page.getByRole('dialog', { name: 'New snapshot of web-server-01' });
    await dialog.waitFor();
    await app.page.keyboard.press('ControlOrMeta+a');
    await app.page.keyboard.type('typed-by-keyboard');
    await app.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await app.page
      .getByRole('list', { name: 'Snapshots of web-server-01' })
      .getByText('typed-by-keyboard')
      .waitFor();
    expect(
      app.preview.simulator.snapshot().snapshots.filter((s) => s.name === 'typed-by-keyboard'),
    ).toHaveLength(1);
    await screenshot(app.page, 'keyboard-snapshot');
  });

  it('the restore and delete dialogs name every control', async () => {
    await firstServerSelected();
    await app.page.getByRole('button', { name: 'Restore web-server-01 from pre-migration-snapshot' }).click();
    const restore = await namedDialog(app.page, 'Restore web-server-01');
    // The confirmation field is focused first, never the destructive button.
    expect(await focusedName(app.page)).toBe('confirm-server-name');
    await closeWithEscape(app.page, restore);

    await app.page.getByRole('button', { name: 'Delete snapshot pre-migration-snapshot' }).click();
    const remove = await namedDialog(app.page, 'Delete snapshot');
    expect(await focusedText(app.page)).not.toBe('Delete permanently');
    await closeWithEscape(app.page, remove);
    await screenshot(app.page, 'keyboard-dialogs-named');
  });

  it('the settings screen names every control', async () => {
    await inDemo();
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByRole('heading', { name: 'Settings', exact: true }).first().waitFor();
    expect(unnamedControls(await app.page.locator('body').ariaSnapshot())).toEqual([]);
    await screenshot(app.page, 'settings');
  });
});

describe('the accessible-name check itself', () => {
  it('flags unnamed controls and passes named ones', () => {
    const sample = [
      '- button "Save"',
      '- button',
      '  - textbox "Name": x',
      '  - textbox',
      '- combobox [disabled]',
    ].join('\n');
    expect(unnamedControls(sample)).toEqual(['- button', '  - textbox', '- combobox [disabled]']);
  });
});
