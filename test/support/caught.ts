/**
 * The ApiError a client call rejects with, for tests that look at its kind, status and message
 * (and fail plainly when the call resolved or threw something else).
 */
import { expect } from 'vitest';
import { ApiError } from '../../src/main/api/errors';

/** Awaits `p` and returns the ApiError it rejected with. */
export async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
}
