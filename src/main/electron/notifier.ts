/**
 * Desktop notifications through Electron. Each one is kept referenced until it closes: a
 * notification that is garbage-collected loses its click handler (seen in Kap and others).
 */
import { Notification } from 'electron';
import type { Id } from '../../shared/domain';
import type { NotificationRequest, Notifier } from '../core/ports';

/** Linux may never report `close`; past this many, the oldest references are let go. */
const MAX_LIVE = 50;

/** Shows notifications; a click shows the window on the notification's server. */
export class ElectronNotifier implements Notifier {
  private readonly live = new Set<Notification>();

  constructor(private readonly onClick: (serverId: Id | undefined) => void) {}

  /** How many notifications are still referenced (for tests). */
  get liveCount(): number {
    return this.live.size;
  }

  show(request: NotificationRequest): void {
    if (!Notification.isSupported()) return;
    const note = new Notification({ title: request.title, body: request.body });
    const release = () => this.live.delete(note);
    note.on('click', () => {
      this.onClick(request.serverId);
      release();
    });
    note.on('close', release);
    note.on('failed', release);
    this.live.add(note);
    if (this.live.size > MAX_LIVE) {
      const oldest = this.live.values().next().value;
      if (oldest) this.live.delete(oldest);
    }
    note.show();
  }
}
