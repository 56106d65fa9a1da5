/**
 * Switching the language end to end: the setting goes through the core (it persists there), the
 * window's text comes from the Finnish and Gujarati catalogs, and the page says which language it
 * is in. Expected texts are read from the catalogs themselves, so a wording change does not break
 * the test but a missing switch does.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, skipWithoutChromium, useE2eApp } from './support';

const skip = skipWithoutChromium();

type Catalog = Record<string, string>;
/**
 * Loads a renderer catalog at run time: the node type-check project may not include renderer
 * files (a composite project lists its files), so the path is not a literal import.
 */
async function catalog(code: 'en' | 'fi' | 'gu'): Promise<Catalog> {
  const path = `../../src/shared/i18n/messages/${code}.ts`;
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
  const app = useE2eApp('language', {
    ready: async (page) => {
      await page.getByRole('button', { name: m(en, 'signin.demo') }).click();
      await page.getByRole('option', { name: /web-server-01/ }).waitFor();
    },
  });

  /** Picks a language in Settings (labelled in the current language), then returns to the servers. */
  async function switchTo(code: 'fi' | 'gu', current: Catalog, next: Catalog): Promise<void> {
    await app.page.getByRole('button', { name: m(current, 'header.settings') }).click();
    await app.page.getByRole('combobox', { name: m(current, 'settings.language') }).selectOption(code);
    await app.page
      .getByRole('heading', { name: m(next, 'settings.title'), exact: true })
      .first()
      .waitFor();
    await expect.poll(() => app.preview.core.getState().settings.language).toBe(code);
    await app.page.getByRole('button', { name: m(next, 'header.backToServers') }).click();
    await app.page.getByRole('button', { name: m(next, 'snapshots.create') }).waitFor();
  }

  it('switches to Finnish', async () => {
    await app.page.getByRole('button', { name: m(en, 'snapshots.create') }).waitFor();
    await switchTo('fi', en, fi);
    await app.page.getByRole('heading', { name: m(fi, 'servers.title'), exact: true }).waitFor();
    expect(await app.page.getByRole('button', { name: m(en, 'snapshots.create') }).count()).toBe(0);
    expect(await app.page.evaluate<string>('document.documentElement.lang')).toMatch(/^fi/);
    // Sizes and relative times come from Intl in the chosen language: a decimal comma, Finnish words.
    await app.page.getByText('4,7 Gt').first().waitFor();
    await app.page
      .getByText(/ sitten$/)
      .first()
      .waitFor();
    await screenshot(app.page, 'language-fi');
  });

  it('switches to Gujarati', async () => {
    await switchTo('gu', fi, gu);
    await app.page.getByRole('heading', { name: m(gu, 'servers.title'), exact: true }).waitFor();
    expect(await app.page.getByRole('button', { name: m(fi, 'snapshots.create') }).count()).toBe(0);
    expect(await app.page.evaluate<string>('document.documentElement.lang')).toMatch(/^gu/);
    await screenshot(app.page, 'language-gu');
  });

  it('keeps the choice after a reload (it lives in the core, not the page)', async () => {
    await app.page.reload();
    await app.page.getByRole('button', { name: m(gu, 'snapshots.create') }).waitFor();
    expect(app.consoleErrors).toEqual([]);
    await screenshot(app.page, 'language-gu-after-reload');
  });
});
