// Child process of the start-up benchmark: loads the BUILT main bundle with `electron` resolved to
// the smoke test's recording stand-in, and reports how long it took until the tray's menu was set.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { FakeBrowserWindow, FakeTray } from '../test/support/fake-electron';

const bundle = process.argv[2] ?? resolve('out/main/index.js');
const TIMEOUT_MS = 10_000;

let menuAt: number | null = null;
let windowLoadedAt: number | null = null;

// Electron is built into its binary, so its module costs nothing to load: load the stand-in before
// the clock starts, so the figure is the bundle's own cost.
await import('../test/smoke/electron-stand-in');

const setContextMenu = FakeTray.prototype.setContextMenu;
FakeTray.prototype.setContextMenu = function (
  this: FakeTray,
  ...args: Parameters<FakeTray['setContextMenu']>
) {
  menuAt ??= performance.now();
  setContextMenu.apply(this, args);
};
const loadFile = FakeBrowserWindow.prototype.loadFile;
FakeBrowserWindow.prototype.loadFile = function (
  this: FakeBrowserWindow,
  ...args: Parameters<FakeBrowserWindow['loadFile']>
) {
  windowLoadedAt ??= performance.now();
  return loadFile.apply(this, args);
};

const start = performance.now();
let importMs: number;
try {
  await import(pathToFileURL(bundle).href);
  importMs = performance.now() - start;
} catch (error) {
  process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

const deadline = Date.now() + TIMEOUT_MS;
while ((menuAt === null || windowLoadedAt === null) && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 1));
}
if (menuAt === null) {
  process.send?.({ type: 'error', message: `the tray menu was not set within ${TIMEOUT_MS} ms` });
} else {
  process.send?.({
    type: 'result',
    importMs,
    menuMs: menuAt - start,
    windowLoadedMs: windowLoadedAt === null ? null : windowLoadedAt - start,
  });
}
// The app keeps timers (the tray tick) alive: leave once measured.
setTimeout(() => process.exit(0), 10);
