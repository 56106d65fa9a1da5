/**
 * Desktop notifications through Electron. Each one is kept referenced until it closes: a
 * notification that is garbage-collected loses its click handler (seen in Kap and others). Their
 * text may quote names from the API or the settings file, so it is cleaned and capped here, and on
 * Linux, whose notification servers may render `body-markup`, markup characters are escaped.
 */
import { Notification } from 'electron';
import { cleanText, escapeMarkup } from '../../shared/display-text';
import type { Id } from '../../shared/domain';
import type { NotificationRequest, Notifier } from '../core/ports';

/** Linux may never report `close`; past this many, the oldest references are let go. */
const MAX_LIVE = 50;
/** Longest title and body shown (notification servers cut far earlier; this bounds what is sent). */
const MAX_TITLE_CHARS = 120;
const MAX_BODY_CHARS = 600;

/** The notification's text as the platform gets it. */
export function notificationText(
  request: Pick<NotificationRequest, 'title' | 'body'>,
  platform: NodeJS.Platform,
): { title: string; body: string } {
  const title = cleanText(request.title, MAX_TITLE_CHARS);
  const body = cleanText(request.body, MAX_BODY_CHARS);
  // The freedesktop spec lets servers read the body as markup, and some (dunst) put the title into
  // the same markup: escape both there. Other platforms show text as it is.
  if (platform !== 'linux') return { title, body };
  return { title: escapeMarkup(title), body: escapeMarkup(body) };
}

/** Shows notifications; a click shows the window on the notification's server. */
export class ElectronNotifier implements Notifier {
  private readonly live = new Set<Notification>();

  constructor(
    private readonly onClick: (serverId: Id | undefined) => void,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** How many notifications are still referenced (for tests). */
  get liveCount(): number {
    return this.live.size;
  }

  show(request: NotificationRequest): void {
    if (!Notification.isSupported()) return;
    const note = new Notification(notificationText(request, this.platform));
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
