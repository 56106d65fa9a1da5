/**
 * The window's view of the app: the AppState the main process pushes, a ticking clock for elapsed
 * times, and the few bits of purely local UI state (which server is selected, which screen shows).
 * Main owns every piece of real state; this class subscribes once and forwards named actions.
 */
import type { Id, Operation } from '../../shared/domain';
import { sameId } from '../../shared/domain';
import type { InvokeArgs, InvokeName, InvokeOutput, VpsApi } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import type { UserSettings } from '../../shared/settings';
import type { AppError, AppState, FocusServer, ServerEntry } from '../../shared/state';

/** Which screen the signed-in window shows. */
export type View = 'servers' | 'settings';

/** Options for tests: a clock to read and whether to tick every second. */
export interface AppStoreOptions {
  clock?: () => number;
  /** Tick interval for `now` in milliseconds; 0 disables ticking (tests call `tick()`). */
  tickMs?: number;
}

/** The renderer's store: construct once with `window.vps`, call `start()`, read getters in templates. */
export class AppStore {
  #api: VpsApi;
  #clock: () => number;
  #tickMs: number;
  // Raw: main replaces the whole state on every change, so deep proxies would only cost time (bench: 1,000 servers).
  #state = $state.raw<AppState | null>(null);
  #loadError = $state<AppError | null>(null);
  #now = $state(0);
  #view = $state<View>('servers');
  #selectedId = $state<Id | null>(null);
  #finished = $state<Operation[]>([]);
  #focusSeq = $state(0);
  #focusRequest = $state.raw<FocusServer | null>(null);
  #unsubscribe: Array<() => void> = [];
  #timer: ReturnType<typeof setInterval> | null = null;
  #gotEvent = false;

  constructor(api: VpsApi, options: AppStoreOptions = {}) {
    this.#api = api;
    this.#clock = options.clock ?? Date.now;
    this.#tickMs = options.tickMs ?? 1000;
    this.#now = this.#clock();
  }

  /** The latest state from main, or null before the first one arrives. */
  get state(): AppState | null {
    return this.#state;
  }
  /** Why the first getState failed, if it did. */
  get loadError(): AppError | null {
    return this.#loadError;
  }
  /** The current time in ms, updated every second so elapsed times move. */
  get now(): number {
    return this.#now;
  }
  /** The screen shown when signed in. */
  get view(): View {
    return this.#view;
  }
  /** The selected server's id, or null. */
  get selectedId(): Id | null {
    return this.#selectedId;
  }
  /** The selected server with its snapshots, if it still exists. */
  get selected(): ServerEntry | null {
    const id = this.#selectedId;
    if (id === null || !this.#state) return null;
    return this.#state.servers.find((e) => sameId(e.server.id, id)) ?? null;
  }
  /** Operations that finished while the window was open, newest first (for a live announcement). */
  get recentlyFinished(): readonly Operation[] {
    return this.#finished;
  }
  /** Increases each time main asks to focus a server, so views can move focus. */
  get focusSeq(): number {
    return this.#focusSeq;
  }
  /**
   * Main's last request to show a server (changes with `focusSeq`): a snapshot of it to bring into
   * view, or its create dialog to open (the tray's snapshot lines and "Snapshot with a name…").
   */
  get focusRequest(): FocusServer | null {
    return this.#focusRequest;
  }
  /** The API the store talks to (dialogs receive it as a prop). */
  get api(): VpsApi {
    return this.#api;
  }

  /** Subscribes to main's events, then loads the state once. */
  async start(): Promise<void> {
    // Subscribe before asking, so a change between the two is not lost.
    this.#unsubscribe.push(
      this.#api.on('state', (s) => {
        this.#gotEvent = true;
        this.#accept(s);
      }),
      this.#api.on('operationFinished', ({ operation }) => {
        this.#finished = [operation, ...this.#finished.filter((o) => o.id !== operation.id)].slice(0, 5);
      }),
      this.#api.on('focusServer', (request) => {
        this.#view = 'servers';
        this.#selectedId = request.serverId;
        this.#focusRequest = request;
        this.#focusSeq += 1;
      }),
    );
    if (this.#tickMs > 0) this.#timer = setInterval(() => this.tick(), this.#tickMs);
    await this.reload();
  }

  /** Asks main for the whole state again (after a failed first load). */
  async reload(): Promise<void> {
    const result = await this.#call('getState');
    if (result.ok) {
      // A pushed state that arrived meanwhile is newer than this reply.
      if (!this.#gotEvent) this.#accept(result.value);
      this.#loadError = null;
    } else {
      this.#loadError = result.error;
    }
  }

  /** Unsubscribes and stops the clock. */
  stop(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Reads the clock now (the timer calls it; tests may too). */
  tick(): void {
    this.#now = this.#clock();
  }

  #accept(next: AppState): void {
    this.#state = next;
    // Keep a selection only while the server exists; otherwise pick the first one.
    const keep =
      this.#selectedId !== null && next.servers.some((e) => sameId(e.server.id, this.#selectedId as Id));
    if (!keep) this.#selectedId = next.servers[0]?.server.id ?? null;
    if (next.mode === 'signed-out') this.#view = 'servers';
  }

  /** Selects a server (shows its snapshots). */
  select(id: Id | null): void {
    this.#selectedId = id;
  }

  /** Switches between the servers screen and settings. */
  show(view: View): void {
    this.#view = view;
  }

  /** Forgets a finished-operation announcement. */
  forgetFinished(id: string): void {
    this.#finished = this.#finished.filter((o) => o.id !== id);
  }

  // Every action goes through here so a rejected promise (preview connection lost) still ends
  // as a plain Result instead of an unhandled rejection in a click handler.
  async #call<K extends InvokeName>(name: K, ...args: InvokeArgs<K>): Promise<Result<InvokeOutput<K>>> {
    try {
      const fn = this.#api[name] as (...a: InvokeArgs<K>) => Promise<Result<InvokeOutput<K>>>;
      return await fn(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { kind: 'internal', message } };
    }
  }

  /** Checks a token with the API and keeps it (keychain, or memory when sessionOnly). */
  setToken(token: string, sessionOnly: boolean): Promise<Result<{ email: string }>> {
    return this.#call('setToken', { token, sessionOnly });
  }
  /** Forgets the token (or leaves the demo). */
  signOut(): Promise<Result<null>> {
    return this.#call('signOut');
  }
  /** Switches to the built-in demo. */
  startDemo(): Promise<Result<null>> {
    return this.#call('startDemo');
  }
  /** Refreshes servers and snapshots now. */
  refresh(): Promise<Result<null>> {
    return this.#call('refresh');
  }
  /** Takes a snapshot named by the template (as the tray does). */
  quickSnapshot(serverId: Id): Promise<Result<Operation>> {
    return this.#call('quickSnapshot', { serverId });
  }
  /** Deletes a snapshot. */
  deleteSnapshot(serverId: Id, snapshotId: Id): Promise<Result<null>> {
    return this.#call('deleteSnapshot', { serverId, snapshotId });
  }
  /** Removes a finished operation from the list. */
  dismissOperation(operationId: string): Promise<Result<null>> {
    return this.#call('dismissOperation', { operationId });
  }
  /** Saves changed settings; resolves to the settings main kept. */
  updateSettings(patch: Partial<UserSettings>): Promise<Result<UserSettings>> {
    return this.#call('updateSettings', patch);
  }
  /** Opens a link in the user's browser (main allows only known sites). */
  openExternal(url: string): Promise<Result<null>> {
    return this.#call('openExternal', { url });
  }
}
