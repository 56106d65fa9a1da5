/**
 * Start-up of the main process: time from importing the built main bundle (under plain Node, with
 * the smoke test's recording stand-in for `electron`) to the tray menu being set, and to the first
 * menu that shows the stored session. A fresh HOME with no token means a signed-out start, so no
 * network call is in the first figure; the second starts signed in (a stored session and a token in
 * a stand-in keychain that answers at once) and stops at the menu that names the account, before
 * any request. Each run is a new process; the median of several runs is reported.
 *
 * The child runs under plain Node with NO module hooks: tsx's hooks (and even a one-line
 * module.register hook, which Node 20 runs on a separate thread) see every import the bundle makes
 * and inflated the figure by a third or more. Instead the stand-in is bundled with esbuild into a
 * package named `electron` in a scratch node_modules whose other entries are symlinks to the
 * repository's packages, and Node runs with --preserve-symlinks so that electron-store, importing
 * `electron` from inside that folder, finds the stand-in too. As in Electron, where the module is
 * built into the binary, it then costs nothing to find.
 */
import { fork } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { info, underBudget, type Figure } from './report';

const BUDGET_MS = 150;
/** From loading the bundle to the first menu showing the stored session. */
const READY_BUDGET_MS = 60;
const RUNS = 11;
/** The stored account the signed-in runs start with; the menu that names it is the ready one. */
const BENCH_EMAIL = 'bench@example.com';

/** What one child run reports. */
interface RunResult {
  importMs: number;
  menuMs: number;
  /** To the first menu naming the stored account (signed-in runs only), wall and CPU time. */
  readyMs: number | null;
  readyCpuMs: number | null;
  /** CPU time of the child until the menu was set. */
  menuCpuMs: number | null;
  windowLoadedMs: number | null;
}

/** Middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Where the child and the copied bundle live. */
interface Harness {
  dir: string;
  child: string;
  bundle: string;
}

/** Builds the hook-free harness: a copy of `outDir`, the child, and a package `electron`. */
async function prepareHarness(outDir: string): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'vps-bench-startup-'));
  const modules = resolve('node_modules');
  const electronDir = join(dir, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry === 'electron' || entry === '@github' || entry.startsWith('.')) continue;
    symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
  }
  // The keychain: a stand-in answering at once with the token of the signed-in runs.
  const keytarDir = join(dir, 'node_modules', '@github', 'keytar');
  mkdirSync(keytarDir, { recursive: true });
  writeFileSync(
    join(keytarDir, 'package.json'),
    JSON.stringify({ name: '@github/keytar', main: 'index.cjs' }),
  );
  writeFileSync(
    join(keytarDir, 'index.cjs'),
    'const token = process.env.VPS_BENCH_TOKEN || null;\n' +
      'exports.getPassword = async () => token;\n' +
      'exports.setPassword = async () => undefined;\n' +
      'exports.deletePassword = async () => false;\n',
  );
  writeFileSync(
    join(electronDir, 'package.json'),
    JSON.stringify({ name: 'electron', type: 'module', exports: './index.mjs', main: './index.mjs' }),
  );
  const common = { bundle: true, platform: 'node', format: 'esm', logLevel: 'error' } as const;
  await build({
    ...common,
    entryPoints: [resolve('test/smoke/electron-stand-in.ts')],
    outfile: join(electronDir, 'index.mjs'),
  });
  const child = join(dir, 'child.mjs');
  await build({
    ...common,
    entryPoints: [resolve('bench/startup-child.ts')],
    outfile: child,
    external: ['electron'],
  });
  cpSync(outDir, join(dir, 'out'), { recursive: true });
  return { dir, child, bundle: join(dir, 'out', 'main', 'index.js') };
}

/** How a run starts: signed out, signed in from a stored session, or importing one module only. */
type RunKind = { kind: 'signed-out' } | { kind: 'signed-in' } | { kind: 'module'; name: string };

/** Runs the bundle once in a fresh process and home directory. */
function runOnce(harness: Harness, run: RunKind = { kind: 'signed-out' }): Promise<RunResult> {
  const home = mkdtempSync(join(tmpdir(), 'vps-bench-start-'));
  if (run.kind === 'signed-in') {
    mkdirSync(join(home, 'userData'), { recursive: true });
    // A closed loopback port: the refresh after the measured menu goes nowhere.
    const stored = {
      version: 1,
      settings: { apiBaseUrl: 'http://127.0.0.1:9/api/v1/' },
      operations: [],
      session: { mode: 'account', email: BENCH_EMAIL },
    };
    writeFileSync(join(home, 'userData', 'config.json'), JSON.stringify(stored));
  }
  // No keychain (a signed-out start must not depend on one) and no dev server.
  const dropped = new Set(['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'ELECTRON_RENDERER_URL']);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !dropped.has(k))),
    HOME: home,
    VPS_FAKE_USER_DATA: join(home, 'userData'),
    VPS_BENCH_TOKEN: run.kind === 'signed-in' ? 'vps_bench_token' : '',
  };
  const args =
    run.kind === 'module'
      ? [harness.bundle, '--module', run.name]
      : run.kind === 'signed-in'
        ? [harness.bundle, '--ready-when', BENCH_EMAIL]
        : [harness.bundle];
  const child = fork(harness.child, args, {
    execArgv: ['--preserve-symlinks'],
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<RunResult>((done, reject) => {
    child.on('message', (m: { type: string; message?: string } & Partial<RunResult>) => {
      if (m.type === 'result' && typeof m.menuMs === 'number' && typeof m.importMs === 'number') {
        done({
          importMs: m.importMs,
          menuMs: m.menuMs,
          readyMs: m.readyMs ?? null,
          readyCpuMs: m.readyCpuMs ?? null,
          menuCpuMs: m.menuCpuMs ?? null,
          windowLoadedMs: m.windowLoadedMs ?? null,
        });
      } else reject(new Error(`${m.message ?? 'no result'}\n${stderr}`));
    });
    child.on('exit', (code) => reject(new Error(`start-up child exited with ${code}: ${stderr}`)));
  }).finally(async () => {
    // The app may still be writing its files: remove them once the process is gone.
    const gone = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await gone;
    }
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  });
}

/** Measures start-up of `outDir/main/index.js`. */
export async function startupBenchmark(outDir: string): Promise<Figure[]> {
  const bundle = join(outDir, 'main', 'index.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} missing: run \`npx electron-vite build\` first`);
  const harness = await prepareHarness(outDir);
  const runs: RunResult[] = [];
  const ready: number[] = [];
  const readyCpu: number[] = [];
  const storeImports: number[] = [];
  try {
    await runOnce(harness); // warms the OS file cache, as a second launch of an installed app would be
    // Interleaved, so every figure sees the same background load.
    for (let i = 0; i < RUNS; i++) {
      runs.push(await runOnce(harness));
      const signedIn = await runOnce(harness, { kind: 'signed-in' });
      if (signedIn.readyMs === null) throw new Error('the signed-in run never showed the stored account');
      ready.push(signedIn.readyMs);
      if (signedIn.readyCpuMs !== null) readyCpu.push(signedIn.readyCpuMs);
      storeImports.push((await runOnce(harness, { kind: 'module', name: 'electron-store' })).importMs);
    }
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
    underBudget(
      'startup.tray_menu_ready',
      median(ready),
      'ms',
      READY_BUDGET_MS,
      false,
      `median of ${RUNS} runs (min ${Math.min(...ready).toFixed(1)}, max ${Math.max(...ready).toFixed(1)}); stored session, token from a stand-in keychain that answers at once, to the first menu naming the account`,
    ),
    info('startup.tray_menu_ready.cpu', median(readyCpu), 'ms', 'CPU time of the same span'),
    info(
      'startup.tray_menu_set.cpu',
      median(runs.flatMap((r) => (r.menuCpuMs === null ? [] : [r.menuCpuMs]))),
      'ms',
      'CPU time (user + system) of the same span: less moved by other load on the machine than wall time',
    ),
    info('startup.bundle_import', median(runs.map((r) => r.importMs)), 'ms'),
    info('startup.window_load_called', loaded.length > 0 ? median(loaded) : 'never', 'ms'),
    info(
      'startup.electron_store_import',
      median(storeImports),
      'ms',
      'electron-store alone (conf, ajv, ajv-formats), imported by the main bundle only after the tray is up',
    ),
  ];
}
