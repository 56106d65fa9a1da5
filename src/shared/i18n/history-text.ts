/**
 * A history entry in words, the same for the window's history view and the CSV export: what it
 * was, where it came from, how it ended, and the sentence that says why.
 */
import type { HistoryEntry } from '../history';
import { ERROR_KIND_KEYS, outcomeText } from './texts';
import type { Translator } from './translator';

/** "Snapshot", or "Snapshot (before a restore)" for a step of a flow. */
export function historyWhat(entry: Pick<HistoryEntry, 'kind' | 'flow'>, tr: Translator): string {
  const kind = tr.t(`history.kind.${entry.kind}`);
  if (entry.flow === undefined) return kind;
  // The restore of a safety flow comes after its snapshot; the snapshot is the one "before a restore".
  const flow = entry.flow === 'safety-restore' && entry.kind === 'restore' ? 'after-safety' : entry.flow;
  return tr.t('history.what', { kind, flow: tr.t(`history.flow.${flow}`) });
}

/** Where it came from ("Tray"). */
export function historySource(entry: Pick<HistoryEntry, 'source'>, tr: Translator): string {
  return tr.t(`history.source.${entry.source}`);
}

/** How it ended, in one word ("Done"). */
export function historyResult(entry: Pick<HistoryEntry, 'result'>, tr: Translator): string {
  return tr.t(`history.result.${entry.result}`);
}

/** The sentence that says how it ended: the operation's outcome, the refusal's reason, or "deleted". */
export function historyDetails(entry: HistoryEntry, tr: Translator): string {
  if (entry.outcome)
    return outcomeText({ serverName: entry.serverName, outcome: entry.outcome, message: null }, tr);
  const error = entry.error;
  if (error)
    return error.code !== undefined ? tr.t(error.code, error.params) : tr.t(ERROR_KIND_KEYS[error.kind]);
  return entry.kind === 'delete' && entry.result === 'succeeded' ? tr.t('history.deleted') : '';
}
