/**
 * The tray in the browser preview, driven as a user drives the real tray: the panel beside the
 * window draws the real tray model (the same buildTrayModel and TrayController the Electron app
 * uses) and the notifications the core asked for. With the "OS" in English, Finnish and Gujarati
 * and nothing saved: the demo started from the tray, a quick snapshot in two clicks confirmed by a
 * notification and shown first in the menu while it runs, a quick snapshot VPS.org refuses with
 * its notification and its line among the recent outcomes. Expected words come from the catalogs.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Preview } from '../../src/preview/index';
import { translatorFor, type Locale, type Translator } from '../../src/shared/i18n';
import { SCREENSHOT_DIR, E2E_SPEED, skipWithoutChromium, useE2eBrowser } from './support';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

const skip = skipWithoutChromium();

/** The OS language each run pretends, as Electron's getPreferredSystemLanguages() would give it. */
const SYSTEM: Record<Locale, string> = { en: 'en-US', fi: 'fi-FI', gu: 'gu-IN' };

describe.skipIf(skip)('the tray beside the window (browser preview)', () => {
  const e2e = useE2eBrowser('tray');

  async function open(locale: Locale): Promise<{ preview: Preview; page: Page; tr: Translator }> {
    const preview = await e2e.startPreview({
      tray: true,
      speed: E2E_SPEED,
      systemLocales: [SYSTEM[locale]],
      settings: { pollIntervalSeconds: 2, language: 'system' },
    });
    const context = await e2e.browser.newContext({
      viewport: { width: 1660, height: 900 },
      locale: SYSTEM[locale],
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(preview.url);
    const tr = translatorFor(preview.core.getState().language);
    expect(tr.language.locale).toBe(locale);
    return { preview, page, tr };
  }

  const tray = (page: Page): Locator => page.getByRole('complementary');
  const menu = (page: Page): Locator => tray(page).getByRole('menu').first();
  /** The top-level items of the tray menu, as the user reads them. */
  const topLabels = (page: Page) => menu(page).locator(':scope > li > [role=menuitem]').allTextContents();
  const notes = (page: Page): Locator => tray(page).getByRole('region').locator('li');

  async function tryIt(locale: Locale): Promise<void> {
    const { preview, page, tr } = await open(locale);
    const s = tr.language.locale;

    // Nothing saved and the OS in this language: the very first tray menu is in it too.
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.tryDemo'), exact: true })
      .waitFor();
    expect(await topLabels(page)).toEqual([
      tr.t('tray.notSignedIn'),
      tr.t('tray.tryDemo'),
      tr.t('tray.signIn'),
      tr.t('tray.openApp'),
      tr.t('tray.quit'),
    ]);
    expect(await tray(page).getByRole('tooltip').textContent()).toBe(
      tr.t('tray.tooltip', { detail: tr.t('tray.tip.signedOut') }),
    );
    // The window speaks the same language.
    await page.getByRole('button', { name: tr.t('signin.demo') }).waitFor();

    // From the tray into the demo.
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.tryDemo'), exact: true })
      .click();
    const webEntry = tray(page).getByRole('menuitem', { name: /^web-server-01 — / });
    await webEntry.waitFor();
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();

    // Someone fills edge-proxy-01 to 5 of 5 in the dashboard: the menu, refreshed a moment ago,
    // still offers a quick snapshot; VPS.org refuses it, and the tray says so.
    const edge = preview.simulator.snapshot().servers.find((x) => x.name === 'edge-proxy-01');
    if (!edge) throw new Error('no edge-proxy-01 in the demo');
    preview.simulator.addSnapshots(
      [1, 2, 3, 4].map((n) => ({
        server: { id: edge.id, name: edge.name },
        name: `from-dashboard-${n}`,
        status: 'completed',
        size_mb: 900,
        created_at: new Date(Date.now() - n * 60_000).toISOString(),
        description: '',
      })),
    );
    await tray(page)
      .getByRole('menuitem', { name: /^edge-proxy-01 — / })
      .click();
    const edgeQuick = tray(page).getByRole('menuitem', { name: tr.t('tray.quickSnapshot'), exact: true });
    expect(await edgeQuick.getAttribute('aria-disabled')).toBeNull();
    await edgeQuick.click();
    const refusedTitle = tr.t('notify.demo', {
      title: tr.t('notify.snapshotRefused.title', { server: 'edge-proxy-01' }),
    });
    await notes(page).filter({ hasText: refusedTitle }).waitFor();
    // Why, and what to do: VPS.org's refusal in English, the kind's own sentence in other languages.
    const why = (await notes(page).first().textContent()) ?? '';
    if (s === 'en') expect(why).toMatch(/most snapshots allowed \(5\)\. Delete an old one first/);
    else expect(why).toBe(refusedTitle + tr.t('error.limit_reached'));
    await tray(page)
      .getByRole('menuitem', {
        name: `${tr.t('notify.snapshotRefused.title', { server: 'edge-proxy-01' })} — `,
      })
      .waitFor();
    await page.mouse.move(5, 890);
    await screenshotOf(page, `tray-refused-${locale}`);

    // A quick snapshot in two clicks: the server, then "Quick snapshot".
    await webEntry.click();
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.quickSnapshot'), exact: true })
      .click();
    const started = tr.t('notify.demo', {
      title: tr.t('notify.snapshotStarted.title', { server: 'web-server-01' }),
    });
    await notes(page).filter({ hasText: started }).waitFor();
    // What runs comes first in the menu, with its elapsed time against the usual duration.
    const running = tr.t('tray.creating', {
      snapshot: 'SNAP',
      server: 'web-server-01',
      elapsed: 'E',
      usual: tr.minutesRange(3, 10),
    });
    const [before] = running.split('SNAP');
    const first = (await topLabels(page))[0] ?? '';
    expect(first.startsWith(before ?? '')).toBe(true);
    expect(first).toContain(tr.minutesRange(3, 10));
    expect(await tray(page).getByRole('button').first().getAttribute('data-state')).toBe('busy');
    expect(await tray(page).getByRole('tooltip').textContent()).toBe(
      tr.t('tray.tooltip', { detail: tr.t('tray.tip.running', { count: 1 }) }),
    );
    // The server's submenu, as the README shows it: the name the next one would get, a named one,
    // its snapshots (each opens in the window).
    await webEntry.click();
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.namedSnapshot'), exact: true })
      .waitFor();
    // The refresh the start set off has reached the tray too: edge-proxy-01 reads 5/5 there now.
    await tray(page)
      .getByRole('menuitem', { name: /^edge-proxy-01 — .* · 5\/5 · / })
      .waitFor();
    await page.mouse.move(5, 890);
    await screenshotOf(page, `tray-${locale}`);
    await webEntry.click();

    // When it is done: announced, and among the recent outcomes.
    const done = tr.t('notify.demo', {
      title: tr.t('notify.createDone.title', { server: 'web-server-01' }),
    });
    await notes(page).filter({ hasText: done }).waitFor({ timeout: 60_000 });
    expect(await tray(page).getByRole('button').first().getAttribute('data-state')).toBe('idle');
    expect(preview.notifications.map((n) => n.title)).toEqual([refusedTitle, started, done]);

    // "Snapshot with a name…" opens the window's create dialog for that server.
    await webEntry.click();
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.namedSnapshot'), exact: true })
      .click();
    const dialog = page.getByRole('dialog', {
      name: tr.t('dialog.create.title', { server: 'web-server-01' }),
    });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // "Leave the demo / Sign in…" ends the demo on the sign-in screen.
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.leaveDemo'), exact: true })
      .click();
    await page.getByRole('button', { name: tr.t('signin.demo') }).waitFor();
    await tray(page)
      .getByRole('menuitem', { name: tr.t('tray.tryDemo'), exact: true })
      .waitFor();
    expect(preview.core.getState().mode).toBe('signed-out');
  }

  async function screenshotOf(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  }

  it('in English', async () => {
    await tryIt('en');
  });

  it('in Finnish', async () => {
    await tryIt('fi');
  });

  it('in Gujarati', async () => {
    await tryIt('gu');
  });
});
