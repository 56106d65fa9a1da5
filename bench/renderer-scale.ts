/**
 * Scale in the renderer, in real Chromium against the browser preview (the built renderer, the
 * real core in demo mode and the simulator holding 10, 100 or 1,000 generated servers with five
 * snapshots each). Times are taken IN the page (bench/page-probe.js): first render from the state
 * reaching the page to server names in the DOM with layout done; filter from the input event until
 * the DOM settles. The JS heap comes from Chromium's own metrics after a garbage collection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createMemoryLogger } from '../test/support/memory-ports';
import { startPreview, type Preview } from '../src/preview/index';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/tools';
import { makeServers, makeSnapshots } from './fixtures';
import { info, round, underBudget, type Figure } from './report';
import { median } from './startup';

/** 200 was the slowest size while the list was windowed only above 200 rows. */
const SIZES = [10, 100, 200, 1000] as const;
const SNAPSHOTS_PER_SERVER = 5;
/** Page loads per size; the median is reported. */
const LOADS = 7;
/** Budgets of the timed figures; the others are printed for comparison. */
const BUDGETS_MS: Record<string, number> = {
  'renderer.render.n200': 100,
  'renderer.render.n1000': 200,
  // One frame at 60 Hz: typing into the filter never drops a frame.
  'renderer.filter.n1000': 16,
};
/** The same figures before the list was windowed at every size (bench/README.md, run of 2026-11-23). */
const BEFORE_MS: Record<string, number> = {
  'renderer.render.n200': 160.2,
  'renderer.filter.n1000': 36.4,
};
const HEAP_BUDGET_MB = 30;
/** Matches every tenth generated server (`db-NNNN`). */
const FILTER_QUERY = 'db-';
const PROBE = join(import.meta.dirname, 'page-probe.js');

/** What one page load measured. */
interface Load {
  renderMs: number;
  /** From navigation start, for context. */
  renderedAtMs: number;
  filterMs: number;
  shownBefore: number;
  shownAfter: number;
  /** JS heap used after the first render (before filtering), when asked for. */
  heapMb: number | null;
}

/** Waits until the core is not refreshing (a refresh in flight would push a new state mid-measure). */
async function coreSettled(preview: Preview): Promise<void> {
  for (let i = 0; i < 200 && preview.core.getState().sync.refreshing; i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens the preview in a fresh context and measures first render and one filter. */
async function loadOnce(browser: Browser, preview: Preview, measureHeap: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(preview.url);
  // Polled from here: the page's CSP forbids the string evaluation waitForFunction would do in it.
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate('window.__bench.renderedAt !== null && window.__bench.stateAt !== null'))) {
    if (Date.now() > deadline) {
      throw new Error(`no server names appeared in the page (${errors.join('; ') || 'no page errors'})`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const times = (await page.evaluate('[window.__bench.stateAt, window.__bench.renderedAt]')) as [
    number,
    number,
  ];
  // Let any refresh the page's arrival started land before timing the filter.
  await coreSettled(preview);
  await page.waitForTimeout(300);
  const shownBefore = (await page.evaluate('window.__bench.visibleServers()')) as number;
  const heapMb = measureHeap ? await heapUsedMb(page) : null;
  const filter = page
    .getByRole('searchbox')
    .or(page.getByLabel(/filter/i))
    .first();
  await filter.focus();
  const filterMs = (await page.evaluate(`window.__bench.filter(${JSON.stringify(FILTER_QUERY)})`)) as number;
  const shownAfter = (await page.evaluate('window.__bench.visibleServers()')) as number;
  await context.close();
  return { renderMs: times[1] - times[0], renderedAtMs: times[1], filterMs, shownBefore, shownAfter, heapMb };
}

/** JS heap used (MB) after a garbage collection, from Chromium's performance metrics. */
async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('Chromium reported no JSHeapUsedSize');
  return used / (1024 * 1024);
}

/** Starts a preview in demo mode over a simulator holding `n` generated servers. */
async function previewWith(n: number): Promise<Preview> {
  const preview = await startPreview({ seed: 'empty', logger: createMemoryLogger().logger });
  const servers = makeServers(n);
  preview.simulator.addServers(servers);
  preview.simulator.addSnapshots(makeSnapshots(servers, SNAPSHOTS_PER_SERVER));
  const started = await preview.actions.startDemo(undefined);
  if (!started.ok) throw new Error(`demo mode did not start: ${started.error.message}`);
  await coreSettled(preview);
  const loaded = preview.core.getState().servers.length;
  if (loaded !== n) throw new Error(`the core loaded ${loaded} of ${n} servers`);
  return preview;
}

/** A timed figure: against its budget if it has one, with the figure before next to it if known. */
function timed(name: string, ms: number, note: string): Figure {
  const before = BEFORE_MS[name];
  const fullNote = before === undefined ? note : `${note}; before windowing at every size: ${before} ms`;
  const budget = BUDGETS_MS[name];
  return budget === undefined
    ? info(name, ms, 'ms', fullNote)
    : underBudget(name, ms, 'ms', budget, false, fullNote);
}

/** Runs the renderer scale benchmark. */
export async function rendererScaleBenchmark(): Promise<Figure[]> {
  const home = mkdtempSync(join(tmpdir(), 'vps-bench-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home },
  });
  const figures: Figure[] = [];
  const render = new Map<number, number>();
  const filter = new Map<number, number>();
  try {
    for (const n of SIZES) {
      const preview = await previewWith(n);
      try {
        const loads: Load[] = [];
        // The first load warms Chromium's code cache for the bundle; it is not counted.
        for (let i = 0; i <= LOADS; i++) {
          const load = await loadOnce(browser, preview, n === 1000 && i === LOADS);
          if (i > 0) loads.push(load);
          if (load.heapMb !== null) {
            figures.push(
              underBudget('renderer.heap.n1000', load.heapMb, 'MB', HEAP_BUDGET_MB, false, 'after a GC'),
            );
          }
        }
        const last = loads[loads.length - 1];
        render.set(n, median(loads.map((l) => l.renderMs)));
        filter.set(n, median(loads.map((l) => l.filterMs)));
        const renderNote =
          `median of ${LOADS}; ${last?.shownBefore ?? 0} server names in the DOM; page load to render ` +
          `${round(median(loads.map((l) => l.renderedAtMs)))} ms`;
        const filterNote = `'${FILTER_QUERY}' leaves ${last?.shownAfter ?? 0} server names in the DOM`;
        figures.push(
          timed(`renderer.render.n${n}`, render.get(n) ?? 0, renderNote),
          timed(`renderer.filter.n${n}`, filter.get(n) ?? 0, filterNote),
        );
      } finally {
        await preview.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(home, { recursive: true, force: true });
  }
  // Linear growth would make 1,000 servers cost 100 times 10 servers; anything at or under is fine.
  const ratio = (m: Map<number, number>) => (m.get(1000) ?? 0) / Math.max(m.get(10) ?? 0, 0.1);
  figures.push(
    underBudget(
      'renderer.render.ratio_1000_10',
      ratio(render),
      'x',
      100,
      true,
      'budget: no worse than linear',
    ),
    underBudget(
      'renderer.filter.ratio_1000_10',
      ratio(filter),
      'x',
      100,
      true,
      'budget: no worse than linear',
    ),
  );
  return figures;
}
