/** Translated labels and colour tones for server and snapshot statuses; unknown ones show as sent. */
import { t, type MessageKey } from './i18n/index.svelte';

const LABELS: Record<string, MessageKey> = {
  active: 'status.active',
  stopped: 'status.stopped',
  suspended: 'status.suspended',
  restoring: 'status.restoring',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
  failed: 'status.failed',
};

/** How a badge is coloured. */
export type Tone = 'ok' | 'busy' | 'muted' | 'bad' | 'unknown';

const TONES: Record<string, Tone> = {
  active: 'ok',
  completed: 'ok',
  restoring: 'busy',
  in_progress: 'busy',
  stopped: 'muted',
  suspended: 'bad',
  failed: 'bad',
};

/** The label for a status: translated when known, the API's own word otherwise. */
export function statusLabel(status: string): string {
  const key = Object.hasOwn(LABELS, status) ? LABELS[status] : undefined;
  return key ? t(key) : status;
}

/** The badge tone for a status. */
export function statusTone(status: string): Tone {
  return (Object.hasOwn(TONES, status) ? TONES[status] : undefined) ?? 'unknown';
}
