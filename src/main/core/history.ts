/**
 * The local history the core keeps: `record(entry)` is the one way in. Entries are persisted with
 * the settings (every change), capped at HISTORY_KEEP with the oldest dropped, and recorded at most
 * once per id, so an operation's end, recorded again after a crash between its save and its
 * announcement, stays one entry. Entries of another API address or account are kept but not shown
 * (the same scope rule as operations).
 */
import type { Operation } from '../../shared/domain';
import type { HistoryEntry, HistorySource } from '../../shared/history';
import { HISTORY_KEEP, resultOfError, type HistoryFlow, type HistoryKind } from '../../shared/history';

export { HISTORY_KEEP };
import { TEXT_LIMITS } from '../../shared/display-text';
import type { MessageParams } from '../../shared/i18n/message-format';
import type { AppError } from '../../shared/state';
import { redactSecrets } from '../redact';
import type { RunReport } from './policy/runner';

/** What the history reaches outside. */
export interface HistoryDeps {
  /** Writes the whole list to the settings file. */
  persist(entries: HistoryEntry[]): void;
  /** The list changed: publish (the state carries a revision, the window reloads). */
  changed(): void;
  /** True when the entry belongs to the API address and account in use. */
  inScope(entry: HistoryEntry): boolean;
}

/** The history: entries oldest first, as stored. */
export class History {
  private entries: HistoryEntry[];
  private ids: Set<string>;
  /** Bumped on every change, so views know to read it again. */
  revision = 0;

  constructor(
    initial: readonly HistoryEntry[],
    private readonly deps: HistoryDeps,
  ) {
    this.entries = [...initial];
    this.ids = new Set(this.entries.map((e) => e.id));
  }

  /** Replaces the list with what is stored (start). */
  reset(entries: readonly HistoryEntry[]): void {
    this.entries = [...entries];
    this.ids = new Set(this.entries.map((e) => e.id));
    this.revision++;
  }

  /** Adds an entry (persisted, then published); an id already recorded is ignored. */
  record(entry: HistoryEntry): void {
    if (this.ids.has(entry.id)) return;
    this.entries.push(entry);
    this.ids.add(entry.id);
    if (this.entries.length > HISTORY_KEEP) {
      for (const dropped of this.entries.splice(0, this.entries.length - HISTORY_KEEP))
        this.ids.delete(dropped.id);
    }
    this.revision++;
    this.deps.persist([...this.entries]);
    this.deps.changed();
  }

  /** True when an entry with this id was recorded (and not dropped since). */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The entries of the API address and account in use, newest first. */
  current(): HistoryEntry[] {
    return this.entries.filter((e) => this.deps.inScope(e)).reverse();
  }

  /** Every entry, oldest first (for tests). */
  get all(): readonly HistoryEntry[] {
    return this.entries;
  }
}

/** The entry for a tracked operation that has ended (its id is the operation's). */
export function operationEntry(op: Operation): HistoryEntry {
  return {
    id: op.id,
    at: op.finishedAt ?? op.startedAt,
    startedAt: op.startedAt,
    ...(op.scope !== undefined ? { scope: op.scope } : {}),
    kind: op.kind,
    // Saved before sources were recorded: the window was the only place that named snapshots.
    source: op.source ?? 'window',
    serverId: op.serverId,
    serverName: op.serverName,
    snapshotId: op.snapshotId,
    snapshotName: op.snapshotName,
    result: op.status === 'succeeded' ? 'succeeded' : 'failed',
    outcome: op.outcome ?? null,
    ...(op.flow !== undefined ? { flow: op.flow } : {}),
  };
}

/** What an action was about, for its entry when it ends without a tracked operation. */
export interface ActionSubject {
  kind: HistoryKind;
  source: HistorySource;
  serverId: Operation['serverId'];
  serverName: string;
  snapshotId: Operation['snapshotId'];
  snapshotName: string;
  flow?: HistoryFlow;
}

/**
 * A text an action was given (a typed name, a refusal's parameter) as the history keeps it: anything
 * token-shaped redacted (a user may paste the token into the wrong field) and cut to a name's length.
 */
function kept(text: string): string {
  return redactSecrets(text).slice(0, TEXT_LIMITS.name);
}

function keptParams(params: MessageParams): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? kept(value) : value]),
  );
}

/** An entry for an action that ended at once: a delete, or a refusal (`error`). */
export function actionEntry(
  id: string,
  at: string,
  scope: string | undefined,
  subject: ActionSubject,
  error: AppError | null,
): HistoryEntry {
  return {
    id,
    at,
    startedAt: null,
    ...(scope !== undefined ? { scope } : {}),
    ...subject,
    serverName: kept(subject.serverName),
    snapshotName: kept(subject.snapshotName),
    result: error === null ? 'succeeded' : resultOfError(error.kind),
    error:
      error === null
        ? null
        : {
            kind: error.kind,
            ...(error.code !== undefined ? { code: error.code } : {}),
            ...(error.params !== undefined ? { params: keptParams(error.params) } : {}),
          },
  };
}

/** How a scheduled run's outcome reads in the history (a skipped run was refused by the rules). */
const RUN_RESULTS = { succeeded: 'succeeded', failed: 'failed', skipped: 'refused' } as const;

/**
 * The entries for a scheduled run that ended (ids `id`, `id-d1`, ...): its create (made, failed or
 * skipped, with the run's reason), then each snapshot its rotation deleted.
 */
export function scheduledRunEntries(report: RunReport, id: string, at: string): HistoryEntry[] {
  const { result } = report;
  const common = {
    at,
    startedAt: null,
    scope: report.scope,
    source: 'schedule' as const,
    serverId: report.serverId,
    serverName: kept(report.serverName),
    snapshotId: null,
  };
  const create: HistoryEntry = {
    ...common,
    id,
    kind: 'create',
    snapshotName: kept(result.snapshotName ?? ''),
    result: RUN_RESULTS[result.outcome],
    error:
      result.code === 'created'
        ? null
        : {
            kind: result.outcome === 'skipped' ? 'refused' : 'server',
            code: `policy.result.${result.code}`,
            params: { server: kept(report.serverName), snapshot: kept(result.snapshotName ?? '') },
          },
  };
  const deletes = result.removed.map((name, n): HistoryEntry => ({
    ...common,
    id: `${id}-d${n + 1}`,
    kind: 'delete',
    snapshotName: kept(name),
    result: 'succeeded',
    error: null,
  }));
  return [create, ...deletes];
}
