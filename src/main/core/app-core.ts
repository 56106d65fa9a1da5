/**
 * The core: owns the application state, runs every action (from the window or the tray), tracks
 * long operations through to their end, polls, and notifies. Plain TypeScript over its ports, so
 * it runs under vitest, the browser preview and Electron alike. Actions never throw: each resolves
 * a Result with a plain-language AppError.
 *
 * This class is the facade: lifecycle, the Result wrapper, and one line per action. The work is in
 * core-context.ts (shared data and helpers), session-actions.ts, snapshot-actions.ts and
 * poll-cycle.ts.
 */
import { sameId, type Id, type Operation } from '../../shared/domain';
import type { ExportFile, ExportFormat } from '../../shared/ipc';
import type { HistoryEntry, HistoryFlow, HistoryKind, UserSource } from '../../shared/history';
import type { PolicyPreview } from '../../shared/policy';
import { fail, ok, type Result } from '../../shared/result';
import type { UserSettings } from '../../shared/settings';
import { appError, localizeError } from '../../shared/i18n/app-error';
import { messagesText } from '../../shared/i18n/texts';
import { english } from '../../shared/i18n/translator';
import type { AppError, AppState } from '../../shared/state';
import { isApiError, toAppError } from '../api/errors';
import { CoreContext } from './core-context';
import { historyFile } from './history-export';
import { NOT_SIGNED_IN } from './guards';
import { settingsProblemNotification } from './notifications';
import type { CorePorts } from './ports';
import { isTokenRejected } from './keychain-token';
import * as session from './session-actions';
import { applySettingsPatch } from './settings-patch';
import * as snapshots from './snapshot-actions';
import type { CreateInput, DeleteInput, RestoreInput } from './snapshot-actions';
import * as pins from './pins';
import type { PinInput } from './pins';
import type { PolicyInput } from './policies';

export { DEMO_POLL_SECONDS } from './poll-cycle';
export type { CreateInput, DeleteInput, RestoreInput } from './snapshot-actions';

/** What a snapshot action is about, for its history entry; the core fills in the names it knows. */
interface ActionTarget {
  kind: HistoryKind;
  source: UserSource;
  serverId: Id;
  snapshotId: Id | null;
  snapshotName?: string;
  flow?: HistoryFlow;
}

/** The answer to any action before start() has read the settings file and the keychain. */
export const STILL_STARTING: AppError = appError('refused', 'core.starting');

/** The application core. See the module comment. */
export class AppCore {
  private readonly ctx: CoreContext;

  constructor(ports: CorePorts) {
    this.ctx = new CoreContext(ports);
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** The current state (the same object last published). */
  getState(): AppState {
    return this.ctx.state;
  }

  /**
   * Reads persisted data and the keychain, resumes tracked operations (announcing any whose end was
   * saved but not announced), restarts the demo if it was on, and starts polling. Until it has read
   * the keychain the state says `starting` and every action is refused. Does not wait for the first
   * refresh (see `settled()`).
   */
  async start(): Promise<void> {
    const ctx = this.ctx;
    ctx.stopped = false;
    const { data, problem } = ctx.ports.settings.read();
    ctx.ops.reset(data.operations, false);
    ctx.history.reset(data.history);
    ctx.update({ settings: data.settings, settingsProblem: problem, pins: data.pins });
    if (problem) {
      ctx.ports.logger.warn(`settings: ${messagesText(problem, english())}`);
      if (data.settings.notifications) {
        ctx.safely('notification', () =>
          ctx.ports.notifier.show(settingsProblemNotification(ctx.translator())),
        );
      }
    }
    try {
      if (data.session.mode === 'demo') {
        const started = await session.enterDemo(ctx);
        if (!started.ok) ctx.ports.logger.warn(`demo: could not restart: ${started.error.message}`);
      } else {
        await session.loadStoredToken(ctx, data.session.email);
        await session.reportTokenForAnotherAddress(ctx);
      }
    } finally {
      ctx.update({ starting: false });
    }
    ctx.ops.announceSaved(ctx.data.settings.notifications);
    if (ctx.client === null) return;
    void ctx.loop.start();
    // Older files (or a cleared one) may lack who is signed in: ask once, for the tray label.
    if (ctx.data.mode === 'account' && ctx.data.email === null)
      ctx.background(session.fetchEmail(ctx, ctx.client));
  }

  /** Stops polling, cancels requests in flight and stops the demo simulator. */
  async stop(): Promise<void> {
    const ctx = this.ctx;
    ctx.stopped = true;
    ctx.loop.stop();
    ctx.policies.stop();
    ctx.abort.abort();
    ctx.abort = new AbortController();
    await session.stopDemo(ctx);
  }

  /** The window was shown or hidden: refresh at once when shown, and poll at the matching pace. */
  setWindowVisible(visible: boolean): void {
    const was = this.ctx.windowVisible;
    this.ctx.windowVisible = visible;
    if (visible && !was) void this.ctx.loop.kick();
    else if (visible !== was) this.ctx.loop.reschedule();
  }

  /** The machine woke from sleep: policies missed meanwhile run once, shortly after. */
  resume(): void {
    this.ctx.policies.resume();
  }

  /** How many times faster the app's own schedules run: the simulator's speed in demo mode, else 1. */
  demoTimeScale(): number {
    return this.ctx.demoTimeScale();
  }

  /** Resolves when no poll is in flight (for tests, the preview and shutdown). */
  async settled(): Promise<void> {
    while (this.ctx.pending.size > 0) await Promise.all([...this.ctx.pending]);
    await this.ctx.loop.idle();
  }

  // ---- session actions -------------------------------------------------------------------------

  /**
   * Checks a pasted token with VPS.org, then keeps it: in the keychain, or in memory only when
   * `sessionOnly`. If the keychain fails, nothing is kept and the error (kind `keychain`) says why.
   */
  async setToken(input: { token: string; sessionOnly: boolean }): Promise<Result<{ email: string }>> {
    return this.act('setToken', () => session.setToken(this.ctx, input));
  }

  /** Forgets the token (removing it from the keychain) or leaves the demo; tracked operations are dropped. */
  async signOut(): Promise<Result<null>> {
    return this.act('signOut', () => session.signOut(this.ctx));
  }

  /** Starts the built-in demo (a local simulator); refused while signed in to an account. */
  async startDemo(): Promise<Result<null>> {
    return this.act('startDemo', () => session.startDemo(this.ctx));
  }

  // ---- data actions ----------------------------------------------------------------------------

  /** Refreshes servers and snapshots now; resolves when done, with the refresh's error if any. */
  async refresh(): Promise<Result<null>> {
    return this.act('refresh', async () => {
      const ctx = this.ctx;
      if (ctx.client === null) return fail(NOT_SIGNED_IN);
      // After a 401 the loop is stopped; a manual refresh tries again (and restarts it on success).
      if (ctx.loop.started) await ctx.loop.kick();
      else await ctx.loop.start();
      return ctx.poll.lastError === null ? ok(null) : fail(ctx.poll.lastError);
    });
  }

  /**
   * Starts a snapshot and tracks it; refuses names, a 6th snapshot, and servers being restored.
   * `source` is where the click was (the history records it); the window's IPC always passes 'window'.
   */
  async createSnapshot(input: CreateInput, source: UserSource = 'window'): Promise<Result<Operation>> {
    return this.act('createSnapshot', () => snapshots.createSnapshot(this.ctx, input, source), {
      kind: 'create',
      source,
      serverId: input.serverId,
      snapshotId: null,
      snapshotName: input.name.trim(),
    });
  }

  /** Starts a snapshot named from the template (made unique among the server's snapshots). */
  async quickSnapshot(input: { serverId: Id }, source: UserSource = 'window'): Promise<Result<Operation>> {
    return this.act('quickSnapshot', () => snapshots.quickSnapshot(this.ctx, input, source), {
      kind: 'create',
      source,
      serverId: input.serverId,
      snapshotId: null,
    });
  }

  /** Starts a restore after the guard rails (exact server name, states) and tracks it. */
  async restoreSnapshot(input: RestoreInput, source: UserSource = 'window'): Promise<Result<Operation>> {
    return this.act('restoreSnapshot', () => snapshots.restoreSnapshot(this.ctx, input, source), {
      kind: 'restore',
      source,
      serverId: input.serverId,
      snapshotId: input.snapshotId,
      ...(input.safetySnapshot === true ? { flow: 'safety-restore' as const } : {}),
    });
  }

  /**
   * Deletes a snapshot (refused while it is still being created, and for a pinned one unless
   * `confirmPinned`: the user confirmed a second time).
   */
  async deleteSnapshot(input: DeleteInput, source: UserSource = 'window'): Promise<Result<null>> {
    return this.act('deleteSnapshot', () => snapshots.deleteSnapshot(this.ctx, input, source), {
      kind: 'delete',
      source,
      serverId: input.serverId,
      snapshotId: input.snapshotId,
    });
  }

  /** The history of the API address and account in use, newest first. */
  async getHistory(): Promise<Result<HistoryEntry[]>> {
    return this.act('getHistory', async () => ok(this.ctx.history.current()));
  }

  /** The history (of one server, or all) as a JSON or CSV file, in the user's language. */
  async exportHistory(input: { format: ExportFormat; serverId?: Id }): Promise<Result<ExportFile>> {
    return this.act('exportHistory', async () => {
      const ctx = this.ctx;
      const serverId = input.serverId;
      const entries = ctx.history
        .current()
        .filter((e) => serverId === undefined || sameId(e.serverId, serverId));
      return ok(historyFile(entries, input.format, ctx.translator(), new Date(ctx.ports.scheduler.now())));
    });
  }

  /** Pins or unpins a snapshot of the account in use (a pinned one is never rotated). */
  async setPinned(input: PinInput): Promise<Result<null>> {
    return this.act('setPinned', () => pins.setPinned(this.ctx, input));
  }

  /** Sets a server's snapshot policy (refused with a clear error when invalid; nothing changes then). */
  async setPolicy(input: PolicyInput): Promise<Result<null>> {
    return this.act('setPolicy', async () => this.ctx.policies.setPolicy(input));
  }

  /** The policy editor's dry run: what rotation with K would keep and delete on the server today. */
  async previewPolicy(input: { serverId: Id; keep: number }): Promise<Result<PolicyPreview>> {
    return this.act('previewPolicy', async () => this.ctx.policies.previewPolicy(input));
  }

  /** Removes a finished operation from the list (a running one cannot be dismissed). */
  async dismissOperation(input: { operationId: string }): Promise<Result<null>> {
    return this.act('dismissOperation', async () => {
      const refusal = this.ctx.ops.dismiss(input.operationId);
      return refusal === null ? ok(null) : fail(refusal);
    });
  }

  /** Checks and keeps a settings change; a new API address in account mode switches to its token. */
  async updateSettings(patch: Partial<UserSettings>): Promise<Result<UserSettings>> {
    return this.act('updateSettings', async () => {
      const ctx = this.ctx;
      const applied = applySettingsPatch(ctx.data.settings, patch);
      if (!applied.ok) return fail(applied.error);
      const before = ctx.data.settings;
      const settings = applied.settings;
      ctx.update({ settings });
      ctx.persist({ settings });
      if (
        settings.pollIntervalSeconds !== before.pollIntervalSeconds ||
        settings.idleRefreshMinutes !== before.idleRefreshMinutes
      ) {
        ctx.loop.reschedule();
      }
      if (settings.apiBaseUrl !== before.apiBaseUrl && ctx.data.mode === 'account') {
        await session.switchApiAddress(ctx);
      }
      return ok({ ...settings });
    });
  }

  // ---- internals -------------------------------------------------------------------------------

  /**
   * Runs an action; any throw becomes a failed Result (a 401 also marks the token invalid). Before
   * start() has read the keychain nothing acts: a demo or sign-in then would replace what it reads.
   * A refusal's message is put in the user's language (its code travels along for the views). A
   * snapshot action names its `subject`: when it is refused or fails, the history records it.
   */
  private async act<T>(
    name: string,
    body: () => Promise<Result<T>>,
    subject?: ActionTarget,
  ): Promise<Result<T>> {
    if (this.ctx.data.starting) return fail(localizeError(STILL_STARTING, this.ctx.translator()));
    const result = await this.attempt(name, body);
    if (result.ok) return result;
    // Before sign-in there is no account whose history it would be.
    if (subject !== undefined && result.error.kind !== 'not_signed_in') {
      this.ctx.recordAction(this.ctx.subjectOf(subject), result.error);
    }
    return fail(localizeError(result.error, this.ctx.translator()));
  }

  /** Runs an action's body; a throw becomes a failed Result (a 401 also marks the token invalid). */
  private async attempt<T>(name: string, body: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await body();
    } catch (error) {
      const appError = toAppError(error);
      if (isTokenRejected(error)) this.ctx.markTokenInvalid();
      this.ctx.ports.logger.warn(`${name}: failed (${appError.kind})`);
      if (!isApiError(error)) {
        this.ctx.ports.logger.error(
          `${name}: ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown'}`,
        );
      }
      return fail(appError);
    }
  }
}
