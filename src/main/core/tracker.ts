/**
 * The tracked operations and their one rule that matters most: each finishes exactly once and is
 * announced (notification and `operationFinished`) exactly once. Its end is persisted BEFORE it is
 * announced, marked `announced: false`; once announced, the mark is removed and persisted again. A
 * crash in between leaves the mark on disk, and the next start announces it (announceSaved), so a
 * restart at any moment neither loses nor repeats an announcement. Every change is persisted.
 */
import type { Id, Operation } from '../../shared/domain';
import { appError } from '../../shared/i18n/app-error';
import type { Translator } from '../../shared/i18n/translator';
import type { AppError } from '../../shared/state';
import { operationFinishedNotification } from './notifications';
import {
  anyRunning,
  applyObservation,
  newOperationId,
  runningServerIds,
  trimOperations,
  type Observation,
} from './operations';
import type { Logger, NotificationRequest } from './ports';

/** What the tracker reaches outside. The core wraps each so a failing port cannot break it. */
export interface TrackerDeps {
  /** Writes the whole list to the settings file. */
  persist(operations: Operation[]): void;
  /** Shows a notification (the core checks the user's setting). */
  notify(n: NotificationRequest): void;
  /** Publishes `operationFinished`. */
  announce(op: Operation): void;
  /** Records an ended operation in the history (called again after a crash: it keeps one entry per id). */
  ended?: (op: Operation) => void;
  /** The list changed: publish the state. */
  changed(): void;
  /** True in demo mode (notification titles say so). */
  demo(): boolean;
  /** Words in the user's language, for the notifications. */
  translator(): Translator;
  /** True when the operation belongs to the API address and account in use (see scope.ts); default all. */
  inScope?: (op: Operation) => boolean;
  logger: Logger;
}

/** Tracked operations, running and recently finished. */
export class OperationTracker {
  private ops: Operation[];
  /** Bumped when an operation is added; each remembers the value (resumed ones count as 0). */
  private counter = 0;
  private readonly addedAt = new Map<string, number>();

  constructor(
    initial: readonly Operation[],
    private readonly deps: TrackerDeps,
  ) {
    this.ops = [...initial];
  }

  /** The list as stored (use orderForView for display). */
  get all(): readonly Operation[] {
    return this.ops;
  }

  /** The operations of the API address and account in use (the others wait for a switch back). */
  get current(): Operation[] {
    return this.ops.filter((op) => this.applies(op));
  }

  /** True when any operation of the current scope runs. */
  anyRunning(): boolean {
    return anyRunning(this.current);
  }

  /** Servers of the current scope with a snapshot being created. */
  creatingIds(): Id[] {
    return runningServerIds(this.current, 'create');
  }

  /** Servers of the current scope being restored. */
  restoringIds(): Id[] {
    return runningServerIds(this.current, 'restore');
  }

  private applies(op: Operation): boolean {
    return this.deps.inScope?.(op) ?? true;
  }

  /** A fresh local id. */
  newId(now: number): string {
    return newOperationId(now, this.ops);
  }

  /** Replaces the list (start, sign-out, demo); persists unless told it is what is stored already. */
  reset(operations: readonly Operation[], persist = true): void {
    this.ops = [...operations];
    this.addedAt.clear();
    if (persist) this.deps.persist(this.ops);
  }

  /** Adds a new operation: persisted, then published. */
  add(op: Operation): void {
    this.addedAt.set(op.id, ++this.counter);
    this.ops = trimOperations([...this.ops, op]);
    this.deps.persist(this.ops);
    this.deps.changed();
  }

  /**
   * Replaces an operation by its id with a changed copy (a safety flow's next step): persisted,
   * then published. An id no longer tracked is ignored.
   */
  replace(op: Operation): void {
    if (!this.ops.some((o) => o.id === op.id)) return;
    this.ops = this.ops.map((o) => (o.id === op.id ? op : o));
    this.deps.persist(this.ops);
    this.deps.changed();
  }

  /** A mark to take when a poll starts: operations added after it cannot be judged by that poll. */
  mark(): number {
    return this.counter;
  }

  /** True when the operation existed before `mark` (resumed ones always did). */
  addedBefore(op: Operation, mark: number): boolean {
    return (this.addedAt.get(op.id) ?? 0) <= mark;
  }

  /** Applies an observation; finished operations are persisted, published, then announced once each. */
  observe(obs: Observation, notificationsOn: boolean): Operation[] {
    const applied = applyObservation(this.ops, obs, (op) => this.applies(op));
    if (!applied.changed) return [];
    const ended = new Set(applied.finished.map((op) => op.id));
    this.ops = trimOperations(
      applied.operations.map((op) => (ended.has(op.id) ? { ...op, announced: false } : op)),
    );
    this.deps.persist(this.ops);
    this.deps.changed();
    this.announcePending(notificationsOn);
    return applied.finished;
  }

  /**
   * At start: announces the operations whose end was saved but not announced (the app stopped in
   * between). An empty list announces nothing.
   */
  announceSaved(notificationsOn: boolean): void {
    this.announcePending(notificationsOn);
  }

  /** Announces every operation marked `announced: false`, then removes the marks and persists. */
  private announcePending(notificationsOn: boolean): void {
    const pending = this.ops.filter((op) => op.announced === false);
    if (pending.length === 0) return;
    const demo = this.deps.demo();
    for (const marked of pending) {
      const { announced: _mark, ...op } = marked;
      this.deps.logger.info(`operation ${op.id} (${op.kind}) ${op.status}`);
      this.deps.ended?.(op);
      if (notificationsOn) this.deps.notify(operationFinishedNotification(op, this.deps.translator(), demo));
      this.deps.announce(op);
    }
    this.ops = this.ops.map(({ announced: _mark, ...op }) => op);
    this.deps.persist(this.ops);
  }

  /** Removes a finished operation; a running one is refused. Unknown ids are fine (already gone). */
  dismiss(id: string): AppError | null {
    const op = this.ops.find((o) => o.id === id);
    if (op === undefined) return null;
    if (op.status === 'running') {
      return appError('refused', 'core.dismissRunning');
    }
    this.ops = this.ops.filter((o) => o.id !== id);
    this.deps.persist(this.ops);
    this.deps.changed();
    return null;
  }
}
