/**
 * The Result every action resolves to: a value, or a plain-language error. Its own module so the
 * core can use it without importing the IPC contract (and valibot with it).
 */
import type { AppError } from './state';

/** Either a value or a plain-language error; invoke calls never reject across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Shorthand for a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
/** Shorthand for a failed Result. */
export function fail<T = never>(error: AppError): Result<T> {
  return { ok: false, error };
}
