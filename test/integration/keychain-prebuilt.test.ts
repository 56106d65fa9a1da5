// The keychain module installs without a compiler: `@github/keytar` is copied the way a
// script-free install (`npm ci --ignore-scripts`, or npm's allowScripts denying it) leaves it,
// with no build/ folder, and required from there in a plain Node child. It must load the prebuilt
// N-API binary for this platform and, where the test runner set up a Secret Service, talk to it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const INSTALLED = resolve('node_modules/@github/keytar');
const root = mkdtempSync(join(tmpdir(), 'vps-keytar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Copies what the npm package holds (its `files`), never a build/ an install script made. */
function scriptFreeCopy(): string {
  const pkg = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8')) as { files: string[] };
  const dest = join(root, 'node_modules', '@github', 'keytar');
  mkdirSync(dest, { recursive: true });
  cpSync(join(INSTALLED, 'package.json'), join(dest, 'package.json'));
  for (const entry of pkg.files) {
    if (existsSync(join(INSTALLED, entry)))
      cpSync(join(INSTALLED, entry), join(dest, entry), { recursive: true });
  }
  return dest;
}

/** Requires the copy in a child and reports which binary it loaded (and a keychain round trip). */
const PROBE = `
const keytar = require(require.resolve('@github/keytar', { paths: [process.argv[1]] }));
const addons = Object.keys(require.cache).filter((k) => k.endsWith('.node'));
const out = { addons, api: ['getPassword', 'setPassword', 'deletePassword'].filter((f) => typeof keytar[f] === 'function') };
(async () => {
  if (process.env.VPS_TEST_KEYRING === '1') {
    const service = 'VPS Snapshot Tray prebuilt probe ' + process.pid;
    await keytar.setPassword(service, 'acct', 'vps_probe_value');
    out.read = await keytar.getPassword(service, 'acct');
    out.deleted = await keytar.deletePassword(service, 'acct');
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.log(JSON.stringify({ ...out, error: String(e && e.message) })); });
`;

describe('@github/keytar without install scripts', () => {
  it('the project denies its install script, so no install compiles anything', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.dependencies['@github/keytar']).toBe('7.10.6');
    expect(pkg.dependencies['keytar']).toBeUndefined();
    expect(pkg.allowScripts['@github/keytar']).toBe(false);
  });

  it('loads the prebuilt binary for this platform from a copy with no build/ folder', () => {
    const copy = scriptFreeCopy();
    expect(existsSync(join(copy, 'build'))).toBe(false);
    const child = spawnSync(process.execPath, ['-e', PROBE, root], { encoding: 'utf8', timeout: 20_000 });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
      addons: string[];
      api: string[];
      read?: string | null;
      deleted?: boolean;
      error?: string;
    };
    expect(out.api).toEqual(['getPassword', 'setPassword', 'deletePassword']);
    expect(out.addons).toEqual([
      join(copy, 'prebuilds', `${process.platform}-${process.arch}`, 'keytar.node'),
    ]);
    expect(out.addons[0]).not.toContain(`${sep}build${sep}`);
    if (process.env['VPS_TEST_KEYRING'] === '1') {
      expect(out.error).toBeUndefined();
      expect(out).toMatchObject({ read: 'vps_probe_value', deleted: true });
    }
  });
});
