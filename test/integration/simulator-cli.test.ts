/**
 * `npm run simulator` as a user runs it: a real child process (`node --import tsx
 * src/simulator/cli.ts`, the npm script's command, so a signal reaches the simulator's own handler
 * and not tsx's relay, which gives up after 30 ms on a busy machine) that prints exactly one line
 * with its base URL, answers over HTTP, stops on SIGTERM/SIGINT, and refuses bad arguments with a
 * message and exit code 2. The argument parser is also checked in-process for the details.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs, parseFaults, UsageError } from '../../src/simulator/cli-args';
import { startSimulator } from '../../src/simulator/index';
import { signalWhileBusy } from '../support/child-signals';

const ROOT = resolve(__dirname, '../..');
const CLI = resolve(ROOT, 'src/simulator/cli.ts');
const TOKEN = 'vps_SECRETtest_cli';

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the first full stdout line (or the process ending first). */
async function firstLine(r: Run): Promise<string> {
  return new Promise((done, fail) => {
    const check = (): void => {
      const text = r.stdout();
      const nl = text.indexOf('\n');
      if (nl >= 0) done(text.slice(0, nl));
    };
    r.child.stdout.on('data', check);
    check();
    void r.exited.then(({ code }) => fail(new Error(`exited ${code} before printing: ${r.stderr()}`)));
  });
}

async function get(url: string, token: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('npm run simulator', () => {
  it('prints one line with the base URL, serves the demo seed, and stops on SIGTERM', async () => {
    const r = run(['--port', '0', '--token', TOKEN, '--speed', '20']);
    const line = await firstLine(r);
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/$/);
    const account = await get(`${line}account/me/`, TOKEN);
    expect(account.status).toBe(200);
    const list = await get(`${line}snapshots/?server_id=12345`, TOKEN);
    expect((list.json as { count: number }).count).toBe(2);
    expect((await get(`${line}servers/`, 'vps_SECRETtest_other')).status).toBe(401);
    await signalWhileBusy(r.child, 'SIGTERM');
    expect(await r.exited).toEqual({ code: 0, signal: null });
    expect(r.stdout()).toBe(`${line}\n`);
    expect(r.stdout() + r.stderr()).not.toContain(TOKEN);
    await expect(fetch(line)).rejects.toThrow();
  });

  it('--seed empty, the demo token by default, and SIGINT', async () => {
    const r = run(['--port', '0', '--seed', 'empty']);
    const line = await firstLine(r);
    const servers = await get(`${line}servers/`, 'vps_demo_token');
    expect(servers.json).toMatchObject({ count: 0, results: [] });
    await signalWhileBusy(r.child, 'SIGINT');
    expect(await r.exited).toEqual({ code: 0, signal: null });
  });

  it('--faults and --failure-rate take effect', async () => {
    const r = run([
      '--port',
      '0',
      '--token',
      TOKEN,
      '--faults',
      'rateLimit=1,retryAfterSeconds=3,only=GET /servers/',
    ]);
    const line = await firstLine(r);
    const limited = await fetch(`${line}servers/`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await get(`${line}account/me/`, TOKEN)).status).toBe(200);
    r.child.kill('SIGTERM');
    await r.exited;

    // At this speed a snapshot's 3-10 minutes last well under a millisecond.
    const f = run(['--port', '0', '--token', TOKEN, '--speed', '10000000', '--failure-rate', '1']);
    const base = await firstLine(f);
    const made = await fetch(`${base}snapshots/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ server_id: 12345, name: 'cli-made' }),
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: number };
    await new Promise((done) => setTimeout(done, 5));
    const list = await get(`${base}snapshots/?server_id=12345`, TOKEN);
    const mine = (list.json as { results: Array<{ id: number; status: string }> }).results.find(
      (s) => s.id === id,
    );
    expect(mine?.status).toBe('failed');
    f.child.kill('SIGTERM');
    await f.exited;
  });

  it.each([
    [['--port', 'abc'], /--port/],
    [['--seed', 'full'], /--seed must be demo or empty/],
    [['--faults', 'explode=1'], /unknown key "explode"/],
    [['--verbose'], /verbose/],
  ])('%j exits 2 with a clear message and prints no URL', async (args, message) => {
    const r = run(args);
    const { code } = await r.exited;
    expect(code).toBe(2);
    expect(r.stderr()).toMatch(message);
    expect(r.stderr()).toContain('Usage: npm run simulator');
    expect(r.stdout()).toBe('');
  });

  it('a port already in use exits 1 with a message', async () => {
    const busy = await startSimulator({ port: 0 });
    try {
      const r = run(['--port', String(busy.port)]);
      expect((await r.exited).code).toBe(1);
      expect(r.stderr()).toMatch(/cannot start: .*EADDRINUSE/);
      expect(r.stdout()).toBe('');
    } finally {
      await busy.stop();
    }
  });
});

describe('argument parsing', () => {
  it('maps every option', () => {
    expect(
      parseCliArgs([
        '--port=8787',
        '--token',
        'vps_demo_token',
        '--speed',
        '20',
        '--seed',
        'empty',
        '--failure-rate',
        '0.1',
        '--faults',
        'serverError=0.2,rateLimit=0.1,retryAfterAsDate=true,slowBody=0.05,slowBodyMs=100,latencyMs=30',
      ]),
    ).toEqual({
      help: false,
      options: {
        port: 8787,
        token: 'vps_demo_token',
        speed: 20,
        seed: 'empty',
        failureRate: 0.1,
        faults: {
          serverError: 0.2,
          rateLimit: 0.1,
          retryAfterAsDate: true,
          slowBody: 0.05,
          slowBodyMs: 100,
          latencyMs: 30,
        },
      },
    });
    expect(parseCliArgs([])).toEqual({ help: false, options: {} });
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it('parses the fault list, `only` with its space included', () => {
    expect(parseFaults('drop=0.5, only=POST /snapshots/,dropAfterEffect=0,malformed=1')).toEqual({
      drop: 0.5,
      only: 'POST /snapshots/',
      dropAfterEffect: 0,
      malformed: 1,
    });
    expect(() => parseFaults('latencyMs=-5')).toThrow(UsageError);
    expect(() => parseFaults('retryAfterAsDate=yes')).toThrow(/true or false/);
    expect(() => parseFaults('serverError=')).toThrow(/number/);
  });

  it('parses the late-effect fault', () => {
    expect(parseFaults('lateEffect=0.1,lateEffectMs=5000,lateEffectAnswer=garbled2xx')).toEqual({
      lateEffect: 0.1,
      lateEffectMs: 5000,
      lateEffectAnswer: 'garbled2xx',
    });
    expect(() => parseFaults('lateEffectAnswer=later')).toThrow(/drop, gatewayTimeout, garbled2xx/);
    expect(() => parseFaults('lateEffect=2')).toThrow(UsageError);
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--speed', '0'], /--speed/],
    [['--speed', 'fast'], /--speed/],
    [['--failure-rate', '2'], /--failure-rate/],
    [['--faults', 'drop=2'], /drop/],
    [['--faults', 'drop'], /key=value/],
    [['--token', 'vps a b'], /--token/],
    [['extra'], /extra|positional/i],
    [['--port'], /--port/],
  ])('%j is a UsageError', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(UsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});
