/**
 * The log file: one formatted line per call (see log-line.ts: redacted, newlines escaped), appended
 * to a file in the OS log folder and rotated by electron-log at 1 MB (the previous file is kept as
 * `main.old.log`). electron-log's Node entry is used, not its Electron one, which would register an
 * IPC channel outside the app's contract. Loading it costs tens of milliseconds, so lines are held
 * in memory until `open()` (called once the tray is up) and then written in order.
 */
import type { Logger } from '../core/ports';
import { formatLogLine, type LogLevel } from './log-line';

/** The log file's name inside the OS log folder. */
export const LOG_FILE_NAME = 'main.log';
/** Size at which the file is rotated. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** Lines held before `open()`; the oldest are dropped past this (start-up logs only a few). */
const MAX_HELD_LINES = 1000;

/** The part of an electron-log logger this module uses. */
export interface ElectronLogApi {
  create(options: { logId: string }): ElectronLogApi;
  info(text: string): void;
  transports: {
    console: { level: string | false };
    file: {
      level: string | false;
      format: string;
      maxSize: number;
      resolvePathFn: () => string;
      writeOptions: { flag: string; mode: number; encoding: string };
    };
  };
}

/** Loads electron-log; injectable so tests can make loading fail. */
export type ElectronLogLoader = () => Promise<ElectronLogApi>;

async function loadElectronLog(): Promise<ElectronLogApi> {
  const mod = (await import('electron-log/node')) as unknown as ElectronLogApi & { default?: ElectronLogApi };
  return mod.default ?? mod;
}

/** A log file and the Logger that writes to it. */
export interface FileLog {
  /** Where the lines go. */
  readonly path: string;
  readonly logger: Logger;
  /** Loads the writer and writes the held lines; later lines are written at once. */
  open(): Promise<void>;
}

/** A log file at `path` (created with its folder on the first write, readable by the user only). */
export function createFileLog(
  path: string,
  options: { maxBytes?: number; load?: ElectronLogLoader; now?: () => Date } = {},
): FileLog {
  const now = options.now ?? (() => new Date());
  let held: string[] | null = [];
  let writer: ElectronLogApi | null = null;
  let opening: Promise<void> | null = null;

  const write = (level: LogLevel, message: string) => {
    const line = formatLogLine(level, message, now());
    if (writer) writer.info(line);
    else if (held) {
      held.push(line);
      if (held.length > MAX_HELD_LINES) held.shift();
    }
  };

  const open = async (): Promise<void> => {
    const base = await (options.load ?? loadElectronLog)();
    // A logger of our own, not electron-log's shared default one.
    const log = base.create({ logId: `vps-file-${path}` });
    log.transports.console.level = false;
    const file = log.transports.file;
    file.level = 'info';
    // The line is already formatted; electron-log only appends and rotates.
    file.format = '{text}';
    file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
    file.resolvePathFn = () => path;
    file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
    writer = log;
    for (const line of held ?? []) log.info(line);
    held = null;
  };

  return {
    path,
    logger: {
      info: (message) => write('info', message),
      warn: (message) => write('warn', message),
      error: (message) => write('error', message),
    },
    open() {
      opening ??= open().catch((error: unknown) => {
        // Without a file the app still runs; the console keeps the lines.
        held = null;
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`${formatLogLine('warn', `log file: could not open ${path}: ${reason}`)}\n`);
      });
      return opening;
    },
  };
}
