/** Words about one snapshot, shared by the snapshot list and the dialogs. */
import type { Snapshot } from '../../shared/domain';
import { formatSize, t } from './i18n/index.svelte';

/** The size, or why there is none: still being made, failed (so none will come), or not reported. */
export function snapshotSizeText(s: Pick<Snapshot, 'sizeMb' | 'status'>): string {
  if (s.sizeMb !== null) return formatSize(s.sizeMb);
  if (s.status === 'in_progress') return t('snapshots.sizeUnknown');
  return s.status === 'failed' ? t('snapshots.sizeNone') : t('snapshots.sizeNotReported');
}
