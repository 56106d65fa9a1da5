// Child process of the start-up benchmark, bundled by bench/startup.ts and run under plain Node
// with `electron` resolved to the smoke test's recording stand-in (also pre-bundled, as Electron's
// own module is built into its binary). Loads the BUILT main bundle and reports how long it took
// until the tray's menu was set, and (with --ready-when TEXT) until a menu had TEXT in a label.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, Tray } from 'electron';

const bundle = process.argv[2];
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
/** When given, only this module is imported and timed (to attribute start-up cost). */
const onlyModule = option('--module');
/** When given, the run also waits for a menu with this text in a label (the stored session). */
const readyWhen = option('--ready-when');
const TIMEOUT_MS = 10_000;

let menuAt: number | null = null;
let readyAt: number | null = null;
let readyCpuMs: number | null = null;
/** CPU time (user + system, all threads) spent by then: unlike wall time, barely moved by other load. */
let menuCpuMs: number | null = null;
let cpuStart: NodeJS.CpuUsage | null = null;
let windowLoadedAt: number | null = null;

const setContextMenu = Tray.prototype.setContextMenu;
/** Every label of a menu template, depth first (the stand-in's Menu keeps its template). */
type Item = { label?: string; submenu?: Item[] };
const labels = (items: Item[]): string[] => items.flatMap((i) => [i.label ?? '', ...labels(i.submenu ?? [])]);

Tray.prototype.setContextMenu = function (this: Tray, ...args: Parameters<Tray['setContextMenu']>) {
  const template = (args[0] as unknown as { template?: Item[] } | null)?.template ?? [];
  if (readyWhen && readyAt === null && labels(template).some((l) => l.includes(readyWhen))) {
    readyAt = performance.now();
    const used = process.cpuUsage(cpuStart ?? undefined);
    readyCpuMs = (used.user + used.system) / 1000;
  }
  if (menuAt === null) {
    menuAt = performance.now();
    const used = process.cpuUsage(cpuStart ?? undefined);
    menuCpuMs = (used.user + used.system) / 1000;
  }
  setContextMenu.apply(this, args);
};
const loadFile = BrowserWindow.prototype.loadFile;
BrowserWindow.prototype.loadFile = function (
  this: BrowserWindow,
  ...args: Parameters<BrowserWindow['loadFile']>
) {
  windowLoadedAt ??= performance.now();
  return loadFile.apply(this, args);
};

async function main(): Promise<void> {
  if (!bundle) throw new Error('usage: startup-child <out/main/index.js> [module]');
  if (onlyModule) {
    // Resolved from the bundle's folder, as the bundle's own import would be.
    const { createRequire } = await import('node:module');
    const path = createRequire(bundle).resolve(onlyModule);
    const t0 = performance.now();
    await import(pathToFileURL(path).href);
    process.send?.({ type: 'result', importMs: performance.now() - t0, menuMs: 0, windowLoadedMs: null });
    return;
  }
  cpuStart = process.cpuUsage();
  const start = performance.now();
  await import(pathToFileURL(bundle).href);
  const importMs = performance.now() - start;
  const deadline = Date.now() + TIMEOUT_MS;
  const waiting = () => menuAt === null || (readyWhen ? readyAt === null : windowLoadedAt === null);
  while (waiting() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1));
  }
  if (menuAt === null) throw new Error(`the tray menu was not set within ${TIMEOUT_MS} ms`);
  process.send?.({
    type: 'result',
    importMs,
    menuMs: menuAt - start,
    readyMs: readyAt === null ? null : readyAt - start,
    readyCpuMs,
    menuCpuMs,
    windowLoadedMs: windowLoadedAt === null ? null : windowLoadedAt - start,
  });
}

main()
  .catch((error: unknown) => {
    process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  })
  // The app keeps timers (the tray tick) alive: leave once measured.
  .finally(() => setTimeout(() => process.exit(0), 10));
