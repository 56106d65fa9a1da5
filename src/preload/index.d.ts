/** The API the preload exposes to the renderer as `window.vps`. */
import type { VpsApi } from '../shared/ipc';

declare global {
  interface Window {
    /** Named calls into the main process and event subscriptions; see src/shared/ipc.ts. */
    readonly vps: VpsApi;
  }
}

export {};
