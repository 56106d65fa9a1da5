// The log file through the real electron-log (its Node entry) in a temp folder: lines held until
// open() are written first and in order, every line is redacted and one line long, the file is the
// user's alone, it rotates at its size limit, and a writer that cannot load loses no app behaviour.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFileLog } from '../../src/main/logging/file-log';
import { escapeControls, formatLogLine } from '../../src/main/logging/log-line';
import { createConsoleLogger, teeLogger } from '../../src/main/system-ports';

const root = mkdtempSync(join(tmpdir(), 'vps-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(root, `run-${(n += 1)}`, 'logs', 'main.log');
const AT = new Date('2026-12-02T08:00:00.000Z');
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);

describe('log lines', () => {
  it('escape line breaks and control characters, so one message is one line', () => {
    expect(escapeControls('a\nb\r\nc\u001b[31md\u2028e\tf')).toBe('a\\nb\\r\\nc\\u001b[31md\\u2028e\tf');
    expect(formatLogLine('warn', 'two\nlines', AT)).toBe('2026-12-02T08:00:00.000Z warn two\\nlines');
  });

  it('are redacted before they are escaped', () => {
    const line = formatLogLine('error', 'failed: Authorization: Bearer abc.def\nvps_abcdef123\n', AT);
    expect(line).not.toMatch(/abc\.def|vps_abcdef123/);
    expect(line).toBe(
      '2026-12-02T08:00:00.000Z error failed: Authorization: Bearer [redacted]\\nvps_[redacted]\\n',
    );
  });

  it('the console logger writes the same format', () => {
    const out = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    createConsoleLogger().warn('token=vps_secret123 x\ny');
    const written = String(out.mock.calls[0]?.[0]);
    out.mockRestore();
    expect(written).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z warn token=\[redacted\] x\\ny\n$/);
  });
});

describe('createFileLog', () => {
  it('holds lines until open(), then writes them in order, then writes at once', async () => {
    const path = freshPath();
    const log = createFileLog(path, { now: () => AT });
    log.logger.info('first');
    log.logger.warn('second');
    expect(existsSync(path)).toBe(false);
    await log.open();
    expect(lines(path)).toEqual([
      '2026-12-02T08:00:00.000Z info first',
      '2026-12-02T08:00:00.000Z warn second',
    ]);
    log.logger.error('third {text} %c');
    expect(lines(path)).toEqual([
      '2026-12-02T08:00:00.000Z info first',
      '2026-12-02T08:00:00.000Z warn second',
      '2026-12-02T08:00:00.000Z error third {text} %c',
    ]);
  });

  it('writes no token and no raw line break, and only the user may read the file', async () => {
    const path = freshPath();
    const log = createFileLog(path);
    await log.open();
    log.logger.error('request failed\nAuthorization: Bearer vps_leak_abcdef\n{"token":"vps_leak_abcdef"}');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('leak_abcdef');
    expect(lines(path)).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('rotates at its size limit, keeping the previous file as main.old.log', async () => {
    const path = freshPath();
    const log = createFileLog(path, { maxBytes: 2_000 });
    await log.open();
    for (let i = 0; i < 100; i += 1) log.logger.info(`line ${i} ${'x'.repeat(40)}`);
    const old = join(path, '..', 'main.old.log');
    expect(existsSync(old)).toBe(true);
    expect(statSync(path).size).toBeLessThanOrEqual(2_000 + 100);
    // Nothing is lost between the two files' tails: the last line is in the current one.
    expect(lines(path).at(-1)).toMatch(/ info line 99 x+$/);
  });

  it('a writer that cannot load is reported once on stderr; logging goes on without a file', async () => {
    const path = freshPath();
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = createFileLog(path, { load: () => Promise.reject(new Error('Cannot find module')) });
    log.logger.info('held');
    await log.open();
    await log.open();
    log.logger.info('after');
    const reports = err.mock.calls.map((c) => String(c[0]));
    err.mockRestore();
    expect(reports.filter((r) => r.includes('could not open'))).toHaveLength(1);
    expect(existsSync(path)).toBe(false);
  });

  it('a tee gives every line to each logger', () => {
    const a: string[] = [];
    const b: string[] = [];
    const tee = teeLogger(
      { info: (m) => a.push(m), warn: (m) => a.push(m), error: (m) => a.push(m) },
      { info: (m) => b.push(m), warn: (m) => b.push(m), error: (m) => b.push(m) },
    );
    tee.info('1');
    tee.error('2');
    expect(a).toEqual(['1', '2']);
    expect(b).toEqual(['1', '2']);
  });
});
