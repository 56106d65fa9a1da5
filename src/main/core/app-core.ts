/**
 * The core: owns the application state, runs every action (from the window or the tray), tracks
 * long operations through to their end, polls, and notifies. Plain TypeScript over its ports, so
 * it runs under vitest, the browser preview and Electron alike. Actions never throw: each resolves
 * a Result with a plain-language AppError.
 */
import { sameId, type Id, type Operation, type Server, type Snapshot } from '../../shared/domain';
import { fail, ok, type Result } from '../../shared/ipc';
import type { UserSettings } from '../../shared/settings';
import { renderNameTemplate } from '../../shared/snapshot-name';
import type { AppError, AppState } from '../../shared/state';
import { isApiError, toAppError } from '../api/errors';
import type { VpsClient } from '../api/types';
import { createError, deleteError, descriptionError, restoreError, uniqueName } from './guards';
import { tokenInvalidNotification } from './notifications';
import type { Observation } from './operations';
import { PollLoop, VISIBLE_REFRESH_MS, nextDelay, type PollKind, type PollOutcome } from './poller';
import type { CorePorts, DemoServer } from './ports';
import { loadAll, loadRunning, mergeServers, snapshotsOf } from './refresh';
import { KEYCHAIN_OK, cleanPastedToken, readStoredToken, removeToken, storeToken } from './session';
import { applySettingsPatch } from './settings-patch';
import { buildAppState, initialSync, type CoreData } from './state-store';
import { OperationTracker } from './tracker';

/** Poll interval while operations run in demo mode (its snapshots finish within a minute). */
export const DEMO_POLL_SECONDS = 3;

/** Failures after which a write may have taken effect at VPS.org although no clean answer came. */
const UNCLEAR_WRITE_KINDS = new Set<string>(['network', 'timeout', 'server', 'bad_response']);

/** True for a 401: the token itself is refused (a 403 is one call the token may not make). */
function isTokenRejected(error: unknown): boolean {
  return isApiError(error) && error.kind === 'unauthorized' && error.status !== 403;
}

const NOT_SIGNED_IN: AppError = {
  kind: 'not_signed_in',
  message: 'Not connected to VPS.org yet. Paste an API token (Account → Developers) or try the demo.',
};

/** Input of createSnapshot. */
export interface CreateInput {
  serverId: Id;
  name: string;
  description: string;
}

/** Input of restoreSnapshot. */
export interface RestoreInput {
  serverId: Id;
  snapshotId: Id;
  confirmServerName: string;
}

/** The application core. See the module comment. */
export class AppCore {
  private data: CoreData;
  private state: AppState;
  private client: VpsClient | null = null;
  private demo: DemoServer | null = null;
  private windowVisible = false;
  private failures = 0;
  private retryAfterMs: number | null = null;
  /** The last poll's error (null after a success), for the refresh action's answer. */
  private lastPollError: AppError | null = null;
  /** Bumped by every action that changes servers, snapshots or operations: polls started before are stale. */
  private generation = 0;
  /** Scheduler time of the last successful full refresh. */
  private lastFullAt = 0;
  private readonly ops: OperationTracker;
  private abort = new AbortController();
  private stopped = false;
  /** Servers with a create or restore request on its way: a second click must not start another. */
  private readonly busyServers = new Set<string>();
  /** Background work in flight (see settled()). */
  private readonly pending = new Set<Promise<void>>();
  private readonly loop: PollLoop;

  constructor(private readonly ports: CorePorts) {
    const { data, problem } = ports.settings.read();
    this.data = {
      mode: 'signed-out',
      email: null,
      tokenStorage: null,
      tokenInvalid: false,
      keychain: ports.keychainProblem ? { available: false, reason: ports.keychainProblem } : KEYCHAIN_OK,
      servers: [],
      snapshots: [],
      sync: initialSync(),
      settings: data.settings,
      demoUrl: null,
      settingsProblem: problem,
    };
    this.ops = new OperationTracker(data.operations, {
      persist: (operations) => this.persist({ operations }),
      notify: (n) => this.safely('notification', () => ports.notifier.show(n)),
      announce: (operation) =>
        this.safely('publish operationFinished', () => ports.publish('operationFinished', { operation })),
      changed: () => this.publishState(),
      demo: () => this.data.mode === 'demo',
      logger: ports.logger,
    });
    this.state = buildAppState(this.data, this.ops.all);
    this.loop = new PollLoop(
      ports.scheduler,
      (kind) => this.poll(kind),
      () => this.nextDelay(),
      () => this.kindForTimer(),
    );
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** The current state (the same object last published). */
  getState(): AppState {
    return this.state;
  }

  /**
   * Reads persisted data and the keychain, resumes tracked operations, restarts the demo if it was
   * on, and starts polling. Does not wait for the first refresh (see `settled()`).
   */
  async start(): Promise<void> {
    this.stopped = false;
    const { data, problem } = this.ports.settings.read();
    this.data = { ...this.data, settings: data.settings, settingsProblem: problem };
    this.ops.reset(data.operations, false);
    if (problem) {
      this.ports.logger.warn(`settings: ${problem}`);
      if (data.settings.notifications) {
        this.safely('notification', () =>
          this.ports.notifier.show({ title: 'Settings file was damaged', body: problem }),
        );
      }
    }
    if (data.session.mode === 'demo') {
      const started = await this.enterDemo();
      if (!started.ok) this.ports.logger.warn(`demo: could not restart: ${started.error.message}`);
    } else {
      await this.loadStoredToken(data.session.email);
    }
    this.publishState();
    if (this.client === null) return;
    void this.loop.start();
    // Older files (or a cleared one) may lack who is signed in: ask once, for the tray label.
    if (this.data.mode === 'account' && this.data.email === null)
      this.background(this.fetchEmail(this.client));
  }

  private async fetchEmail(client: VpsClient): Promise<void> {
    try {
      const account = await client.getAccount(this.abort.signal);
      if (this.client !== client) return;
      this.update({ email: account.email });
      this.persistSession();
    } catch (error) {
      this.ports.logger.warn(`session: could not read the account: ${toAppError(error).kind}`);
    }
  }

  /** Stops polling, cancels requests in flight and stops the demo simulator. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.loop.stop();
    this.abort.abort();
    this.abort = new AbortController();
    await this.stopDemo();
  }

  /** The window was shown or hidden: refresh at once when shown, and poll at the matching pace. */
  setWindowVisible(visible: boolean): void {
    const was = this.windowVisible;
    this.windowVisible = visible;
    if (visible && !was) void this.loop.kick();
    else if (visible !== was) this.loop.reschedule();
  }

  /** Resolves when no poll is in flight (for tests, the preview and shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.loop.idle();
  }

  /** Keeps track of work nobody awaits, so settled() can wait for it. */
  private background(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  // ---- session actions -------------------------------------------------------------------------

  /**
   * Checks a pasted token with VPS.org, then keeps it: in the keychain, or in memory only when
   * `sessionOnly`. If the keychain fails, nothing is kept and the error (kind `keychain`) says why.
   */
  async setToken(input: { token: string; sessionOnly: boolean }): Promise<Result<{ email: string }>> {
    return this.act('setToken', async () => {
      const token = cleanPastedToken(input.token);
      if (token === '') return fail({ kind: 'validation', message: 'Paste the API token first.' });
      const url = this.data.settings.apiBaseUrl;
      const client = this.ports.createClient({ baseUrl: url, token });
      let email: string;
      try {
        email = (await client.getAccount(this.abort.signal)).email;
      } catch (error) {
        if (isTokenRejected(error)) {
          return fail({
            kind: 'unauthorized',
            message:
              'VPS.org did not accept this token. Check that you copied all of it, and that it has not been revoked (Account → Developers).',
          });
        }
        throw error;
      }
      if (input.sessionOnly) {
        // A token stored earlier for this address would come back on the next start: remove it.
        if (this.data.keychain.available) await removeToken(this.ports.secrets, url);
      } else {
        const reason = this.ports.keychainProblem || (await storeToken(this.ports.secrets, url, token));
        if (reason) {
          this.update({ keychain: { available: false, reason } });
          return fail({
            kind: 'keychain',
            message: `The token works, but the system keychain could not store it: ${reason}. You can keep it for this session only; it is then not saved anywhere and you paste it again after a restart.`,
          });
        }
      }
      const fromDemo = this.data.mode === 'demo';
      if (fromDemo) await this.stopDemo();
      const sameAccount = this.data.mode === 'account' && this.data.email === email;
      this.client = client;
      this.generation++;
      // The demo's operations belong to a simulator that is gone.
      if (fromDemo) this.ops.reset([]);
      this.update({
        mode: 'account',
        email,
        tokenStorage: input.sessionOnly ? 'session' : 'keychain',
        tokenInvalid: false,
        keychain: input.sessionOnly ? this.data.keychain : KEYCHAIN_OK,
        servers: sameAccount ? this.data.servers : [],
        snapshots: sameAccount ? this.data.snapshots : [],
        sync: initialSync(),
        demoUrl: null,
      });
      this.persistSession();
      this.ports.logger.info(`session: signed in (${input.sessionOnly ? 'session only' : 'keychain'})`);
      void this.loop.start();
      return ok({ email });
    });
  }

  /** Forgets the token (removing it from the keychain) or leaves the demo; tracked operations are dropped. */
  async signOut(): Promise<Result<null>> {
    return this.act('signOut', async () => {
      let keychainReason: string | null = null;
      if (this.data.mode === 'demo') await this.stopDemo();
      else if (this.data.tokenStorage === 'keychain') {
        keychainReason = await removeToken(this.ports.secrets, this.data.settings.apiBaseUrl);
      }
      this.signedOut(true);
      if (keychainReason !== null) {
        return fail({
          kind: 'keychain',
          message: `You are signed out in the app, but the token could not be removed from the system keychain: ${keychainReason}. Remove the "VPS Snapshot Tray" entry there by hand.`,
        });
      }
      return ok(null);
    });
  }

  /** Starts the built-in demo (a local simulator); refused while signed in to an account. */
  async startDemo(): Promise<Result<null>> {
    return this.act('startDemo', async () => {
      if (this.data.mode === 'demo') return ok(null);
      if (this.data.mode === 'account') {
        return fail({
          kind: 'refused',
          message: 'Sign out first: the demo replaces your VPS.org account in the app while it runs.',
        });
      }
      const started = await this.enterDemo();
      if (!started.ok) return started;
      this.publishState();
      void this.loop.start();
      return ok(null);
    });
  }

  // ---- data actions ----------------------------------------------------------------------------

  /** Refreshes servers and snapshots now; resolves when done, with the refresh's error if any. */
  async refresh(): Promise<Result<null>> {
    return this.act('refresh', async () => {
      if (this.client === null) return fail(NOT_SIGNED_IN);
      // After a 401 the loop is stopped; a manual refresh tries again (and restarts it on success).
      if (this.loop.started) await this.loop.kick();
      else await this.loop.start();
      return this.lastPollError === null ? ok(null) : fail(this.lastPollError);
    });
  }

  /** Starts a snapshot and tracks it; refuses names, a 6th snapshot, and servers being restored. */
  async createSnapshot(input: CreateInput): Promise<Result<Operation>> {
    return this.act('createSnapshot', async () => {
      const client = this.client;
      if (client === null) return fail(NOT_SIGNED_IN);
      const server = await this.findServer(input.serverId);
      if (server === null) return fail(this.serverNotFound());
      const name = input.name.trim();
      const badDescription = descriptionError(input.description);
      if (badDescription) return fail(badDescription);
      const refusal = await this.createRefusal(server, () => name);
      if (refusal) return fail(refusal);
      return this.exclusive(server, () => this.startCreate(client, server, name, input.description.trim()));
    });
  }

  /** Starts a snapshot named from the template (made unique among the server's snapshots). */
  async quickSnapshot(input: { serverId: Id }): Promise<Result<Operation>> {
    return this.act('quickSnapshot', async () => {
      const client = this.client;
      if (client === null) return fail(NOT_SIGNED_IN);
      const server = await this.findServer(input.serverId);
      if (server === null) return fail(this.serverNotFound());
      const base = renderNameTemplate(this.data.settings.nameTemplate, {
        server: { name: server.name, id: server.id },
        at: new Date(this.ports.scheduler.now()),
      });
      const nameFor = () =>
        uniqueName(
          base,
          snapshotsOf(this.data.snapshots, server.id).map((s) => s.name),
        );
      const refusal = await this.createRefusal(server, nameFor);
      if (refusal) return fail(refusal);
      return this.exclusive(server, () => this.startCreate(client, server, nameFor(), ''));
    });
  }

  /** Starts a restore after the guard rails (exact server name, states) and tracks it. */
  async restoreSnapshot(input: RestoreInput): Promise<Result<Operation>> {
    return this.act('restoreSnapshot', async () => {
      const client = this.client;
      if (client === null) return fail(NOT_SIGNED_IN);
      const server = await this.findServer(input.serverId);
      if (server === null) return fail(this.serverNotFound());
      const snapshot = await this.findSnapshot(input.snapshotId);
      if (snapshot === null) return fail(this.snapshotNotFound());
      const refusal = restoreError(server, snapshot, input.confirmServerName, this.ops.all);
      if (refusal) return fail(refusal);
      return this.exclusive(server, () => this.startRestore(client, server, snapshot));
    });
  }

  /** Sends the restore and starts tracking it (the guards have passed). */
  private async startRestore(client: VpsClient, server: Server, snapshot: Snapshot): Promise<Operation> {
    let status: string;
    try {
      const started = await client.restoreSnapshot(snapshot.id);
      status = started.server.status || 'restoring';
    } catch (error) {
      // The answer was lost, but VPS.org may have started the restore: look before saying it failed,
      // or the user would retry (refused) and never hear when it ends.
      if (!(await this.restoreTookEffect(client, server, error))) throw error;
      status = 'restoring';
    }
    this.generation++;
    const op: Operation = {
      id: this.ops.newId(this.ports.scheduler.now()),
      kind: 'restore',
      serverId: server.id,
      serverName: server.name,
      snapshotId: snapshot.id,
      snapshotName: snapshot.name,
      startedAt: this.nowIso(),
      status: 'running',
      finishedAt: null,
      message: null,
      previousServerStatus: server.status,
    };
    this.data = {
      ...this.data,
      servers: this.data.servers.map((s) => (sameId(s.id, server.id) ? { ...s, status } : s)),
    };
    this.ops.add(op);
    this.ports.logger.info(`restore: started for server ${String(server.id)}`);
    void this.loop.kick();
    return op;
  }

  /**
   * After a restore request failed without a clear answer (timeout, dropped connection, 5xx, an
   * unreadable answer): true when the server now shows `restoring`, i.e. the restore did start.
   * A clear refusal (4xx) or a server that cannot be read counts as not started.
   */
  private async restoreTookEffect(client: VpsClient, server: Server, error: unknown): Promise<boolean> {
    if (!isApiError(error) || !UNCLEAR_WRITE_KINDS.has(error.kind)) return false;
    let now: Server;
    try {
      now = await client.getServer(server.id, this.abort.signal);
    } catch (readError) {
      this.ports.logger.warn(
        `restore: answer lost (${error.kind}) and the server could not be read (${toAppError(readError).kind})`,
      );
      return false;
    }
    if (now.status !== 'restoring') return false;
    this.ports.logger.info(
      `restore: answer lost (${error.kind}), but server ${String(server.id)} is restoring: tracking it`,
    );
    return true;
  }

  /**
   * Runs a create or restore request for a server unless one is already on its way for it (a
   * double click in the tray must not make two snapshots: there are only five slots).
   */
  private async exclusive(server: Server, start: () => Promise<Operation>): Promise<Result<Operation>> {
    const key = String(server.id);
    if (this.busyServers.has(key)) {
      return fail({
        kind: 'refused',
        message: `A request for ${server.name} is already on its way. Wait a moment and look at the operations list.`,
      });
    }
    this.busyServers.add(key);
    try {
      return ok(await start());
    } finally {
      this.busyServers.delete(key);
    }
  }

  /** Deletes a snapshot (refused while it is still being created). */
  async deleteSnapshot(input: { serverId: Id; snapshotId: Id }): Promise<Result<null>> {
    return this.act('deleteSnapshot', async () => {
      const client = this.client;
      if (client === null) return fail(NOT_SIGNED_IN);
      const snapshot = await this.findSnapshot(input.snapshotId);
      if (snapshot === null || !sameId(snapshot.serverId, input.serverId))
        return fail(this.snapshotNotFound());
      const refusal = deleteError(snapshot);
      if (refusal) return fail(refusal);
      await client.deleteSnapshot(snapshot.id);
      this.generation++;
      this.update({ snapshots: this.data.snapshots.filter((s) => !sameId(s.id, snapshot.id)) });
      this.ports.logger.info(`delete: snapshot ${String(snapshot.id)} deleted`);
      void this.loop.kick();
      return ok(null);
    });
  }

  /** Removes a finished operation from the list (a running one cannot be dismissed). */
  async dismissOperation(input: { operationId: string }): Promise<Result<null>> {
    return this.act('dismissOperation', async () => {
      const refusal = this.ops.dismiss(input.operationId);
      return refusal === null ? ok(null) : fail(refusal);
    });
  }

  /** Checks and keeps a settings change; a new API address in account mode switches to its token. */
  async updateSettings(patch: Partial<UserSettings>): Promise<Result<UserSettings>> {
    return this.act('updateSettings', async () => {
      const applied = applySettingsPatch(this.data.settings, patch);
      if (!applied.ok) return fail(applied.error);
      const before = this.data.settings;
      const settings = applied.settings;
      this.update({ settings });
      this.persist({ settings });
      if (
        settings.pollIntervalSeconds !== before.pollIntervalSeconds ||
        settings.idleRefreshMinutes !== before.idleRefreshMinutes
      ) {
        this.loop.reschedule();
      }
      if (settings.apiBaseUrl !== before.apiBaseUrl && this.data.mode === 'account') {
        await this.switchApiAddress();
      }
      return ok({ ...settings });
    });
  }

  // ---- internals: session ----------------------------------------------------------------------

  /** At start: the keychain's token for the current address, if any. */
  private async loadStoredToken(email: string | null): Promise<void> {
    const url = this.data.settings.apiBaseUrl;
    const stored = await readStoredToken(
      this.ports.secrets,
      url,
      this.ports.logger,
      this.ports.keychainProblem ?? null,
    );
    this.data = { ...this.data, keychain: stored.keychain };
    if (stored.token === null) {
      this.data = { ...this.data, mode: 'signed-out', email: null, tokenStorage: null };
      return;
    }
    try {
      this.client = this.ports.createClient({ baseUrl: url, token: stored.token });
    } catch (error) {
      this.ports.logger.warn(`session: stored token unusable: ${toAppError(error).message}`);
      this.data = { ...this.data, mode: 'signed-out', email: null, tokenStorage: null };
      return;
    }
    this.data = { ...this.data, mode: 'account', email, tokenStorage: 'keychain', tokenInvalid: false };
  }

  /** The API address changed while signed in: use the token stored for the new one, if any. */
  private async switchApiAddress(): Promise<void> {
    this.loop.stop();
    this.client = null;
    this.generation++;
    await this.loadStoredToken(null);
    this.update({ servers: [], snapshots: [], sync: initialSync() });
    if (this.client === null) {
      this.persistSession();
      return;
    }
    const client: VpsClient = this.client;
    this.persistSession();
    void this.loop.start();
    await this.fetchEmail(client);
  }

  /** Starts the demo simulator and switches to it; keeps nothing of a previous demo's operations. */
  private async enterDemo(): Promise<Result<null>> {
    let demo: DemoServer;
    try {
      demo = await this.ports.startDemo();
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unknown error';
      this.ports.logger.error(`demo: could not start: ${detail}`);
      this.signedOut(false);
      return fail({ kind: 'internal', message: 'The demo could not start. Please try again.' });
    }
    this.demo = demo;
    this.client = this.ports.createClient({ baseUrl: demo.url, token: demo.token });
    this.generation++;
    // A new simulator starts from its seed: operations of an earlier demo cannot be followed.
    this.data = {
      ...this.data,
      mode: 'demo',
      email: null,
      tokenStorage: null,
      tokenInvalid: false,
      servers: [],
      snapshots: [],
      sync: initialSync(),
      demoUrl: demo.url,
    };
    this.ops.reset([]);
    this.persistSession();
    this.ports.logger.info('demo: started');
    return ok(null);
  }

  private async stopDemo(): Promise<void> {
    const demo = this.demo;
    this.demo = null;
    if (demo === null) return;
    try {
      await demo.stop();
    } catch (error) {
      this.ports.logger.warn(`demo: stop failed: ${error instanceof Error ? error.message : 'unknown'}`);
    }
  }

  /** Back to signed out; `clearOperations` drops tracked operations (sign-out and leaving the demo). */
  private signedOut(clearOperations: boolean): void {
    this.loop.stop();
    this.client = null;
    this.generation++;
    if (clearOperations) this.ops.reset([]);
    this.update({
      mode: 'signed-out',
      email: null,
      tokenStorage: null,
      tokenInvalid: false,
      servers: [],
      snapshots: [],
      sync: initialSync(),
      demoUrl: null,
    });
    this.persistSession();
  }

  /** A 401: stop polling, say so once, keep the operations for when a new token comes. */
  private markTokenInvalid(): void {
    this.loop.stop();
    if (this.data.tokenInvalid) return;
    this.ports.logger.warn('session: VPS.org refused the token (401); polling stopped');
    this.update({ tokenInvalid: true, sync: { ...this.data.sync, refreshing: false } });
    if (this.data.settings.notifications) {
      const demo = this.data.mode === 'demo';
      this.safely('notification', () => this.ports.notifier.show(tokenInvalidNotification(demo)));
    }
  }

  // ---- internals: operations -------------------------------------------------------------------

  /**
   * Why a snapshot of this server cannot be made. At the limit, the list is refreshed once first:
   * a snapshot deleted elsewhere (e.g. in the dashboard) would otherwise block the user wrongly.
   */
  private async createRefusal(server: Server, name: () => string): Promise<AppError | null> {
    const refusal = createError(server, snapshotsOf(this.data.snapshots, server.id), name());
    if (refusal?.kind !== 'limit_reached' || !this.loop.started) return refusal;
    await this.loop.kick();
    const fresh = this.data.servers.find((s) => sameId(s.id, server.id)) ?? server;
    return createError(fresh, snapshotsOf(this.data.snapshots, server.id), name());
  }

  private async startCreate(
    client: VpsClient,
    server: Server,
    name: string,
    description: string,
  ): Promise<Operation> {
    const snapshot = await client.createSnapshot({
      serverId: server.id,
      name,
      ...(description !== '' ? { description } : {}),
    });
    this.generation++;
    const op: Operation = {
      id: this.ops.newId(this.ports.scheduler.now()),
      kind: 'create',
      serverId: server.id,
      serverName: server.name,
      snapshotId: snapshot.id,
      snapshotName: snapshot.name,
      startedAt: this.nowIso(),
      status: 'running',
      finishedAt: null,
      message: null,
    };
    this.data = {
      ...this.data,
      snapshots: [snapshot, ...this.data.snapshots.filter((s) => !sameId(s.id, snapshot.id))],
    };
    this.ops.add(op);
    this.ports.logger.info(`create: snapshot ${String(snapshot.id)} started on server ${String(server.id)}`);
    // The create answer may already say it ended (a fast or failed create).
    const finished = this.observe({
      snapshots: [snapshot],
      servers: new Map(),
      at: this.nowIso(),
      canConcludeMissing: () => false,
    });
    void this.loop.kick();
    return finished.find((f) => f.id === op.id) ?? op;
  }

  /** Applies what a poll (or a create answer) saw to the tracked operations. */
  private observe(obs: Observation): Operation[] {
    return this.ops.observe(obs, this.data.settings.notifications);
  }

  // ---- internals: polling ----------------------------------------------------------------------

  /**
   * Light polls while something runs, but a full refresh now and then (every minute with the
   * window open, every idle interval otherwise), so other servers' data does not go stale during
   * a long operation.
   */
  private kindForTimer(): PollKind {
    if (!this.ops.anyRunning()) return 'full';
    const every = this.windowVisible
      ? Math.min(VISIBLE_REFRESH_MS, this.data.settings.idleRefreshMinutes * 60_000)
      : this.data.settings.idleRefreshMinutes * 60_000;
    return this.ports.scheduler.now() - this.lastFullAt >= every ? 'full' : 'light';
  }

  private nextDelay(): number {
    const s = this.data.settings;
    return nextDelay({
      running: this.ops.anyRunning(),
      windowVisible: this.windowVisible,
      // The demo's snapshots take seconds, not minutes: poll it faster so it feels alive.
      pollIntervalSeconds:
        this.data.mode === 'demo'
          ? Math.min(s.pollIntervalSeconds, DEMO_POLL_SECONDS)
          : s.pollIntervalSeconds,
      idleRefreshMinutes: s.idleRefreshMinutes,
      failures: this.failures,
      retryAfterMs: this.retryAfterMs,
    });
  }

  /** One poll: a full refresh, or only what running operations need. */
  private async poll(kind: PollKind): Promise<PollOutcome> {
    const client = this.client;
    if (client === null || this.stopped) return { next: 'stop' };
    const generation = this.generation;
    const mark = this.ops.mark();
    const creating = this.ops.creating();
    const restoring = this.ops.restoringIds();
    const full = kind === 'full' || (!creating && restoring.length === 0);
    if (full) this.update({ sync: { ...this.data.sync, refreshing: true } });
    try {
      const at = this.nowIso();
      let obs: Observation;
      if (full) {
        const loaded = await loadAll(client, this.abort.signal);
        if (this.client !== client || this.stopped) return { next: 'schedule' };
        const read = new Map<string, Server | 'missing'>();
        for (const id of restoring) {
          read.set(String(id), loaded.servers.find((s) => sameId(s.id, id)) ?? 'missing');
        }
        obs = { snapshots: loaded.snapshots, servers: read, at, canConcludeMissing: () => true };
        if (generation === this.generation) {
          this.data = { ...this.data, servers: loaded.servers, snapshots: loaded.snapshots };
        }
      } else {
        const loaded = await loadRunning(client, creating, restoring, this.abort.signal);
        if (this.client !== client || this.stopped) return { next: 'schedule' };
        obs = { snapshots: loaded.snapshots, servers: loaded.servers, at, canConcludeMissing: () => true };
        if (generation === this.generation) {
          this.data = {
            ...this.data,
            servers: mergeServers(this.data.servers, loaded.servers),
            snapshots: loaded.snapshots ?? this.data.snapshots,
          };
        }
      }
      this.failures = 0;
      this.retryAfterMs = null;
      if (full) this.lastFullAt = this.ports.scheduler.now();
      this.lastPollError = null;
      this.update({
        tokenInvalid: false,
        sync: {
          refreshing: false,
          lastRefreshAt: full ? at : this.data.sync.lastRefreshAt,
          lastError: null,
          offline: false,
        },
      });
      // An action changed things while this poll was in flight: its data is stale, and the
      // action's own refresh follows right after.
      if (generation === this.generation) {
        this.observe({ ...obs, canConcludeMissing: (op) => this.ops.addedBefore(op, mark) });
      }
      return { next: 'schedule' };
    } catch (error) {
      if (this.client !== client || this.stopped) return { next: 'schedule' };
      return this.pollFailed(error);
    }
  }

  private pollFailed(error: unknown): PollOutcome {
    const appError = toAppError(error);
    this.lastPollError = appError;
    if (isTokenRejected(error)) {
      this.markTokenInvalid();
      return { next: 'stop' };
    }
    this.failures++;
    this.retryAfterMs = isApiError(error) ? error.retryAfterMs : null;
    const offline = appError.kind === 'network' || appError.kind === 'timeout';
    this.ports.logger.warn(`poll: failed (${appError.kind}), attempt ${this.failures}`);
    this.update({ sync: { ...this.data.sync, refreshing: false, lastError: appError, offline } });
    return { next: 'schedule' };
  }

  // ---- internals: lookups ----------------------------------------------------------------------

  /** The server from the state, refreshing once if it is not there yet. */
  private async findServer(serverId: Id): Promise<Server | null> {
    const find = () => this.data.servers.find((s) => sameId(s.id, serverId)) ?? null;
    const found = find();
    if (found !== null || !this.loop.started) return found;
    await this.loop.kick();
    return find();
  }

  private async findSnapshot(snapshotId: Id): Promise<Snapshot | null> {
    const find = () => this.data.snapshots.find((s) => sameId(s.id, snapshotId)) ?? null;
    const found = find();
    if (found !== null || !this.loop.started) return found;
    await this.loop.kick();
    return find();
  }

  private serverNotFound(): AppError {
    return {
      kind: 'not_found',
      message: 'That server is not in this account (any more). Refresh the list and try again.',
    };
  }

  private snapshotNotFound(): AppError {
    return { kind: 'not_found', message: 'That snapshot no longer exists. Refresh the list and try again.' };
  }

  // ---- internals: state and persistence --------------------------------------------------------

  /** Runs an action; any throw becomes a failed Result (a 401 also marks the token invalid). */
  private async act<T>(name: string, body: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await body();
    } catch (error) {
      const appError = toAppError(error);
      if (isTokenRejected(error)) this.markTokenInvalid();
      this.ports.logger.warn(`${name}: failed (${appError.kind})`);
      if (!isApiError(error)) {
        this.ports.logger.error(
          `${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown'}`,
        );
      }
      return fail(appError);
    }
  }

  private update(patch: Partial<CoreData>): void {
    this.data = { ...this.data, ...patch };
    this.publishState();
  }

  private publishState(): void {
    this.state = buildAppState(this.data, this.ops.all);
    this.safely('publish state', () => this.ports.publish('state', this.state));
  }

  /** Runs a port call whose failure must not break the core (a closed window, a notification daemon). */
  private safely(what: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.ports.logger.error(`${what} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  private persist(patch: Parameters<CorePorts['settings']['write']>[0]): void {
    try {
      this.ports.settings.write(patch);
    } catch (error) {
      this.ports.logger.error(
        `settings: could not save: ${error instanceof Error ? error.message : 'unknown'}`,
      );
    }
  }

  private persistSession(): void {
    this.persist({ session: { mode: this.data.mode, email: this.data.email } });
  }

  private nowIso(): string {
    return new Date(this.ports.scheduler.now()).toISOString();
  }
}
