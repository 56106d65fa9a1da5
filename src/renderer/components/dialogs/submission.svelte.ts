/**
 * The one request a snapshot dialog sends: whether it is in flight, and the failure to show when it
 * did not work. Shared so every dialog handles a refusal, or a call that rejects, the same way.
 */
import type { Result } from '../../../shared/result';
import type { AppError } from '../../../shared/state';

/** A dialog's request state; `busy` turns on synchronously, so a second Enter or click sees it. */
export class Submission {
  busy = $state(false);
  failure = $state<AppError | null>(null);

  /** Sends the request; calls `done` when it worked, otherwise keeps its error for the dialog. */
  async run(request: () => Promise<Result<unknown>>, done: () => void): Promise<void> {
    this.busy = true;
    this.failure = null;
    try {
      const result = await request();
      if (result.ok) {
        // Stays busy: the dialog is closing, and its button must not come back to life meanwhile.
        done();
        return;
      }
      this.failure = result.error;
    } catch (error) {
      // The contract says calls never reject; if one does anyway, the user still hears about it.
      this.failure = { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
    this.busy = false;
  }
}
