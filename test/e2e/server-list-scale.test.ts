/**
 * The server list with a thousand servers, in real Chromium: only a screenful of rows is in the DOM,
 * for the whole list and for a filter that leaves a hundred; scrolling far with the mouse wheel
 * keeps the selected row rendered (the listbox's aria-activedescendant must name an element); and
 * the arrow keys then move from the selected server, bringing it back into view.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeServers } from '../../bench/fixtures';
import { openApp, screenshot, skipWithoutChromium, useE2eApp } from './support';

const skip = skipWithoutChromium();
const GENERATED = 1000;

/** Facts about the listbox, read in the page (a string: the node project's type-check has no DOM). */
async function listFacts(page: Page): Promise<{
  options: number;
  /** Rendered rows inside the scrolled viewport. */
  inView: number;
  scrollTop: number;
  active: string | null;
  activeText: string | null;
  activeSelected: string | null;
}> {
  return page.evaluate(`(() => {
    const list = document.querySelector('[role="listbox"]');
    const active = list.getAttribute('aria-activedescendant');
    const row = active ? document.getElementById(active) : null;
    const rows = [...list.querySelectorAll('[role="option"]')];
    const inView = rows.filter(
      (r) => r.offsetTop + r.offsetHeight > list.scrollTop && r.offsetTop < list.scrollTop + list.clientHeight,
    ).length;
    return {
      options: rows.length,
      inView,
      scrollTop: list.scrollTop,
      active,
      activeText: row ? row.textContent : null,
      activeSelected: row ? row.getAttribute('aria-selected') : null,
    };
  })()`);
}

describe.skipIf(skip)('a thousand servers', () => {
  const app = useE2eApp('server-list-scale', { open: false });

  it('renders a screenful, keeps the selected row through a long mouse scroll, and filters', async () => {
    app.preview.simulator.addServers(makeServers(GENERATED));
    expect((await app.preview.actions.startDemo(undefined)).ok).toBe(true);
    const { page, context } = await openApp(app.browser, app.preview);
    const listbox = page.getByRole('listbox', { name: 'Servers' });
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    const total = app.preview.core.getState().servers.length;
    expect(total).toBeGreaterThan(GENERATED);

    const first = await listFacts(page);
    expect(first.active).toBe('server-option-0');
    expect(first.options).toBeGreaterThan(5);
    expect(first.options).toBeLessThan(40);

    // Far down with the wheel, as a user would; the selection (the first server) stays put.
    await listbox.hover();
    for (let i = 0; i < 20 && (await listFacts(page)).scrollTop < 30_000; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(200);
    const scrolled = await listFacts(page);
    expect(scrolled.scrollTop).toBeGreaterThan(30_000);
    expect(scrolled.active).toBe('server-option-0');
    expect(scrolled.activeText).toContain('web-server-01');
    expect(scrolled.activeSelected).toBe('true');
    expect(scrolled.options).toBeLessThan(40);
    expect(scrolled.inView).toBeGreaterThan(5);
    await screenshot(page, 'server-list-scrolled');

    // The arrow key moves from the selected server and brings the list back to it.
    await listbox.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: 'Snapshots of db-server-01' }).waitFor();
    const moved = await listFacts(page);
    expect(moved.active).toBe('server-option-1');
    expect(moved.scrollTop).toBeLessThan(200);
    expect(moved.activeSelected).toBe('true');

    // A filter leaving 99 servers (db-0010 to db-0990) still renders only a screenful.
    await page.getByRole('searchbox', { name: 'Filter servers' }).fill('db-0');
    await page.getByText(`99 of ${total.toLocaleString('en-US')} servers`).waitFor();
    const filtered = await listFacts(page);
    expect(filtered.options).toBeGreaterThan(5);
    expect(filtered.options).toBeLessThan(40);
    await context.close();
  });
});
