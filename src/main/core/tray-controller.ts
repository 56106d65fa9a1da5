/**
 * The tray's behaviour, the same under Electron and in the browser preview: it builds the model
 * (buildTrayModel) with the recent refused actions, and runs the chosen item as the same core
 * action the window uses. The tray never fails silently: a started quick snapshot is confirmed by
 * a notification, and every refused or failed action gets a notification that says why and what
 * to do, plus a line among the menu's recent outcomes (a notification may never be seen on Linux).
 * Feedback to a click in the tray is always given, whatever the "notify when an operation ends"
 * setting: it answers the user's own action.
 */
import { sameId, type Id } from '../../shared/domain';
import type { InvokeHandlers } from '../../shared/ipc';
import { translatorFor } from '../../shared/i18n/translator';
import type { Result } from '../../shared/result';
import type { AppState, FocusServer } from '../../shared/state';
import { actionFailedNotification, snapshotStartedNotification } from './notifications';
import type { Logger, NotificationRequest } from './ports';
import { MAX_RECENT_ENTRIES, RECENT_VISIBLE_MS, buildTrayModel } from './tray-menu';
import type { CoreTrayAction, TrayAction, TrayModel, TrayNotice } from './tray-model';

/** What the tray reaches: the core's actions and state, the window, notifications, the clock. */
export interface TrayControllerDeps {
  actions: Pick<InvokeHandlers, 'quickSnapshot' | 'refresh' | 'startDemo' | 'signOut'>;
  /** The core's current state. */
  state: () => AppState;
  /** The time (ms), for ages and elapsed times. */
  now: () => number;
  /** Shows a model (the Electron tray, or the preview's). */
  render: (model: TrayModel) => void;
  /** Shows a notification. */
  notify: (n: NotificationRequest) => void;
  /** Shows the window; `focus` shows it on one server (a snapshot of it, or its create dialog). */
  window: { show(): void; focus(request: FocusServer): void };
  quit: () => void;
  logger: Logger;
}

/** The tray: its model, the refused actions it remembers, and what its items do. */
export class TrayController {
  private notices: TrayNotice[] = [];

  constructor(private readonly deps: TrayControllerDeps) {}

  /** The menu, icon and tooltip for the current state. */
  model(): TrayModel {
    const now = this.deps.now();
    this.notices = this.notices.filter((n) => now - n.at <= RECENT_VISIBLE_MS).slice(-MAX_RECENT_ENTRIES);
    return buildTrayModel(this.deps.state(), now, this.notices);
  }

  /** Renders the current model (on every state change and on a timer, for ages). */
  update(): void {
    this.deps.render(this.model());
  }

  /** Runs a chosen item; resolves once its feedback (if any) has been given. */
  async run(action: TrayAction): Promise<void> {
    switch (action.type) {
      case 'quickSnapshot': {
        const server = this.serverOf(action.serverId);
        const result = await this.deps.actions.quickSnapshot({ serverId: action.serverId });
        if (result.ok) this.deps.notify(snapshotStartedNotification(result.value, this.tr(), this.demo()));
        else this.failed('quickSnapshot', result, server);
        return;
      }
      case 'refresh':
        this.failed('refresh', await this.deps.actions.refresh(undefined), null);
        return;
      case 'startDemo':
        this.failed('startDemo', await this.deps.actions.startDemo(undefined), null);
        return;
      case 'leaveDemo':
        // Leaving the demo lands on the sign-in screen, where a token can be pasted.
        this.deps.window.show();
        this.failed('leaveDemo', await this.deps.actions.signOut(undefined), null);
        return;
      case 'showServer':
        this.deps.window.focus(
          action.snapshotId !== undefined
            ? { serverId: action.serverId, snapshotId: action.snapshotId }
            : { serverId: action.serverId },
        );
        return;
      case 'createSnapshot':
        this.deps.window.focus({ serverId: action.serverId, dialog: 'create' });
        return;
      case 'openWindow':
        this.deps.window.show();
        return;
      case 'quit':
        this.deps.quit();
        return;
    }
  }

  /** A refused or failed action (nothing for a success): a notification and a line in the menu. */
  private failed(action: CoreTrayAction, result: Result<unknown>, server: TrayNotice['server']): void {
    if (result.ok) return;
    this.deps.logger.warn(`tray: ${action} failed: ${result.error.kind}`);
    this.notices.push({ at: this.deps.now(), action, error: result.error, server });
    this.deps.notify(actionFailedNotification(action, result.error, this.tr(), server, this.demo()));
    this.update();
  }

  private serverOf(id: Id): TrayNotice['server'] {
    const entry = this.deps.state().servers.find((e) => sameId(e.server.id, id));
    return { id, name: entry?.server.name ?? String(id) };
  }

  private tr() {
    return translatorFor(this.deps.state().language);
  }

  private demo(): boolean {
    return this.deps.state().mode === 'demo';
  }
}
