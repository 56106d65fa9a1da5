// Runs every test: builds the bundles (smoke and e2e tests load them), then vitest. When
// gnome-keyring is installed the run happens inside a private D-Bus session with an unlocked
// keyring and a throwaway HOME, so the keychain tests use a real Secret Service and touch
// nothing of the user's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function onPath(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

if (!process.env.SKIP_BUILD) {
  const built = run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  if (built !== 0) process.exit(built);
}

const home = mkdtempSync(join(tmpdir(), 'vps-test-home-'));
const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), VPS_TEST_HOME: home };
const vitest = ['npx', 'vitest', 'run', ...extra];
let status;
if (onPath('dbus-run-session') && onPath('gnome-keyring-daemon')) {
  // The daemon is unlocked with a throwaway password; keytar then talks to it over the private bus.
  // Arguments reach vitest as "$@" of the inner shell, so none is re-parsed by it.
  const inner =
    'echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; VPS_TEST_KEYRING=1 exec "$@"';
  status = run('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...vitest], env);
} else {
  if (process.env.CI)
    console.error('dbus-run-session or gnome-keyring-daemon missing: keychain tests will fail');
  status = run(vitest[0], vitest.slice(1), env);
}
if (existsSync(home)) rmSync(home, { recursive: true, force: true });
process.exit(status);
