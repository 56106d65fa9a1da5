/** Redaction of anything token-shaped, applied to every log line and unexpected error. */
/** Replaces anything token-shaped, so an unexpected error can be logged safely. */
export function redactSecrets(text: string): string {
  return text
    .replace(/vps_[A-Za-z0-9_-]+/g, 'vps_[redacted]')
    .replace(/(Bearer\s+)\S+/gi, '$1[redacted]')
    .replace(/("?token"?\s*[:=]\s*)("[^"]*"|\S+)/gi, '$1[redacted]');
}
