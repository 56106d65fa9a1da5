/**
 * The window at the small sizes users have (800x600, and a narrow 480x800 beside other windows),
 * in real Chromium: the status filter is not cut off, the header stays on one line, the stacked
 * panes scroll as one page, and a long server or snapshot name never hides the running state.
 * Checked by measuring the laid-out page, in English, Finnish and Gujarati; the screenshots are the
 * ones in the README. The simulator runs at real speed here, so a snapshot stays in progress.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_NAME_MAX } from '../../src/shared/snapshot-name';
import type { SimServer } from '../../src/simulator/types';
import { DOC_SERVER_WIRE } from '../support/doc-records';
import { SMALL_SIZES, openApp, screenshot, skipWithoutChromium, startDemo, useE2eBrowser } from './support';

const skip = skipWithoutChromium();

const LONG_SERVER = 'customer-portal-production-frontend-eu-central-primary-01';
const LONG_SNAPSHOT = `before-the-big-upgrade-${'x'.repeat(SNAPSHOT_NAME_MAX - 23)}`;

/** A problem with the layout, measured in the page; an empty list when it holds. */
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > innerWidth + 1) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + innerWidth);
  const buttons = [...document.querySelectorAll('.app-header button')].map((b) => b.getBoundingClientRect());
  if (new Set(buttons.map((r) => Math.round(r.top))).size > 1) problems.push('the header buttons wrap');
  for (const r of buttons) if (r.right > innerWidth + 1) problems.push('a header button is outside the window');
  const select = document.querySelector('.servers select');
  const card = document.querySelector('.servers');
  if (select && card) {
    const s = select.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    if (s.right > c.right + 1 || s.left < c.left - 1) problems.push('the status filter is cut off');
  }
  return problems;
})()`;

/** Whether the element with this text is shown whole: inside its row, the window, and not ellipsised. */
function shownWhole(page: Page, rowSelector: string, rowText: string, text: string): Promise<string> {
  return page.evaluate<string>(`(() => {
    const row = [...document.querySelectorAll(${JSON.stringify(rowSelector)})].find((el) =>
      el.textContent.includes(${JSON.stringify(rowText)}),
    );
    if (!row) return 'no row with ' + ${JSON.stringify(rowText)};
    const el = [...row.querySelectorAll('*')].find((e) => e.children.length === 0 && e.textContent.trim().startsWith(${JSON.stringify(text)}));
    if (!el) return 'no ' + ${JSON.stringify(text)} + ' in the row';
    const r = el.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'hidden';
    if (r.left < box.left - 1 || r.right > box.right + 1) return 'outside its row';
    if (r.right > innerWidth + 1) return 'outside the window';
    if (el.scrollWidth > el.clientWidth + 1) return 'cut short';
    return 'ok';
  })()`);
}

describe.skipIf(skip)('the window at 800x600 and 480x800', () => {
  const e2e = useE2eBrowser('window-small');

  it('holds its layout at both sizes, in all three languages, with a long name running', async () => {
    // Real speed: the long-named snapshot stays in progress for minutes, so it can be measured.
    const preview = await e2e.startPreview({ speed: 1 });
    preview.simulator.addServers([longServer()]);
    for (const size of SMALL_SIZES) {
      const tag = `${size.width}x${size.height}`;
      const { page, context, consoleErrors } = await openApp(e2e.browser, preview, 'light', {
        viewport: size,
      });
      if (preview.core.getState().mode === 'signed-out') {
        await startDemo(page);
        const made = await preview.actions.createSnapshot({
          serverId: 12399,
          name: LONG_SNAPSHOT,
          description: 'A long name must not push the running state out of sight',
        });
        expect(made.ok).toBe(true);
      }
      await page.getByRole('option', { name: /web-server-01/ }).waitFor();
      expect(await page.evaluate<string[]>(LAYOUT_PROBLEMS), tag).toEqual([]);
      await screenshot(page, `small-${tag}-main`);

      // The server with the long name: its row, its snapshot and its operation still say it runs.
      await page.getByRole('searchbox', { name: 'Filter servers' }).fill('customer-portal');
      await page.getByRole('option', { name: new RegExp(LONG_SERVER) }).click();
      await page.getByRole('heading', { name: `Snapshots of ${LONG_SERVER}` }).waitFor();
      expect(await shownWhole(page, '[role="option"]', LONG_SERVER, 'In progress'), tag).toBe('ok');
      expect(await shownWhole(page, '.snap', 'before-the-big-upgrade', 'In progress'), tag).toBe('ok');
      expect(await shownWhole(page, '.op', 'before-the-big-upgrade', 'Running for'), tag).toBe('ok');
      expect(await page.evaluate<string[]>(LAYOUT_PROBLEMS), tag).toEqual([]);
      await screenshot(page, `small-${tag}-long-name`);

      await page.getByRole('searchbox', { name: 'Filter servers' }).fill('');

      // A full server: the reason on the main button shows, inside the window.
      await page.getByRole('option', { name: /db-server-01/ }).click();
      const create = page.getByRole('button', { name: 'Create snapshot' });
      await create.hover();
      const why = page.getByRole('tooltip');
      await why.waitFor();
      const box = await why.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= size.width, tag).toBe(true);
      await screenshot(page, `small-${tag}-create-blocked`);
      if (size.width < 720) {
        // Stacked: the page scrolls as one (the snapshots pane has no scroll of its own).
        const scroll = await page.evaluate<{ main: boolean; detail: boolean }>(`(() => {
          const main = document.querySelector('main');
          const detail = document.querySelector('.detail');
          return { main: main.scrollHeight > main.clientHeight, detail: detail.scrollHeight > detail.clientHeight + 1 };
        })()`);
        expect(scroll).toEqual({ main: true, detail: false });
        await page.evaluate(
          `document.querySelector('main').scrollTo(0, document.querySelector('main').scrollHeight)`,
        );
        await page.mouse.move(0, 0);
        await screenshot(page, `small-${tag}-scrolled`);
      }

      await page.getByRole('option', { name: /web-server-01/ }).click();
      await page.getByRole('button', { name: 'Create snapshot' }).click();
      const dialog = page.getByRole('dialog', { name: 'New snapshot of web-server-01' });
      await dialog.getByTestId('name-clock').waitFor();
      await screenshot(page, `small-${tag}-create-dialog`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Name template').waitFor();
      expect(await page.evaluate<string[]>(LAYOUT_PROBLEMS), tag).toEqual([]);
      await screenshot(page, `small-${tag}-settings`);
      await page.getByRole('button', { name: 'Back to servers' }).click();

      // Longer words in Finnish and Gujarati: still one header line, nothing cut.
      for (const language of ['fi', 'gu'] as const) {
        expect((await preview.actions.updateSettings({ language })).ok).toBe(true);
        await expect
          .poll(() => page.evaluate<string>('document.documentElement.lang'))
          .toMatch(new RegExp(`^${language}`));
        expect(await page.evaluate<string[]>(LAYOUT_PROBLEMS), `${tag} ${language}`).toEqual([]);
        await screenshot(page, `small-${tag}-${language}`);
      }
      expect((await preview.actions.updateSettings({ language: 'en' })).ok).toBe(true);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });
});

/** A server whose name is as long as a real one can get in a list. */
function longServer(): SimServer {
  return {
    ...DOC_SERVER_WIRE,
    id: 12399,
    name: LONG_SERVER,
    hostname: 'portal-frontend-primary.eu-central.example.com',
    location: 'eu-central',
  };
}
