/**
 * Shared set-up for the end-to-end tests: the system Chromium through playwright-core, the browser
 * preview (real simulator, real core, the built renderer), screenshots, and the checks that the
 * token never reached the page.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  DEFAULT_RENDERER_DIR,
  startPreview,
  type Preview,
  type PreviewOptions,
} from '../../src/preview/index';
import { CHROMIUM, CHROMIUM_ARGS, fileProbe, needTool } from '../support/tools';

/** Where each test's screenshot goes. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** A token recognisable anywhere it might leak; the simulator accepts it. */
export const TEST_TOKEN = `vps_SECRETtest_e2e_${Math.random().toString(36).slice(2, 12)}`;

/** Simulator speed: a 3-10 minute snapshot takes 1.5-5 s, a 5-15 minute restore 2.5-7.5 s. */
export const E2E_SPEED = 120;

/** True (skip) when Chromium is missing off CI; throws under CI. Evaluate once per file. */
export function skipWithoutChromium(): boolean {
  return needTool('chromium', fileProbe(CHROMIUM));
}

/** Fails with a clear message when the renderer has not been built (npm test builds first). */
export function requireBuiltRenderer(): void {
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${DEFAULT_RENDERER_DIR}/index.html). Run "npx electron-vite build" first; "npm test" does it for you.`,
    );
  }
}

/** Launches the system Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** One preview with its log lines collected instead of printed. */
export async function startTestPreview(options: PreviewOptions = {}): Promise<{
  preview: Preview;
  logLines: string[];
}> {
  requireBuiltRenderer();
  const logLines: string[] = [];
  const logger = {
    info: (m: string) => void logLines.push(`info ${m}`),
    warn: (m: string) => void logLines.push(`warn ${m}`),
    error: (m: string) => void logLines.push(`error ${m}`),
  };
  const preview = await startPreview({
    speed: E2E_SPEED,
    token: TEST_TOKEN,
    logger,
    settings: { pollIntervalSeconds: 2, language: 'en' },
    ...options,
  });
  return { preview, logLines };
}

/** The window sizes the layout must hold at besides the default 1280x800 (issue 10). */
export const SMALL_SIZES = [
  { width: 800, height: 600 },
  { width: 480, height: 800 },
] as const;

/** How a page is opened: window size and the computer's time zone (default 1280x800, UTC). */
export interface OpenOptions {
  viewport?: { width: number; height: number };
  timezoneId?: string;
}

/** A fresh browser context (1280x800 unless asked, light or dark) showing the preview. */
export async function openApp(
  browser: Browser,
  preview: Preview,
  colorScheme: 'light' | 'dark' = 'light',
  options: OpenOptions = {},
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme,
    locale: 'en-US',
    timezoneId: options.timezoneId ?? 'UTC',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(preview.url);
  return { context, page, consoleErrors };
}

/** Saves test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Everything the page holds that a script could read: DOM, both storages, cookies, and (unless
 * `fieldValues` is false) the values of its fields.
 */
export async function pageContents(page: Page, fieldValues = true): Promise<string> {
  // A string, because the node project's type-check has no DOM library.
  const inPage = await page.evaluate<string>(`(() => {
    const values = ${fieldValues} ? [...document.querySelectorAll('input, textarea, select')].map((el) => el.value) : [];
    const storage = (s) => {
      const out = {};
      for (let i = 0; i < s.length; i++) out[s.key(i)] = s.getItem(s.key(i));
      return out;
    };
    return JSON.stringify({
      html: document.documentElement.outerHTML,
      values,
      local: storage(localStorage),
      session: storage(sessionStorage),
      title: document.title,
    });
  })()`);
  const cookies = JSON.stringify(await page.context().cookies());
  return `${inPage}\n${cookies}`;
}

/**
 * What crossed the bridge that may never hold the token: everything except the one payload that
 * must, the page's own setToken request (renderer to main, as in Electron's IPC).
 */
export function bridgeTrafficWithoutTokenPayloads(preview: Preview): string {
  return JSON.stringify(
    preview.ipcLog.map((entry) =>
      entry.direction === 'invoke' && entry.name === 'setToken'
        ? { ...entry, payload: '[the setToken request itself]' }
        : entry,
    ),
  );
}

/**
 * Asserts TEST_TOKEN is in neither the page (with its field values unless `fieldValues` is false)
 * nor the bridge traffic other than the setToken request itself.
 */
export async function expectTokenNotLeaked(page: Page, preview: Preview, fieldValues = true): Promise<void> {
  expect(await pageContents(page, fieldValues)).not.toContain(TEST_TOKEN);
  expect(bridgeTrafficWithoutTokenPayloads(preview)).not.toContain(TEST_TOKEN);
}

/** Where each e2e file's bridge traffic is saved, for the secret-hygiene scans of everything written. */
export const IPC_LOG_DIR = join(process.cwd(), 'test-results', 'ipc');

/**
 * Saves test-results/ipc/<name>.json: every invoke and event that crossed the bridge, with the one
 * setToken request payload replaced (it is the token itself and must not be written to disk).
 */
export function saveBridgeTraffic(preview: Preview, name: string): void {
  mkdirSync(IPC_LOG_DIR, { recursive: true });
  writeFileSync(join(IPC_LOG_DIR, `${name}.json`), bridgeTrafficWithoutTokenPayloads(preview));
}

/** Every file of the built renderer as text. */
export function builtRendererText(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(readFileSync(full, 'latin1'));
    }
  };
  walk(DEFAULT_RENDERER_DIR);
  return files.join('\n');
}

/** One e2e file's running app: what its tests use, filled in by the file's beforeAll. */
export interface E2eApp {
  readonly browser: Browser;
  readonly preview: Preview;
  /** The preview's log lines, collected instead of printed. */
  readonly logLines: string[];
  /** The page opened on the preview (only when the file asked for one). */
  readonly page: Page;
  /** Console errors and uncaught exceptions of that page. */
  readonly consoleErrors: string[];
}

/** What a file's app starts with: whether a page is opened, and what it does first. */
export interface E2eAppOptions {
  /** Open a page on the preview (default true); false leaves opening pages to the tests. */
  open?: boolean;
  /** Brings the opened page to where the file's tests start (signed in, demo running, ...). */
  ready?: (page: Page) => Promise<void>;
}

/** The value once beforeAll has set it; a clear error if a test reads it before (setup failed). */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The e2e ${what} is not there: the file's set-up did not finish.`);
  return value;
}

/**
 * Registers the file's set-up and teardown (call inside its describe): one preview, the browser and,
 * unless `open` is false, a page brought to where the tests start. Teardown closes the browser,
 * saves the bridge traffic as test-results/ipc/<name>.json and stops the preview.
 */
export function useE2eApp(name: string, options: E2eAppOptions = {}): E2eApp {
  let browser: Browser | undefined;
  let preview: Preview | undefined;
  let logLines: string[] | undefined;
  let page: Page | undefined;
  let consoleErrors: string[] | undefined;

  beforeAll(async () => {
    ({ preview, logLines } = await startTestPreview());
    browser = await launchBrowser();
    if (options.open === false) return;
    ({ page, consoleErrors } = await openApp(browser, preview));
    await options.ready?.(page);
  });

  afterAll(async () => {
    await browser?.close();
    if (preview) saveBridgeTraffic(preview, name);
    await preview?.stop();
  });

  return {
    get browser() {
      return required(browser, 'browser');
    },
    get preview() {
      return required(preview, 'preview');
    },
    get logLines() {
      return required(logLines, 'preview log');
    },
    get page() {
      return required(page, 'page');
    },
    get consoleErrors() {
      return required(consoleErrors, 'page console');
    },
  };
}

/** A file's browser and the previews its tests start, each with its own settings. */
export interface E2eBrowser {
  readonly browser: Browser;
  /** Starts a preview that teardown saves (as <name>-<n>.json, in start order) and stops. */
  startPreview(options?: PreviewOptions): Promise<Preview>;
}

/** Registers set-up and teardown (call inside a describe) for a file whose tests each need their own preview. */
export function useE2eBrowser(name: string): E2eBrowser {
  let browser: Browser | undefined;
  const previews: Preview[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const [i, preview] of previews.entries()) {
      saveBridgeTraffic(preview, `${name}-${i}`);
      await preview.stop();
    }
  });

  return {
    get browser() {
      return required(browser, 'browser');
    },
    async startPreview(options?: PreviewOptions) {
      const { preview } = await startTestPreview(options);
      previews.push(preview);
      return preview;
    },
  };
}

/** From the sign-in screen into the demo, waiting until web-server-01 is listed. */
export async function startDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await page.getByRole('option', { name: /web-server-01/ }).waitFor();
}

/** Signs in with TEST_TOKEN from the sign-in screen, waiting until web-server-01 is listed. */
export async function signIn(page: Page): Promise<void> {
  await page.getByLabel('API token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('option', { name: /web-server-01/ }).waitFor();
}
