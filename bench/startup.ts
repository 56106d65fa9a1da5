/**
 * Start-up of the main process: time from importing the built main bundle (under plain Node, with
 * the smoke test's recording stand-in for `electron`) to the tray menu being set. A fresh HOME with
 * no token means a signed-out start, so no network call is in the figure. Each run is a new process;
 * the median of several runs is reported.
 *
 * The child runs WITHOUT tsx: tsx's module hooks see every file the bundle loads and made ajv (via
 * electron-store) alone cost twice its real time. So the stand-in and the child are bundled with
 * esbuild first, and a tiny loader hook maps `electron` to the bundled stand-in.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { info, underBudget, type Figure } from './report';

const BUDGET_MS = 150;
const RUNS = 7;

/** What one child run reports. */
interface RunResult {
  importMs: number;
  menuMs: number;
  windowLoadedMs: number | null;
}

/** Middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Files the child runs with: itself, the stand-in for electron, and the hook that maps it. */
interface Harness {
  dir: string;
  child: string;
  register: string;
}

/** Bundles the child and the stand-in into plain JavaScript, so no TypeScript hook is needed. */
async function prepareHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'vps-bench-harness-'));
  const standIn = join(dir, 'electron.mjs');
  const child = join(dir, 'child.mjs');
  const common = { bundle: true, platform: 'node', format: 'esm', logLevel: 'error' } as const;
  await build({ ...common, entryPoints: [resolve('test/smoke/electron-stand-in.ts')], outfile: standIn });
  await build({
    ...common,
    entryPoints: [resolve('bench/startup-child.ts')],
    outfile: child,
    external: ['electron'],
  });
  const loader = join(dir, 'loader.mjs');
  writeFileSync(
    loader,
    `const standIn = ${JSON.stringify(pathToFileURL(standIn).href)};\n` +
      `export async function resolve(specifier, context, next) {\n` +
      `  return specifier === 'electron' ? { url: standIn, shortCircuit: true } : next(specifier, context);\n}\n`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(loader).href)});\n`,
  );
  return { dir, child, register };
}

/** Runs the bundle once in a fresh process and home directory. */
function runOnce(harness: Harness, bundle: string, onlyModule?: string): Promise<RunResult> {
  const home = mkdtempSync(join(tmpdir(), 'vps-bench-start-'));
  // No keychain (a signed-out start must not depend on one) and no dev server.
  const dropped = new Set(['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'ELECTRON_RENDERER_URL']);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !dropped.has(k))),
    HOME: home,
    VPS_FAKE_USER_DATA: join(home, 'userData'),
  };
  const child = fork(harness.child, onlyModule ? [bundle, onlyModule] : [bundle], {
    execArgv: ['--import', harness.register],
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<RunResult>((done, reject) => {
    child.on('message', (m: { type: string; message?: string } & Partial<RunResult>) => {
      if (m.type === 'result' && typeof m.menuMs === 'number' && typeof m.importMs === 'number') {
        done({ importMs: m.importMs, menuMs: m.menuMs, windowLoadedMs: m.windowLoadedMs ?? null });
      } else reject(new Error(`${m.message ?? 'no result'}\n${stderr}`));
    });
    child.on('exit', (code) => reject(new Error(`start-up child exited with ${code}: ${stderr}`)));
  }).finally(() => {
    child.kill();
    rmSync(home, { recursive: true, force: true });
  });
}

/** Measures start-up of `outDir/main/index.js`. */
export async function startupBenchmark(outDir: string): Promise<Figure[]> {
  const bundle = join(outDir, 'main', 'index.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} missing: run \`npx electron-vite build\` first`);
  const harness = await prepareHarness();
  const runs: RunResult[] = [];
  const storeImports: number[] = [];
  try {
    await runOnce(harness, bundle); // warms the OS file cache, as a second launch of an installed app would be
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(harness, bundle));
    for (let i = 0; i < RUNS; i++)
      storeImports.push((await runOnce(harness, bundle, 'electron-store')).importMs);
  } finally {
    rmSync(harness.dir, { recursive: true, force: true });
  }
  const menu = runs.map((r) => r.menuMs);
  const loaded = runs.flatMap((r) => (r.windowLoadedMs === null ? [] : [r.windowLoadedMs]));
  return [
    underBudget(
      'startup.tray_menu_set',
      median(menu),
      'ms',
      BUDGET_MS,
      false,
      `median of ${RUNS} runs (min ${Math.min(...menu).toFixed(1)}, max ${Math.max(...menu).toFixed(1)}); signed-out, no network`,
    ),
    info('startup.bundle_import', median(runs.map((r) => r.importMs)), 'ms'),
    info('startup.window_load_called', loaded.length > 0 ? median(loaded) : 'never', 'ms'),
    info(
      'startup.electron_store_import',
      median(storeImports),
      'ms',
      'electron-store alone (conf, ajv, ajv-formats), imported statically by the main bundle',
    ),
  ];
}
