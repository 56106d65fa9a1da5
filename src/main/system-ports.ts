/**
 * The plain production ports that need no Electron: real timers and a console logger that
 * redacts anything token-shaped and escapes line breaks before it is written (see redact.ts).
 */
import { clampDelay } from './api/backoff';
import type { Logger, Scheduler } from './core/ports';
import { logLine } from './redact';

/**
 * Timers on the real clock. Every delay is clamped here too, the last line of defence: a delay over
 * 2^31-1 ms would otherwise fire after 1 ms.
 */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, clampDelay(ms));
    return () => clearTimeout(handle);
  },
};

/** Writes log lines to stdout/stderr with a timestamp, redacted. */
export function createConsoleLogger(): Logger {
  const line = (level: string, message: string) =>
    `${new Date().toISOString()} ${level} ${logLine(message)}\n`;
  return {
    info: (message) => void process.stdout.write(line('info', message)),
    warn: (message) => void process.stderr.write(line('warn', message)),
    error: (message) => void process.stderr.write(line('error', message)),
  };
}
