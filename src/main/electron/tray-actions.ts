/**
 * Maps tray menu actions onto the same core actions the window uses, plus the window and quit.
 */
import type { Id } from '../../shared/domain';
import type { Result } from '../../shared/result';
import type { Logger } from '../core/ports';
import type { TrayAction } from '../core/tray-model';
import type { InvokeHandlers } from '../../shared/ipc';

/** What a tray action can reach. */
export interface TrayActionTargets {
  actions: Pick<InvokeHandlers, 'quickSnapshot' | 'refresh' | 'startDemo'>;
  showWindow: () => void;
  showServer: (serverId: Id) => void;
  quit: () => void;
  logger: Logger;
}

/** Returns the function the tray calls when a menu item is chosen. */
export function createTrayActionRunner(targets: TrayActionTargets): (action: TrayAction) => void {
  // The core reports failures itself (state, notifications); the log is for diagnosis only.
  const report = (name: string) => (result: Result<unknown>) => {
    if (!result.ok) targets.logger.warn(`tray: ${name} failed: ${result.error.kind}`);
  };
  return (action) => {
    switch (action.type) {
      case 'quickSnapshot':
        void targets.actions.quickSnapshot({ serverId: action.serverId }).then(report('quickSnapshot'));
        return;
      case 'refresh':
        void targets.actions.refresh(undefined).then(report('refresh'));
        return;
      case 'startDemo':
        void targets.actions.startDemo(undefined).then(report('startDemo'));
        return;
      case 'showServer':
        targets.showServer(action.serverId);
        return;
      case 'openWindow':
        targets.showWindow();
        return;
      case 'quit':
        targets.quit();
        return;
    }
  };
}
