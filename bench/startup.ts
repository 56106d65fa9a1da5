/**
 * Start-up of the main process: time from importing the built main bundle (under plain Node, with
 * the smoke test's recording stand-in for `electron`) to the tray menu being set. A fresh HOME with
 * no token means a signed-out start, so no network call is in the figure. Each run is a new process;
 * the median of several runs is reported.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Runs the bundle once in a fresh process and home directory. */
function runOnce(bundle: string): Promise<RunResult> {
  const home = mkdtempSync(join(tmpdir(), 'vps-bench-start-'));
  // No keychain (a signed-out start must not depend on one) and no dev server.
  const dropped = new Set(['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'ELECTRON_RENDERER_URL']);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !dropped.has(k))),
    HOME: home,
    VPS_FAKE_USER_DATA: join(home, 'userData'),
  };
  const child = fork(resolve('bench/startup-child.ts'), [bundle], {
    execArgv: ['--import', 'tsx', '--import', resolve('test/smoke/register-electron.mjs')],
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
  await runOnce(bundle); // warms the OS file cache, as a second launch of an installed app would be
  const runs: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(bundle));
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
  ];
}
