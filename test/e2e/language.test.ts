/**
 * Switching the language end to end: the setting goes through the core (it persists there), the
 * window's text comes from the Finnish and Gujarati catalogs, and the page says which language it
 * is in. Expected texts are read from the catalogs themselves, so a wording change does not break
 * the test but a missing switch does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preview } from '../../src/preview/index';
import {
  launchBrowser,
  openApp,
  screenshot,
  skipWithoutChromium,
  startTestPreview,
  saveBridgeTraffic,
} from './support';

const skip = skipWithoutChromium();

type Catalog = Record<string, string>;
/**
 * Loads a renderer catalog at run time: the node type-check project may not include renderer
 * files (a composite project lists its files), so the path is not a literal import.
 */
async function catalog(code: 'en' | 'fi' | 'gu'): Promise<Catalog> {
  const path = `../../src/renderer/lib/i18n/messages/${code}.ts`;
  const module = (await import(/* @vite-ignore */ path)) as Record<string, Catalog | undefined>;
  const messages = module[code];
  if (!messages) throw new Error(`catalog ${code} not found`);
  return messages;
}
const [en, fi, gu] = await Promise.all([catalog('en'), catalog('fi'), catalog('gu')]);
/** A message, failing loudly when the key is gone. */
function m(messages: Catalog, key: string): string {
  const text = messages[key];
  if (text === undefined) throw new Error(`message ${key} missing`);
  return text;
}

describe.skipIf(skip)('language', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    ({ preview } = await startTestPreview());
    browser = await launchBrowser();
    ({ page, consoleErrors } = await openApp(browser, preview));
    await page.getByRole('button', { name: m(en, 'signin.demo') }).click();
    await page.getByRole('option', { name: /web-server-01/ }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (preview) saveBridgeTraffic(preview, 'language');
    await preview?.stop();
  });

  /** Picks a language in Settings (labelled in the current language), then returns to the servers. */
  async function switchTo(code: 'fi' | 'gu', current: Catalog, next: Catalog): Promise<void> {
    await page.getByRole('button', { name: m(current, 'header.settings') }).click();
    await page.getByRole('combobox', { name: m(current, 'settings.language') }).selectOption(code);
    await page
      .getByRole('heading', { name: m(next, 'settings.title'), exact: true })
      .first()
      .waitFor();
    await expect.poll(() => preview.core.getState().settings.language).toBe(code);
    await page.getByRole('button', { name: m(next, 'header.backToServers') }).click();
    await page.getByRole('button', { name: m(next, 'snapshots.create') }).waitFor();
  }

  it('switches to Finnish', async () => {
    await page.getByRole('button', { name: m(en, 'snapshots.create') }).waitFor();
    await switchTo('fi', en, fi);
    await page.getByRole('heading', { name: m(fi, 'servers.title'), exact: true }).waitFor();
    expect(await page.getByRole('button', { name: m(en, 'snapshots.create') }).count()).toBe(0);
    expect(await page.evaluate<string>('document.documentElement.lang')).toMatch(/^fi/);
    // Sizes and relative times come from Intl in the chosen language: a decimal comma, Finnish words.
    await page.getByText('4,7 Gt').first().waitFor();
    await page
      .getByText(/ sitten$/)
      .first()
      .waitFor();
    await screenshot(page, 'language-fi');
  });

  it('switches to Gujarati', async () => {
    await switchTo('gu', fi, gu);
    await page.getByRole('heading', { name: m(gu, 'servers.title'), exact: true }).waitFor();
    expect(await page.getByRole('button', { name: m(fi, 'snapshots.create') }).count()).toBe(0);
    expect(await page.evaluate<string>('document.documentElement.lang')).toMatch(/^gu/);
    await screenshot(page, 'language-gu');
  });

  it('keeps the choice after a reload (it lives in the core, not the page)', async () => {
    await page.reload();
    await page.getByRole('button', { name: m(gu, 'snapshots.create') }).waitFor();
    expect(consoleErrors).toEqual([]);
    await screenshot(page, 'language-gu-after-reload');
  });
});
