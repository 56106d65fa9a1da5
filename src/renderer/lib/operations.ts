/** Words for tracked operations, shared by the operations panel and the live announcement. */
import type { Operation } from '../../shared/domain';
import { outcomeText as sharedOutcomeText } from '../../shared/i18n';
import { t, translator } from './i18n/index.svelte';

/** "Snapshot X of server Y" / "Restore of Y from X" in the current language. */
export function describeOperation(op: Operation): string {
  const params = { name: op.snapshotName, server: op.serverName };
  return op.kind === 'create' ? t('ops.create', params) : t('ops.restore', params);
}

/** How a finished operation ended, in the current language (the notification says the same). */
export function outcomeText(op: Operation): string {
  return sharedOutcomeText(op, translator());
}
