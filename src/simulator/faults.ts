/**
 * Decides, per request, which fault (if any) to inject. Each configured share draws once from the
 * random source, in a fixed order, so a seeded random gives the same faults on every run; a share
 * of 0 draws nothing. What each fault does to the request's effect:
 * - drop, rateLimit, serverError: the request has no effect;
 * - dropAfterEffect, malformed, slowBody: the request takes effect, only its answer is lost, garbled
 *   or stalled (the hard case for a client that must not repeat a create);
 * - lateEffect (writes only): the answer is lost, a 504 or an unreadable 2xx, and the request takes
 *   effect some seconds later, so a look right after the answer does not show it yet.
 */
import type { FaultConfig } from './types';

/** The fault chosen for one request. */
export type Fault =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'dropAfterEffect' }
  | { kind: 'rateLimit'; retryAfter: string }
  | { kind: 'serverError'; status: 500 | 502 | 503 }
  | { kind: 'malformed' }
  | { kind: 'slowBody'; stallMs: number }
  | { kind: 'lateEffect'; answer: LateEffectAnswer; delayMs: number };

/** What the client gets when a request's effect lands late. */
export type LateEffectAnswer = NonNullable<FaultConfig['lateEffectAnswer']>;

/** The request as faults see it. */
export interface FaultTarget {
  method: string;
  /** Path below the API root with ids replaced, e.g. `/snapshots/{id}/restore/`. */
  template: string;
  /** The same path with its real ids, e.g. `/snapshots/801/restore/`. */
  path: string;
}

/** The FaultConfig keys that are shares between 0 and 1. */
export const FAULT_SHARE_KEYS = [
  'serverError',
  'rateLimit',
  'drop',
  'dropAfterEffect',
  'lateEffect',
  'malformed',
  'slowBody',
] as const satisfies readonly (keyof FaultConfig)[];

/** The FaultConfig keys that are times or counts of at least 0. */
export const FAULT_NUMBER_KEYS = [
  'latencyMs',
  'retryAfterSeconds',
  'slowBodyMs',
  'lateEffectMs',
] as const satisfies readonly (keyof FaultConfig)[];

/** Default Retry-After in seconds and default slow-body stall in ms. */
export const FAULT_DEFAULTS = { retryAfterSeconds: 1, slowBodyMs: 30_000, lateEffectMs: 8_000 } as const;

function stripApiRoot(path: string): string {
  return path.startsWith('/api/v1/') ? path.slice('/api/v1'.length) : path;
}

/** True when `only` is unset or names this request (`POST /snapshots/`, or a path alone). */
export function matchesOnly(only: string | undefined, target: FaultTarget): boolean {
  if (only === undefined || only.trim() === '') return true;
  const parts = only.trim().split(/\s+/);
  const [method, rawPath] = parts.length >= 2 ? [parts[0] ?? '', parts[1] ?? ''] : ['', parts[0] ?? ''];
  if (method !== '' && method.toUpperCase() !== target.method) return false;
  const path = stripApiRoot(rawPath);
  return path === target.template || path === target.path;
}

/**
 * Picks the fault for one request. `wallClock` dates a Retry-After sent as an HTTP date: the client
 * compares it with its own real clock, so the simulator's possibly simulated `now` must not be used.
 */
export function chooseFault(
  config: FaultConfig,
  target: FaultTarget,
  random: () => number,
  wallClock: () => number,
): Fault {
  if (!matchesOnly(config.only, target)) return { kind: 'none' };
  const hit = (share: number | undefined): boolean => share !== undefined && share > 0 && random() < share;
  if (hit(config.drop)) return { kind: 'drop' };
  if (hit(config.dropAfterEffect)) return { kind: 'dropAfterEffect' };
  // A read has no effect to land late.
  if (target.method !== 'GET' && hit(config.lateEffect)) {
    const answer = config.lateEffectAnswer ?? (random() < 0.5 ? 'drop' : 'gatewayTimeout');
    return { kind: 'lateEffect', answer, delayMs: config.lateEffectMs ?? FAULT_DEFAULTS.lateEffectMs };
  }
  if (hit(config.rateLimit)) {
    const seconds = config.retryAfterSeconds ?? FAULT_DEFAULTS.retryAfterSeconds;
    const retryAfter = config.retryAfterAsDate
      ? new Date(wallClock() + seconds * 1000).toUTCString()
      : String(Math.max(0, Math.round(seconds)));
    return { kind: 'rateLimit', retryAfter };
  }
  if (hit(config.serverError)) {
    const statuses = [500, 502, 503] as const;
    return { kind: 'serverError', status: statuses[Math.floor(random() * 3) % 3] ?? 500 };
  }
  if (hit(config.malformed)) return { kind: 'malformed' };
  if (hit(config.slowBody))
    return { kind: 'slowBody', stallMs: config.slowBodyMs ?? FAULT_DEFAULTS.slowBodyMs };
  return { kind: 'none' };
}

/** Latency to add before answering (0 when `only` excludes the request). */
export function latencyFor(config: FaultConfig, target: FaultTarget): number {
  if (!matchesOnly(config.only, target)) return 0;
  return Math.max(0, config.latencyMs ?? 0);
}
