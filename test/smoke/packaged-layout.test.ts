// The packaged app, as electron-builder lays it out (its offline `dir` target), with a stand-in for
// Electron's runtime: a folder whose "binary" carries a fuse wire like Electron's, so the fuses the
// configuration asks for are really flipped and can be read back. Then the asar's contents, the
// unpacked native module and the tray icons are checked, and the packaged main bundle is started
// under the recording Electron in packaged mode (app.isPackaged, process.resourcesPath at the
// output): the tray gets a real icon file and the full menu, and the demo (a lazily loaded chunk
// inside the asar) runs.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_EXECUTABLE, APP_ID, APP_NAME } from '../../src/main/app-identity';
import { MAIN, launchBuiltApp, type LaunchedApp } from './launch';

const root = mkdtempSync(join(tmpdir(), 'vps-packaged-'));
const electronDist = join(root, 'electron-dist');
const output = join(root, 'dist');
const unpackedDir = join(output, 'linux-unpacked');
const resources = join(unpackedDir, 'resources');
const asarFile = join(resources, 'app.asar');
const extracted = join(root, 'extracted');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuses as it ships them: RunAsNode, cookies, NODE_OPTIONS, --inspect, asar integrity,
 * only-asar, browser V8 snapshot, file:// privileges. */
const SHIPPED_FUSES = '10110001';
const electronVersion = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** A folder electron-builder copies as Electron's runtime: a "binary" carrying a fuse wire. */
function standInElectron(): void {
  mkdirSync(electronDist, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n# '),
    Buffer.from(SENTINEL),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(electronDist, 'electron'), wire);
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'version'), electronVersion);
}

let build: { status: number | null; output: string };
let files: string[] = [];

beforeAll(() => {
  expect(existsSync(MAIN), `${MAIN} missing: run \`npx electron-vite build\` first`).toBe(true);
  standInElectron();
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ],
    { encoding: 'utf8', timeout: 240_000, env: { ...process.env, CI: process.env['CI'] ?? '' } },
  );
  build = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  if (existsSync(asarFile)) {
    files = listPackage(asarFile, { isPack: false });
    extractAll(asarFile, extracted);
  }
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('electron-builder configuration', () => {
  it('uses the app id the app gives Windows, and the app name and executable name', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(/^appId:\s*(\S+)$/m.exec(yml)?.[1]).toBe(APP_ID);
    expect(/^\s+executableName:\s*(\S+)$/m.exec(yml)?.[1]).toBe(APP_EXECUTABLE);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      productName: string;
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.productName).toBe(APP_NAME);
    expect(pkg.scripts['dist']).toMatch(/^electron-vite build && electron-builder\b/);
    // electron-builder refuses to run from `dependencies`.
    expect(pkg.devDependencies['electron-builder']).toBe('26.17.0');
    expect(pkg.dependencies['electron-builder']).toBeUndefined();
  });
});

describe('the packaged layout (electron-builder --linux dir)', () => {
  it('packages without errors', () => {
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(unpackedDir, APP_EXECUTABLE))).toBe(true);
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar integrity and only-asar on', async () => {
    const wire = await getCurrentFuseWire(join(unpackedDir, APP_EXECUTABLE));
    const state = (fuse: FuseV1Options) => String.fromCharCode(Number(wire[fuse]));
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1');
    // Left as Electron ships it: the window's module scripts load from file://.
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('1');
  });

  it('the asar holds the built app and its runtime dependencies, and nothing else', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/node_modules/electron-store/package.json',
      '/node_modules/electron-log/package.json',
      '/node_modules/@github/keytar/lib/keytar.js',
    ]) {
      expect(files, path).toContain(path);
    }
    const tops = new Set(files.map((f) => `/${f.split('/')[1]}`));
    expect([...tops].sort()).toEqual(['/node_modules', '/out', '/package.json']);
    expect(files.filter((f) => /^\/out\/(?!main|preload|renderer)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // Build-time packages stay out: the bundler, the test tools, Electron itself, valibot (bundled).
    const modules = new Set(
      files.map((f) => /^\/node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean),
    );
    for (const dev of [
      'electron',
      'electron-vite',
      'vite',
      'vitest',
      'svelte',
      'valibot',
      'node-addon-api',
      'electron-builder',
    ]) {
      expect(modules.has(dev), dev).toBe(false);
    }
    // keytar without its C++ sources, with only this platform's binary.
    expect(files.filter((f) => f.startsWith('/node_modules/@github/keytar/src/'))).toEqual([]);
    const binaries = files.filter((f) => f.endsWith('.node'));
    expect(binaries).toEqual(['/node_modules/@github/keytar/prebuilds/linux-x64/keytar.node']);
    const pkg = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['main']).toBe('./out/main/index.js');
    expect(pkg['devDependencies']).toBeUndefined();
    expect(pkg['scripts']).toBeUndefined();
  });

  it('the native module is unpacked next to the asar, the very prebuilt binary', () => {
    const unpacked = join(
      resources,
      'app.asar.unpacked/node_modules/@github/keytar/prebuilds/linux-x64/keytar.node',
    );
    expect(existsSync(unpacked)).toBe(true);
    const installed = resolve('node_modules/@github/keytar/prebuilds/linux-x64/keytar.node');
    expect(readFileSync(unpacked).equals(readFileSync(installed))).toBe(true);
  });

  it('the tray icons are in resources/icons for every platform', () => {
    for (const state of ['idle', 'busy', 'error']) {
      for (const name of [
        `tray-${state}.png`,
        `tray-${state}@2x.png`,
        `tray-${state}Template.png`,
        `tray-${state}.ico`,
      ]) {
        expect(existsSync(join(resources, 'icons', name)), name).toBe(true);
      }
    }
  });
});

describe('the packaged main bundle, started in packaged mode', () => {
  let app: LaunchedApp;

  beforeAll(async () => {
    expect(existsSync(join(extracted, 'out/main/index.js')), build?.output).toBe(true);
    app = await launchBuiltApp({
      bundle: join(extracted, 'out/main/index.js'),
      env: { VPS_FAKE_PACKAGED: '1', VPS_FAKE_RESOURCES_PATH: resources, VPS_FAKE_APP_PATH: asarFile },
    });
  }, 60_000);

  afterAll(() => app?.close());

  it('starts, removes the default menu, and loads its window from the package', async () => {
    expect(app.stderr()).not.toContain('failed to start');
    const summary = await app.report();
    expect(summary.calls.filter((c) => c.api === 'Menu.setApplicationMenu')).toEqual([
      { api: 'Menu.setApplicationMenu', args: [null] },
    ]);
    expect(summary.windows[0]?.loaded).toEqual({ file: join(extracted, 'out/renderer/index.html') });
  });

  it('the tray shows a real icon file from resources/icons and the full menu', async () => {
    const menu = await app.waitForMenu((m) => m.items.some((i) => i.label === 'Try the demo'), 'the menu');
    expect(menu.icon).toBe(join(resources, 'icons', 'tray-idle.png'));
    expect(
      readFileSync(menu.icon ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(menu.items.filter((i) => !i.separator).map((i) => i.label)).toEqual([
      'Not signed in',
      'Try the demo',
      'Sign in…',
      'Open VPS Snapshot Tray',
      'Quit',
    ]);
  });

  it('the demo runs from the package (its lazily loaded simulator chunk is inside the asar)', async () => {
    expect(await app.click(['Try the demo'])).toBeNull();
    const menu = await app.waitForMenu(
      (m) => m.items.some((i) => i.label.startsWith('web-server-01 — ')),
      'the demo servers',
    );
    expect(basename(menu.icon ?? '')).toMatch(/^tray-(idle|busy)\.png$/);
  });
});
