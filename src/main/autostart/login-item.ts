/**
 * Start at login as one small interface, and the rule that keeps it in step with the setting
 * without ever overwriting what the OS has: at start the setting takes the OS's state (the user may
 * have removed the entry in the OS's own settings); after that, only a change of the setting is
 * written to the OS.
 */
import type { Logger } from '../core/ports';

/** The OS's start-at-login entry for this app. */
export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/** Applies changes of the launch-at-login setting to a LoginItem. */
export class LoginItemSync {
  /** What the OS has, as far as we know; null until `align`. */
  private applied: boolean | null = null;

  constructor(
    private readonly item: LoginItem,
    private readonly logger: Logger,
  ) {}

  /** Reads the OS's state once; returns it when the stored setting differs (store it), else null. */
  align(stored: boolean): boolean | null {
    let actual = stored;
    try {
      actual = this.item.isEnabled();
    } catch (error) {
      this.logger.warn(`login item: could not read it: ${error instanceof Error ? error.message : error}`);
    }
    this.applied = actual;
    return actual === stored ? null : actual;
  }

  /** The setting as the state has it now: written to the OS only when it changed after `align`. */
  apply(setting: boolean): void {
    if (this.applied === null || setting === this.applied) return;
    this.applied = setting;
    try {
      this.item.setEnabled(setting);
      this.logger.info(`login item: start at login turned ${setting ? 'on' : 'off'}`);
    } catch (error) {
      this.logger.warn(`login item: could not change it: ${error instanceof Error ? error.message : error}`);
    }
  }
}
