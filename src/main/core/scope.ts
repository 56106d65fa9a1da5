/**
 * Which API address and account an operation belongs to. Operations are only observed against
 * the API they were started on: after a switch of address or account they wait, untouched, and
 * resume when the user switches back.
 */
import type { Operation } from '../../shared/domain';

/** Where an operation runs: the API base URL (trailing slashes ignored) and the account's email. */
export interface Scope {
  url: string;
  /** Null while the account is not known yet (e.g. just after a change of address) or in demo mode. */
  email: string | null;
}

function normalUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The text kept in `Operation.scope`. */
export function scopeText(scope: Scope): string {
  return JSON.stringify([normalUrl(scope.url), scope.email]);
}

function parseScope(text: string): Scope | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return null;
    const email: unknown = parsed[1];
    return { url: parsed[0], email: typeof email === 'string' ? email : null };
  } catch {
    return null;
  }
}

/**
 * True when the operation belongs to the current scope. Old operations without a scope count as
 * current. While the current account is not known yet, the address alone decides (the token in
 * use is the one stored for that address).
 */
export function inScope(op: Pick<Operation, 'scope'>, current: Scope | null): boolean {
  if (op.scope === undefined) return true;
  if (current === null) return false;
  const scope = parseScope(op.scope);
  if (scope === null) return true;
  if (scope.url !== normalUrl(current.url)) return false;
  return current.email === null || scope.email === null || scope.email === current.email;
}
