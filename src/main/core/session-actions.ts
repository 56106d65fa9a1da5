/**
 * The session side of the core: a pasted token checked and kept, signing out, the demo started
 * and stopped, the stored token loaded at start, and a change of API address. Each action body
 * may throw; AppCore wraps it into a Result.
 */
import { appError } from '../../shared/i18n/app-error';
import { messagesText } from '../../shared/i18n/texts';
import { english } from '../../shared/i18n/translator';
import { cleanText } from '../../shared/display-text';
import { fail, ok, type Result } from '../../shared/result';
import { apiHostOf } from '../../shared/settings';
import { toAppError } from '../api/errors';
import type { VpsClient } from '../api/types';
import { DEMO_SCOPE, type CoreContext } from './core-context';
import { settingsDetailNotification } from './notifications';
import { forgetScope } from './pins';
import type { DemoServer } from './ports';
import {
  KEYCHAIN_OK,
  cleanPastedToken,
  isTokenRejected,
  otherTokenAddresses,
  readStoredToken,
  removeAllTokens,
  removeToken,
  storeToken,
} from './keychain-token';
import { initialSync, type CoreData } from './state-store';
import type { CatalogMessage } from '../../shared/state';

/**
 * Checks a pasted token with VPS.org, then keeps it: in the keychain, or in memory only when
 * `sessionOnly`. If the keychain fails, nothing is kept and the error (kind `keychain`) says why.
 */
export async function setToken(
  ctx: CoreContext,
  input: { token: string; sessionOnly: boolean },
): Promise<Result<{ email: string }>> {
  const token = cleanPastedToken(input.token);
  if (token === '') return fail(appError('validation', 'core.pasteToken'));
  const url = ctx.data.settings.apiBaseUrl;
  const client = ctx.ports.createClient({ baseUrl: url, token });
  // The address may change while we wait (Settings, another window): the token was checked with,
  // and would be kept for, the old one, while polling would follow the new one.
  const addressChanged = () => ctx.data.settings.apiBaseUrl !== url;
  let email: string;
  try {
    email = (await client.getAccount(ctx.abort.signal)).email;
  } catch (error) {
    if (isTokenRejected(error)) {
      return fail(appError('unauthorized', 'core.tokenRefused'));
    }
    throw error;
  }
  if (addressChanged()) return fail(ADDRESS_CHANGED);
  if (input.sessionOnly) {
    // A token stored earlier for this address would come back on the next start: remove it.
    if (ctx.data.keychain.available) await removeToken(ctx.ports.secrets, url);
  } else {
    const reason = ctx.ports.keychainProblem || (await storeToken(ctx.ports.secrets, url, token));
    if (reason) {
      ctx.update({ keychain: { available: false, reason } });
      return fail(appError('keychain', 'core.keychainStore', { reason }));
    }
    if (addressChanged()) {
      // Keep nothing for an address the app no longer uses.
      await removeToken(ctx.ports.secrets, url);
      return fail(ADDRESS_CHANGED);
    }
  }
  const fromDemo = ctx.data.mode === 'demo';
  if (fromDemo) await stopDemo(ctx);
  const sameAccount = ctx.data.mode === 'account' && ctx.data.email === email;
  ctx.client = client;
  ctx.generation++;
  // The demo's operations belong to a simulator that is gone.
  if (fromDemo) ctx.ops.reset([]);
  ctx.update({
    mode: 'account',
    email,
    tokenStorage: input.sessionOnly ? 'session' : 'keychain',
    tokenInvalid: false,
    keychain: input.sessionOnly ? ctx.data.keychain : KEYCHAIN_OK,
    servers: sameAccount ? ctx.data.servers : [],
    snapshots: sameAccount ? ctx.data.snapshots : [],
    sync: initialSync(),
    demoUrl: null,
  });
  ctx.persistSession();
  ctx.ports.logger.info(`session: signed in (${input.sessionOnly ? 'session only' : 'keychain'})`);
  void ctx.loop.start();
  return ok({ email });
}

/**
 * Forgets the token or leaves the demo; tracked operations are dropped. Signing out of an account
 * removes every token this app keeps in the keychain, for every API address, not only this one.
 */
export async function signOut(ctx: CoreContext): Promise<Result<null>> {
  let keychainReason: string | null = null;
  if (ctx.data.mode === 'demo') await stopDemo(ctx);
  else if (ctx.data.mode === 'account' && keychainUsable(ctx)) {
    keychainReason = await removeAllTokens(ctx.ports.secrets);
  }
  signedOut(ctx, true);
  if (keychainReason !== null) {
    return fail(appError('keychain', 'core.keychainRemove', { reason: keychainReason }));
  }
  return ok(null);
}

/** True when the keychain is expected to work (with a session-only token it usually does not). */
function keychainUsable(ctx: CoreContext): boolean {
  if (ctx.ports.keychainProblem) return false;
  return ctx.data.tokenStorage === 'keychain' || ctx.data.keychain.available;
}

/** An API address's host for a message, cleaned (a keychain entry or the file may hold anything). */
function hostOf(address: string): string {
  return cleanText(apiHostOf(address), 80);
}

/** The refusal when the API address changed while a pasted token was being checked. */
const ADDRESS_CHANGED = appError('refused', 'core.addressChanged');

/**
 * At start, signed out: a token stored for another API address while none is stored for the one in
 * the settings is reported as a settings problem. Someone may have changed the address in the file
 * so that the next token pasted is sent to them.
 */
export async function reportTokenForAnotherAddress(ctx: CoreContext): Promise<void> {
  if (ctx.data.mode !== 'signed-out' || !keychainUsable(ctx)) return;
  const current = ctx.data.settings.apiBaseUrl;
  const others = await otherTokenAddresses(ctx.ports.secrets, current);
  if (others.length === 0) return;
  const problem: CatalogMessage = {
    code: 'settingsFile.tokenForAnotherAddress',
    params: { current: hostOf(current), others: others.map(hostOf).join(', ') },
  };
  ctx.ports.logger.warn(`settings: ${messagesText([problem], english())}`);
  ctx.update({ settingsProblem: [...(ctx.data.settingsProblem ?? []), problem] });
  if (ctx.data.settings.notifications) {
    ctx.safely('notification', () =>
      ctx.ports.notifier.show(settingsDetailNotification(problem, ctx.translator())),
    );
  }
}

/** Starts the built-in demo (a local simulator); refused while signed in to an account. */
export async function startDemo(ctx: CoreContext): Promise<Result<null>> {
  if (ctx.data.mode === 'demo') return ok(null);
  if (ctx.data.mode === 'account') {
    return fail(appError('refused', 'core.demoWhileSignedIn'));
  }
  const started = await enterDemo(ctx);
  if (!started.ok) return started;
  void ctx.loop.start();
  return ok(null);
}

/** Asks VPS.org who is signed in (for the tray label) and keeps the answer. */
export async function fetchEmail(ctx: CoreContext, client: VpsClient): Promise<void> {
  try {
    const account = await client.getAccount(ctx.abort.signal);
    if (ctx.client !== client) return;
    ctx.update({ email: account.email });
    ctx.persistSession();
  } catch (error) {
    ctx.ports.logger.warn(`session: could not read the account: ${toAppError(error).kind}`);
  }
}

/** At start: the keychain's token for the current address, if any. */
export async function loadStoredToken(ctx: CoreContext, email: string | null): Promise<void> {
  const url = ctx.data.settings.apiBaseUrl;
  const stored = await readStoredToken(
    ctx.ports.secrets,
    url,
    ctx.ports.logger,
    ctx.ports.keychainProblem ?? null,
  );
  const signedOutNow = {
    keychain: stored.keychain,
    mode: 'signed-out',
    email: null,
    tokenStorage: null,
  } as const;
  if (stored.token === null) {
    ctx.update(signedOutNow);
    return;
  }
  try {
    ctx.client = ctx.ports.createClient({ baseUrl: url, token: stored.token });
  } catch (error) {
    ctx.ports.logger.warn(`session: stored token unusable: ${toAppError(error).message}`);
    ctx.update(signedOutNow);
    return;
  }
  ctx.update({
    keychain: stored.keychain,
    mode: 'account',
    email,
    tokenStorage: 'keychain',
    tokenInvalid: false,
  });
}

/** The API address changed while signed in: use the token stored for the new one, if any. */
export async function switchApiAddress(ctx: CoreContext): Promise<void> {
  ctx.loop.stop();
  ctx.client = null;
  ctx.generation++;
  await loadStoredToken(ctx, null);
  ctx.update({ servers: [], snapshots: [], sync: initialSync() });
  if (ctx.client === null) {
    ctx.persistSession();
    return;
  }
  const client: VpsClient = ctx.client;
  ctx.persistSession();
  void ctx.loop.start();
  await fetchEmail(ctx, client);
}

/** Starts the demo simulator and switches to it; keeps nothing of a previous demo's operations. */
export async function enterDemo(ctx: CoreContext): Promise<Result<null>> {
  let demo: DemoServer;
  try {
    demo = await ctx.ports.startDemo();
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    ctx.ports.logger.error(`demo: could not start: ${detail}`);
    signedOut(ctx, false);
    return fail(appError('internal', 'core.demoFailed'));
  }
  ctx.demo = demo;
  ctx.client = ctx.ports.createClient({ baseUrl: demo.url, token: demo.token });
  ctx.generation++;
  // A new simulator starts from its seed: operations of an earlier demo cannot be followed, and
  // its pins would name snapshots of another run.
  ctx.ops.reset([]);
  ctx.update({ ...noAccount(), mode: 'demo', demoUrl: demo.url });
  forgetScope(ctx, DEMO_SCOPE);
  ctx.policies.forgetScope(DEMO_SCOPE);
  ctx.persistSession();
  ctx.ports.logger.info('demo: started');
  return ok(null);
}

/** Stops the demo simulator, if one runs (a failure to stop is logged). */
export async function stopDemo(ctx: CoreContext): Promise<void> {
  const demo = ctx.demo;
  ctx.demo = null;
  if (demo === null) return;
  try {
    await demo.stop();
  } catch (error) {
    ctx.ports.logger.warn(`demo: stop failed: ${error instanceof Error ? error.message : 'unknown'}`);
  }
}

/** Back to signed out; `clearOperations` drops tracked operations (sign-out and leaving the demo). */
export function signedOut(ctx: CoreContext, clearOperations: boolean): void {
  ctx.loop.stop();
  ctx.client = null;
  ctx.generation++;
  if (clearOperations) ctx.ops.reset([]);
  ctx.update({ ...noAccount(), mode: 'signed-out', demoUrl: null });
  ctx.persistSession();
}

/** No user, no token, no data and a fresh sync: what signing out and entering a new demo share. */
function noAccount(): Pick<
  CoreData,
  'email' | 'tokenStorage' | 'tokenInvalid' | 'servers' | 'snapshots' | 'sync'
> {
  return {
    email: null,
    tokenStorage: null,
    tokenInvalid: false,
    servers: [],
    snapshots: [],
    sync: initialSync(),
  };
}
