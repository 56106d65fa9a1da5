/** Signals to a child process the way a busy machine delivers them. */
import type { ChildProcess } from 'node:child_process';

/**
 * Sends a signal while the process cannot run (stopped for 200 ms, as on a loaded machine): it must
 * still reach the process's own handler, however late, and never a relay with a deadline (tsx's CLI
 * gives its child 30 ms, then kills it and exits 128 + the signal).
 */
export async function signalWhileBusy(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  child.kill('SIGSTOP');
  child.kill(signal);
  await new Promise((done) => setTimeout(done, 200));
  child.kill('SIGCONT');
}
