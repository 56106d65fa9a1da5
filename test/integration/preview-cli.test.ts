/**
 * `npm run web` after its build step, as a user runs it: a real child process (`node --import tsx
 * scripts/web.ts`, the npm script's command, so Ctrl-C reaches the preview's own handler and not
 * tsx's relay, which gives up after 30 ms on a busy machine) that prints one line with the URL,
 * serves the page signed out with the demo ready, and stops cleanly on Ctrl-C (SIGINT). Needs the
 * built renderer, like every test after `npm test`'s build.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signalWhileBusy } from '../support/child-signals';

const ROOT = resolve(__dirname, '../..');
const SCRIPT = resolve(ROOT, 'scripts/web.ts');

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run web', () => {
  it('prints the URL once, serves the page with the bridge, and stops on SIGINT', async () => {
    if (!existsSync(resolve(ROOT, 'out/renderer/index.html'))) {
      throw new Error('out/renderer is missing: run "npx electron-vite build" first ("npm test" does it)');
    }
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const line = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) done(out.slice(0, nl));
      });
      void exited.then((code) => fail(new Error(`exited ${code} before printing: ${err}`)));
    });
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1];
    expect(url, line).toBeDefined();
    const page = await fetch(url ?? '').then((r) => r.text());
    expect(page).toContain('<script src="/__preview/bridge.js"></script>');
    expect(page).toMatch(/name="vps-preview-key" content="[0-9a-f]{64}"/);

    await signalWhileBusy(child, 'SIGINT');
    expect(await exited).toBe(0);
    // One line, and the demo token is never printed.
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out + err).not.toContain('vps_demo_token');
  });
});
