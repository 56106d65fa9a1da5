/**
 * The core's shared working parts: its data, the client, the tracked operations, the poll loop,
 * and the small helpers every part needs (publish after each change, persist, call a port
 * safely). The session actions, snapshot actions and polling glue each work on one of these;
 * AppCore is the facade over them.
 *
 * The data the views see changes in one way only: `update(patch)` (and the tracker, whose every
 * change calls `publishState`). Both publish, so no change can miss the views whatever the order
 * of calls; `data` and `state` are read-only outside.
 */
import type { VpsClient } from '../api/types';
import { sameId, type Operation } from '../../shared/domain';
import {
  resolveLocale,
  translatorFor,
  type ResolvedLanguage,
  type Translator,
} from '../../shared/i18n/translator';
import type { AppError, AppState } from '../../shared/state';
import { saveFailedNotification, saveProblem, tokenInvalidNotification } from './notifications';
import { History, actionEntry, operationEntry, type ActionSubject } from './history';
import type { Observation } from './operations';
import { advanceSafetyRestores } from './safety-restore';
import { PollLoop } from './poll-loop';
import { pollDelay, pollKind, pollOnce } from './poll-cycle';
import type { CorePorts, DemoServer } from './ports';
import { inScope, scopeText, type Scope } from './scope';
import { KEYCHAIN_OK } from './keychain-token';
import { PolicyService } from './policies';
import { ScaledClock, systemTimeZone } from './policy/clock';
import { buildAppState, initialSync, type CoreData, type ViewPoint } from './state-store';
import { OperationTracker } from './tracker';

/** The scope of the demo's pins and policies (never a real account's: that is a JSON array). */
export const DEMO_SCOPE = 'demo';

/** What the polling glue remembers between polls. */
export interface PollStatus {
  /** Failed polls in a row. */
  failures: number;
  /** The last failure's Retry-After, in ms. */
  retryAfterMs: number | null;
  /** The last poll's error (null after a success), for the refresh action's answer. */
  lastError: AppError | null;
  /** Scheduler time of the last successful full refresh. */
  lastFullAt: number;
}

/** The state and parts shared by the core's modules (see the module comment). */
export class CoreContext {
  private current: CoreData;
  private published: AppState;
  client: VpsClient | null = null;
  demo: DemoServer | null = null;
  windowVisible = false;
  /** Bumped by every action that changes servers, snapshots or operations: polls started before are stale. */
  generation = 0;
  abort = new AbortController();
  stopped = false;
  /** Servers with a create or restore request on its way: a second click must not start another. */
  readonly busyServers = new Set<string>();
  /** The schedules' clock in demo mode (see scheduleNow). */
  readonly policyClock = new ScaledClock();
  /** Runs the snapshot policies (see policies.ts). */
  readonly policies: PolicyService;
  /** Background work in flight (see AppCore.settled()). */
  readonly pending = new Set<Promise<void>>();
  readonly poll: PollStatus = { failures: 0, retryAfterMs: null, lastError: null, lastFullAt: 0 };
  readonly ops: OperationTracker;
  readonly history: History;
  readonly loop: PollLoop;

  constructor(readonly ports: CorePorts) {
    const { data, problem } = ports.settings.read();
    this.current = {
      starting: true,
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
      saveProblem: null,
      pins: data.pins,
      policies: data.policies,
      autoSnapshots: data.autoSnapshots,
    };
    this.history = new History(data.history, {
      persist: (history) => this.persist({ history }),
      changed: () => this.publishState(),
      inScope: (entry) => inScope(entry, this.scope()),
    });
    this.ops = new OperationTracker(data.operations, {
      persist: (operations) => this.persist({ operations }),
      notify: (n) => this.safely('notification', () => ports.notifier.show(n)),
      announce: (operation) =>
        this.safely('publish operationFinished', () => ports.publish('operationFinished', { operation })),
      ended: (operation) => this.history.record(operationEntry(operation)),
      changed: () => this.publishState(),
      demo: () => this.data.mode === 'demo',
      translator: () => this.translator(),
      inScope: (op) => inScope(op, this.scope()),
      logger: ports.logger,
    });
    this.published = this.buildState();
    this.loop = new PollLoop(
      ports.scheduler,
      (kind) => pollOnce(this, kind),
      () => pollDelay(this),
      () => pollKind(this),
    );
    this.policies = new PolicyService(this);
  }

  /** The core's data (change it with `update`). */
  get data(): Readonly<CoreData> {
    return this.current;
  }

  /** The state last published. */
  get state(): AppState {
    return this.published;
  }

  /** The one way to change the data: applies the patch and publishes the new state. */
  update(patch: Partial<CoreData>): void {
    this.current = { ...this.current, ...patch };
    this.publishState();
  }

  /** Rebuilds the state from the data and the operations, and publishes it. */
  publishState(): void {
    this.published = this.buildState();
    this.safely('publish state', () => this.ports.publish('state', this.published));
  }

  private buildState(): AppState {
    return buildAppState(
      this.current,
      this.ops.current,
      this.language(),
      this.viewPoint(),
      this.history.revision,
    );
  }

  /** An action's history subject with the server's and snapshot's names as the core knows them. */
  subjectOf(
    target: Omit<ActionSubject, 'serverName' | 'snapshotName'> & { snapshotName?: string },
  ): ActionSubject {
    const server = this.data.servers.find((s) => sameId(s.id, target.serverId));
    const snapshotId = target.snapshotId;
    const snapshot =
      snapshotId === null ? undefined : this.data.snapshots.find((s) => sameId(s.id, snapshotId));
    return {
      ...target,
      serverName: server?.name ?? String(target.serverId),
      snapshotName: target.snapshotName ?? snapshot?.name ?? '',
    };
  }

  /**
   * Records an action that ended without a tracked operation (a delete, a refusal) in the history,
   * stamped now and with the scope in use.
   */
  recordAction(subject: ActionSubject, error: AppError | null): void {
    this.history.record(actionEntry(this.historyId(), this.nowIso(), this.scopeText(), subject, error));
  }

  /** A fresh id for a history entry that has no operation of its own. */
  historyId(): string {
    const now = this.ports.scheduler.now().toString(36);
    let id: string;
    do id = `h-${now}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
    while (this.history.has(id));
    return id;
  }

  /**
   * The language of every surface: the user's choice, or with "system" the OS's preferred one that
   * has a catalog (English when none has, or when the OS cannot say).
   */
  language(): ResolvedLanguage {
    let system: readonly string[] = [];
    try {
      system = this.ports.systemLocales?.() ?? [];
    } catch (error) {
      this.ports.logger.warn(
        `language: the system languages could not be read: ${error instanceof Error ? error.message : 'unknown'}`,
      );
    }
    return resolveLocale(this.data.settings.language, system);
  }

  /** Words and formats in the language of every surface (notifications, messages). */
  translator(): Translator {
    return translatorFor(this.language());
  }

  /** Runs a port call whose failure must not break the core (a closed window, a notification daemon). */
  safely(what: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.ports.logger.error(`${what} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    }
  }

  /**
   * Writes to the settings file. A failure does not stop the app (it works from memory), but the
   * user is told once, in the state and by a notification, that outcomes may repeat after a restart.
   */
  persist(patch: Parameters<CorePorts['settings']['write']>[0]): void {
    try {
      this.ports.settings.write(patch);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      this.ports.logger.error(`settings: could not save: ${reason}`);
      if (this.current.saveProblem !== null) return;
      this.update({ saveProblem: saveProblem(reason) });
      if (this.current.settings.notifications)
        this.safely('notification', () =>
          this.ports.notifier.show(saveFailedNotification(reason, this.translator())),
        );
      return;
    }
    if (this.current.saveProblem !== null) {
      this.ports.logger.info('settings: saved again');
      this.update({ saveProblem: null });
    }
  }

  /** Persists how the app is connected and who is signed in. */
  persistSession(): void {
    this.persist({ session: { mode: this.data.mode, email: this.data.email } });
  }

  /** The API address and account in use, or null when signed out. */
  scope(): Scope | null {
    if (this.data.mode === 'signed-out') return null;
    if (this.data.mode === 'demo') return { url: this.data.demoUrl ?? '', email: null };
    return { url: this.data.settings.apiBaseUrl, email: this.data.email };
  }

  /** The scope text a new operation is stamped with (undefined when signed out: none start then). */
  scopeText(): string | undefined {
    const scope = this.scope();
    return scope === null ? undefined : scopeText(scope);
  }

  /**
   * The scope pins, policies and the records of automatic snapshots are kept under, or null when
   * signed out: the account's (as scopeText), or DEMO_SCOPE in demo mode. Each demo starts afresh
   * from its seed, so its marks are dropped when a demo starts (see enterDemo).
   */
  markScope(): string | null {
    if (this.data.mode === 'demo') return DEMO_SCOPE;
    return this.scopeText() ?? null;
  }

  /**
   * How many times faster than real time the app's own schedules run: the simulator's speed in
   * demo mode (a user can watch a daily policy run and rotate in minutes), 1 otherwise.
   */
  demoTimeScale(): number {
    const speed = this.data.mode === 'demo' ? this.demo?.speed : undefined;
    return speed !== undefined && Number.isFinite(speed) && speed > 0 ? speed : 1;
  }

  /** The schedules' clock: real time, or in demo mode scaled by the simulator's speed. */
  scheduleNow(): number {
    return this.policyClock.now(this.ports.scheduler.now(), this.demoTimeScale());
  }

  /** The computer's time zone for schedules (read each time: it can change). */
  timeZone(): string {
    return systemTimeZone(this.ports.timeZone);
  }

  /** Where the state is seen from (account scope, schedule zone and clock). */
  private viewPoint(): ViewPoint {
    return { scope: this.markScope(), zone: () => this.timeZone(), now: this.scheduleNow() };
  }

  /** The scheduler's time as ISO text. */
  nowIso(): string {
    return new Date(this.ports.scheduler.now()).toISOString();
  }

  /** Keeps track of work nobody awaits, so AppCore.settled() can wait for it. */
  background(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Applies what a poll (or a create answer) saw to the tracked operations. */
  observe(obs: Observation): Operation[] {
    const finished = this.ops.observe(obs, this.data.settings.notifications);
    this.background(advanceSafetyRestores(this, obs));
    return finished;
  }

  /** A 401: stop polling, say so once, keep the operations for when a new token comes. */
  markTokenInvalid(): void {
    this.loop.stop();
    if (this.data.tokenInvalid) return;
    this.ports.logger.warn('session: VPS.org refused the token (401); polling stopped');
    this.update({ tokenInvalid: true, sync: { ...this.data.sync, refreshing: false } });
    if (this.data.settings.notifications) {
      const demo = this.data.mode === 'demo';
      this.safely('notification', () =>
        this.ports.notifier.show(tokenInvalidNotification(this.translator(), demo)),
      );
    }
  }
}
