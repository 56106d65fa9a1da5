/** The machine's sleep and wake, from Electron's powerMonitor (use after the app is ready). */
import { powerMonitor } from 'electron';

/** Calls `onWake` each time the machine resumes from sleep; returns a function that stops listening. */
export function onWake(onWake: () => void): () => void {
  const listener = (): void => onWake();
  powerMonitor.on('resume', listener);
  return () => {
    powerMonitor.removeListener('resume', listener);
  };
}
