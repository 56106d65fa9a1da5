/** Words for tracked operations, shared by the operations panel and the live announcement. */
import type { Operation } from '../../shared/domain';
import { t } from './i18n/index.svelte';

/** "Snapshot X of server Y" / "Restore of Y from X" in the current language. */
export function describeOperation(op: Operation): string {
  const params = { name: op.snapshotName, server: op.serverName };
  return op.kind === 'create' ? t('ops.create', params) : t('ops.restore', params);
}
