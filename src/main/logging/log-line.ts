/**
 * The one format of a log line, shared by the console and the log file: a timestamp, the level and
 * the message, redacted, on one line. Line breaks and other control characters in a message are
 * escaped, so a message (an API error text, say) can neither forge a line nor hide one.
 */
import { redactSecrets } from '../redact';

/** The levels of the Logger port. */
export type LogLevel = 'info' | 'warn' | 'error';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** `\n` and `\r` as written in source, other control characters (tab aside) as `\u….` escapes. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `2026-12-02T08:00:00.000Z warn message`, redacted and on one line (no trailing newline). */
export function formatLogLine(level: LogLevel, message: string, at: Date = new Date()): string {
  return `${at.toISOString()} ${level} ${escapeControls(redactSecrets(message))}`;
}
