/**
 * What every log line goes through: anything token-shaped redacted, and line breaks and other
 * control characters escaped, so no value (an id, a server's message, a name) can forge a line.
 */

/** Replaces anything token-shaped, so an unexpected error can be logged safely. */
export function redactSecrets(text: string): string {
  return text
    .replace(/vps_[A-Za-z0-9_-]+/g, 'vps_[redacted]')
    .replace(/(Bearer\s+)\S+/gi, '$1[redacted]')
    .replace(/("?token"?\s*[:=]\s*)("[^"]*"|\S+)/gi, '$1[redacted]');
}

/** Control characters and Unicode line breaks: each would let a value start a new log line. */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `\n` as the two characters `\n`, other controls as `\u001b` and the like. */
function escapeControl(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A message as one safe log line: redacted, with every control character escaped. */
export function logLine(message: string): string {
  return redactSecrets(message).replace(LINE_BREAKING, escapeControl);
}
