/**
 * The token's home: the OS keychain (account = API base URL) or, when the user chooses, memory
 * for this session only. Keychain failures become a plain reason for the state; the token itself
 * is never logged, persisted elsewhere or returned to a view.
 */
import type { KeychainView } from '../../shared/state';
import { isApiError } from '../api/errors';
import { KeychainUnavailableError, type Logger, type SecretStore } from './ports';

/** True for a 401: the token itself is refused (a 403 is one call the token may not make). */
export function isTokenRejected(error: unknown): boolean {
  return isApiError(error) && error.kind === 'unauthorized' && error.status !== 403;
}

/** The keychain works (as far as we know). */
export const KEYCHAIN_OK: KeychainView = { available: true, reason: null };

/** The reason to show for any keychain failure. */
export function keychainReasonOf(error: unknown): string {
  if (error instanceof KeychainUnavailableError) return error.reason;
  return 'the keychain refused the request';
}

/** What reading the stored token found. */
export interface StoredToken {
  token: string | null;
  keychain: KeychainView;
}

/** Reads the token stored for `account`; a keychain failure gives no token and the reason. */
export async function readStoredToken(
  secrets: SecretStore,
  account: string,
  logger: Logger,
  knownProblem: string | null,
): Promise<StoredToken> {
  if (knownProblem) return { token: null, keychain: { available: false, reason: knownProblem } };
  try {
    const token = await secrets.get(account);
    return { token: token && token.length > 0 ? token : null, keychain: KEYCHAIN_OK };
  } catch (error) {
    const reason = keychainReasonOf(error);
    logger.warn(`keychain: could not read the token: ${reason}`);
    return { token: null, keychain: { available: false, reason } };
  }
}

/** Stores the token; null on success, else the reason the keychain gave. */
export async function storeToken(
  secrets: SecretStore,
  account: string,
  token: string,
): Promise<string | null> {
  try {
    await secrets.set(account, token);
    return null;
  } catch (error) {
    return keychainReasonOf(error);
  }
}

/** Removes the token; null on success (or nothing stored), else the keychain's reason. */
export async function removeToken(secrets: SecretStore, account: string): Promise<string | null> {
  try {
    await secrets.delete(account);
    return null;
  } catch (error) {
    return keychainReasonOf(error);
  }
}

/**
 * Removes every token this app stored, for every API address (not only the current one: a token
 * kept for an address used earlier must not outlive a sign-out). Null on success, else the reason.
 */
export async function removeAllTokens(secrets: SecretStore): Promise<string | null> {
  try {
    for (const account of await secrets.accounts()) await secrets.delete(account);
    return null;
  } catch (error) {
    return keychainReasonOf(error);
  }
}

/** The API addresses other than `current` that have a token stored; empty when the keychain fails. */
export async function otherTokenAddresses(secrets: SecretStore, current: string): Promise<string[]> {
  try {
    return (await secrets.accounts()).filter((account) => account !== current);
  } catch {
    return [];
  }
}

/** Trims what was pasted (people copy a trailing newline or spaces). */
export function cleanPastedToken(token: string): string {
  return token.trim();
}
