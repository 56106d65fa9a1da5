/**
 * The core's side of snapshot policies: wires the runner (policy/runner.ts) to the core's data,
 * settings file, client, pins and notifications; ticks it at start, after each poll, at a timer set
 * for the next slot and shortly after the machine wakes; and saves a policy the user set.
 */
import { sameId, type Id } from '../../shared/domain';
import { appError } from '../../shared/i18n/app-error';
import { notifiesRun, parsePolicy, type PolicyPreview, type SnapshotPolicy } from '../../shared/policy';
import { fail, ok, type Result } from '../../shared/result';
import type { CoreContext } from './core-context';
import { NOT_SIGNED_IN, SERVER_NOT_FOUND } from './guards';
import { pinnedIds } from './pins';
import { policyRunNotification } from './policy/notify';
import { isEntryOf, type PolicyData, type PolicyEntry } from './policy/policy-data';
import { previewRotation } from './policy/rotation';
import { scheduledRunEntries } from './history';
import { PolicyRunner, type RunReport } from './policy/runner';

/** How long after a wake the runner waits before its catch-up (the network comes back first). */
export const RESUME_SETTLE_MS = 15_000;
/**
 * The longest a policy timer waits: timers do not count suspended time on every OS and the clock
 * can jump, so the runner looks again at least this often.
 */
export const POLICY_TIMER_MAX_MS = 10 * 60_000;
/** How often a run in flight looks at its snapshot when no poll comes sooner (real ms). */
export const RUN_FOLLOW_MS = 30_000;

/** Input of setPolicy. */
export interface PolicyInput {
  serverId: Id;
  policy: SnapshotPolicy;
}

/** Runs the policies of the account in use. */
export class PolicyService {
  readonly runner: PolicyRunner;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly ctx: CoreContext) {
    this.runner = new PolicyRunner({
      now: () => ctx.ports.scheduler.now(),
      scheduleNow: () => ctx.scheduleNow(),
      zone: () => ctx.timeZone(),
      client: () => ctx.client,
      scope: () => ctx.markScope(),
      load: () => ({ entries: ctx.data.policies, records: ctx.data.autoSnapshots }),
      save: (data) => this.save(data),
      pinnedIds: (scope) => pinnedIds(ctx.data.pins, scope),
      serverName: (id) => ctx.data.servers.find((s) => sameId(s.id, id))?.name ?? null,
      nameTemplate: () => ctx.data.settings.nameTemplate,
      isBusy: (id) => ctx.busyServers.has(String(id)),
      report: (report) => {
        const id = ctx.historyId();
        for (const entry of scheduledRunEntries(report, id, ctx.nowIso())) ctx.history.record(entry);
        this.announce(report);
      },
      logger: ctx.ports.logger,
    });
  }

  /**
   * Persists first, then shows: when the settings file cannot be written the runner's step throws
   * before its request, so a run is never started that a crash could start again.
   */
  private save(data: PolicyData): void {
    this.ctx.persist({ policies: data.entries, autoSnapshots: data.records });
    if (this.ctx.data.saveProblem !== null) {
      throw new Error('the settings file cannot be written: no scheduled request is sent');
    }
    this.ctx.update({ policies: data.entries, autoSnapshots: data.records });
  }

  private announce(report: RunReport): void {
    const ctx = this.ctx;
    if (!ctx.data.settings.notifications || !notifiesRun(report.notify, report.result.outcome)) return;
    const notice = policyRunNotification(ctx.translator(), report, ctx.data.mode === 'demo');
    ctx.safely('notification', () => ctx.ports.notifier.show(notice));
  }

  /** Runs the due policies now (in the background), then sets the timer for the next one. */
  kick(): void {
    if (this.ctx.stopped) return;
    this.ctx.background(
      this.runner.tick().then(
        () => this.arm(),
        (error: unknown) => {
          this.ctx.ports.logger.warn(`policy: ${error instanceof Error ? error.message : 'unknown error'}`);
          this.arm();
        },
      ),
    );
  }

  /** Sets the timer for the next slot or retry (in real time: demo mode runs the clock faster). */
  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.ctx.stopped) return;
    const ctx = this.ctx;
    const wake = this.runner.nextWake();
    const following = this.runner.following();
    if (wake === null && !following) return;
    let delay =
      wake === null
        ? POLICY_TIMER_MAX_MS
        : ctx.policyClock.realDelay(ctx.ports.scheduler.now(), ctx.demoTimeScale(), wake);
    // Still due after a tick: it could not run (offline, file unwritable, server busy). Look again
    // soon, never at once (that would spin).
    if (delay === 0) delay = RUN_FOLLOW_MS;
    delay = Math.min(delay, following ? RUN_FOLLOW_MS : POLICY_TIMER_MAX_MS);
    this.cancelTimer = ctx.ports.scheduler.setTimeout(() => this.kick(), delay);
  }

  /** The machine woke up: one catch-up once the network is likely back. */
  resume(): void {
    this.cancelTimer?.();
    this.cancelTimer = this.ctx.ports.scheduler.setTimeout(() => this.kick(), RESUME_SETTLE_MS);
  }

  /** Stops the timer (the core is stopping). */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /**
   * Sets a server's policy. A bad policy is refused with a clear error and changes nothing. A new
   * schedule counts from now (a daily run set after its time runs first tomorrow); changing only
   * K, make-room or notifications keeps the schedule's state, and a run in flight goes on.
   */
  setPolicy(input: PolicyInput): Result<null> {
    const ctx = this.ctx;
    const scope = ctx.markScope();
    if (ctx.client === null || scope === null) return fail(NOT_SIGNED_IN);
    const policy = parsePolicy(input.policy);
    if (policy === null) return fail(appError('invalid', 'core.policyInvalid'));
    if (!ctx.data.servers.some((s) => sameId(s.id, input.serverId))) return fail(SERVER_NOT_FOUND);
    const existing = ctx.data.policies.find((e) => isEntryOf(e, scope, input.serverId));
    const sameSchedule =
      existing !== undefined && JSON.stringify(existing.policy.schedule) === JSON.stringify(policy.schedule);
    const entry: PolicyEntry = {
      scope,
      serverId: input.serverId,
      policy,
      schedule: sameSchedule
        ? existing.schedule
        : { since: ctx.scheduleNow(), lastRun: existing?.schedule.lastRun ?? null },
      run: existing?.run ?? null,
      lastResult: existing?.lastResult ?? null,
    };
    const entries = [...ctx.data.policies.filter((e) => !isEntryOf(e, scope, input.serverId)), entry];
    ctx.persist({ policies: entries });
    ctx.update({ policies: entries });
    ctx.ports.logger.info(`policy: server ${String(input.serverId)}: set (${policy.schedule.kind})`);
    this.kick();
    return ok(null);
  }

  /** The editor's dry run: what rotation with `keep` would keep and delete on the server today. */
  previewPolicy(input: { serverId: Id; keep: number }): Result<PolicyPreview> {
    const ctx = this.ctx;
    const scope = ctx.markScope();
    if (ctx.client === null || scope === null) return fail(NOT_SIGNED_IN);
    if (!ctx.data.servers.some((s) => sameId(s.id, input.serverId))) return fail(SERVER_NOT_FOUND);
    const plan = previewRotation(
      {
        scope,
        serverId: input.serverId,
        snapshots: ctx.data.snapshots.filter((s) => sameId(s.serverId, input.serverId)),
        records: ctx.data.autoSnapshots,
        pinnedIds: pinnedIds(ctx.data.pins, scope),
      },
      input.keep,
    ).now;
    const oldestFirst = [...plan.verdicts].reverse();
    return ok({
      keep: oldestFirst.filter((v) => v.action === 'keep').map((v) => v.snapshot.name),
      remove: plan.remove.map((s) => s.name),
    });
  }

  /** Drops every policy and record of a scope (a new demo: its snapshots are not the last demo's). */
  forgetScope(scope: string): void {
    const ctx = this.ctx;
    const policies = ctx.data.policies.filter((e) => e.scope !== scope);
    const autoSnapshots = ctx.data.autoSnapshots.filter((r) => r.scope !== scope);
    if (
      policies.length === ctx.data.policies.length &&
      autoSnapshots.length === ctx.data.autoSnapshots.length
    )
      return;
    ctx.persist({ policies, autoSnapshots });
    ctx.update({ policies, autoSnapshots });
  }
}
