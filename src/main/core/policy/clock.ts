/**
 * The clocks of the schedules: the computer's time zone, and in demo mode a clock that runs as
 * many times faster as the simulator, so a user can watch a daily policy run and rotate in minutes.
 */
import { isValidTimeZone } from './local-time';

/** The computer's IANA time zone, or UTC when it cannot be read or is unknown. */
export function systemTimeZone(read: () => string | undefined = readZone): string {
  let zone: string | undefined;
  try {
    zone = read();
  } catch {
    zone = undefined;
  }
  return zone !== undefined && zone !== '' && isValidTimeZone(zone) ? zone : 'UTC';
}

function readZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Real time scaled by a factor from the moment the factor was set: `now(real, 20)` advances 20 ms
 * per real ms. With factor 1 it is the real time. Changing the factor re-anchors, so the clock
 * never jumps back.
 */
export class ScaledClock {
  private anchor: { real: number; scaled: number; factor: number } | null = null;

  /** The scaled time at real time `real` with `factor`. */
  now(real: number, factor: number): number {
    if (factor === 1) {
      this.anchor = null;
      return real;
    }
    if (this.anchor === null || this.anchor.factor !== factor) {
      const scaled = this.anchor === null ? real : this.at(real);
      this.anchor = { real, scaled, factor };
    }
    return this.at(real);
  }

  private at(real: number): number {
    const a = this.anchor;
    return a === null ? real : a.scaled + (real - a.real) * a.factor;
  }

  /** The real delay until scaled time `target` (0 when it has passed). */
  realDelay(real: number, factor: number, target: number): number {
    return Math.max(0, Math.ceil((target - this.now(real, factor)) / factor));
  }
}
