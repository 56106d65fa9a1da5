/**
 * The plain production ports that need no Electron: real timers, a console logger that writes the
 * same redacted one-line format as the log file, and a logger that writes to several.
 */
import { clampDelay } from './api/backoff';
import type { Logger, Scheduler } from './core/ports';
import { formatLogLine } from './logging/log-line';

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

/** Writes log lines to stdout/stderr with a timestamp, redacted, one line each. */
export function createConsoleLogger(): Logger {
  return {
    info: (message) => void process.stdout.write(`${formatLogLine('info', message)}\n`),
    warn: (message) => void process.stderr.write(`${formatLogLine('warn', message)}\n`),
    error: (message) => void process.stderr.write(`${formatLogLine('error', message)}\n`),
  };
}

/** One logger that passes every line to each of `loggers`. */
export function teeLogger(...loggers: Logger[]): Logger {
  return {
    info: (message) => loggers.forEach((l) => l.info(message)),
    warn: (message) => loggers.forEach((l) => l.warn(message)),
    error: (message) => loggers.forEach((l) => l.error(message)),
  };
}
