/**
 * The window's view of the app: the AppState the main process pushes, a ticking clock for elapsed
 * times, and the few bits of purely local UI state (which server is selected, which screen shows).
 * Main owns every piece of real state; this class subscribes once and forwards named actions.
 */
import type { Id, Operation } from '../../shared/domain';
import { sameId } from '../../shared/domain';
import type { HistoryEntry } from '../../shared/history';
import type {
  ExportAnswer,
  ExportFormat,
  InvokeArgs,
  InvokeName,
  InvokeOutput,
  VpsApi,
} from '../../shared/ipc';
import type { PolicyPreview, PolicyView, SnapshotPolicy } from '../../shared/policy';
import type { Result } from '../../shared/result';
import type { UserSettings } from '../../shared/settings';
import type { AppError, AppState, FocusServer, ServerEntry } from '../../shared/state';

/** Which screen the signed-in window shows. */
export type View = 'servers' | 'settings' | 'history';

/** What a confirmation is about: an operation that ended, or a snapshot deleted from this window. */
export type ToastContent =
  | { kind: 'operation'; operation: Operation }
  | { kind: 'deleted'; serverId: Id; serverName: string; snapshotName: string };

/** A short-lived confirmation; `until` is when it goes, unless the user holds it (hover, focus). */
export type Toast = ToastContent & { id: string; until: number; held: boolean };

/** How long a confirmation stays, in ms: a failure longer, as there is more to read and do. */
export const TOAST_MS = { success: 8_000, failure: 20_000 } as const;
/** After the pointer or focus leaves a held toast, it stays at least this long. */
const TOAST_LINGER_MS = 3_000;
/** At most this many toasts at once; the oldest go first. */
const TOAST_MAX = 3;

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
  #toasts = $state<Toast[]>([]);
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
  /** Confirmations to show now, newest first (operations that ended, deletes). */
  get toasts(): readonly Toast[] {
    return this.#toasts;
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
        const ms = operation.status === 'failed' ? TOAST_MS.failure : TOAST_MS.success;
        this.#addToast(`op:${operation.id}`, { kind: 'operation', operation }, ms);
      }),
      this.#api.on('focusServer', (request) => {
        this.showServer(request.serverId);
        this.#focusRequest = request;
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

  /** Reads the clock now and lets confirmations whose time is up go (the timer calls it; tests may too). */
  tick(): void {
    this.#now = this.#clock();
    if (this.#toasts.some((t) => this.#expired(t)))
      this.#toasts = this.#toasts.filter((t) => !this.#expired(t));
  }

  #expired(toast: Toast): boolean {
    return !toast.held && toast.until <= this.#now;
  }

  #addToast(id: string, content: ToastContent, ms: number): void {
    const next: Toast = { ...content, id, until: this.#clock() + ms, held: false };
    this.#toasts = [next, ...this.#toasts.filter((t) => t.id !== id)].slice(0, TOAST_MAX);
  }

  /** Confirms a snapshot deleted from this window. */
  confirmDeleted(server: { id: Id; name: string }, snapshotName: string): void {
    this.#addToast(
      `deleted:${String(server.id)}:${snapshotName}`,
      { kind: 'deleted', serverId: server.id, serverName: server.name, snapshotName },
      TOAST_MS.success,
    );
  }

  /** Keeps a toast while the pointer or focus is on it; once released it lingers a moment. */
  holdToast(id: string, held: boolean): void {
    const now = this.#clock();
    this.#toasts = this.#toasts.map((t) =>
      t.id !== id ? t : { ...t, held, until: held ? t.until : Math.max(t.until, now + TOAST_LINGER_MS) },
    );
  }

  /** Closes a toast. */
  dismissToast(id: string): void {
    this.#toasts = this.#toasts.filter((t) => t.id !== id);
  }

  /** Shows a server in the window: the servers screen, that server selected and its row focused. */
  showServer(id: Id): void {
    this.#view = 'servers';
    this.#selectedId = id;
    this.#focusRequest = { serverId: id };
    this.#focusSeq += 1;
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
  /** Pins or unpins a snapshot (a pinned one is never rotated; deleting it asks twice). */
  setPinned(serverId: Id, snapshotId: Id, pinned: boolean): Promise<Result<null>> {
    return this.#call('setPinned', { serverId, snapshotId, pinned });
  }
  /** Sets a server's snapshot policy (the core refuses an invalid one and changes nothing). */
  setPolicy(serverId: Id, policy: SnapshotPolicy): Promise<Result<null>> {
    return this.#call('setPolicy', { serverId, policy });
  }
  /** The policy editor's dry run: what rotation with `keep` would keep and delete today. */
  previewPolicy(serverId: Id, keep: number): Promise<Result<PolicyPreview>> {
    return this.#call('previewPolicy', { serverId, keep });
  }
  /** The server's policy view (next run, last result …), or null when it has none. */
  policyOf(serverId: Id): PolicyView | null {
    return this.#state?.policies.find((p) => sameId(p.serverId, serverId)) ?? null;
  }
  /** True when the app made this snapshot under a policy ("automatic"). */
  isAutomatic(snapshotId: Id): boolean {
    return this.#state?.automaticSnapshotIds.some((id) => sameId(id, snapshotId)) ?? false;
  }
  /** True when the snapshot is pinned in the account in use. */
  isPinned(snapshotId: Id): boolean {
    return this.#state?.pinnedSnapshotIds.some((id) => sameId(id, snapshotId)) ?? false;
  }
  /** Removes a finished operation from the list. */
  dismissOperation(operationId: string): Promise<Result<null>> {
    return this.#call('dismissOperation', { operationId });
  }
  /** Saves changed settings; resolves to the settings main kept. */
  updateSettings(patch: Partial<UserSettings>): Promise<Result<UserSettings>> {
    return this.#call('updateSettings', patch);
  }
  /** Where main writes its log file (null when it keeps none). */
  logFile(): Promise<Result<{ path: string | null }>> {
    return this.#call('getLogFile');
  }
  /** The history of the account in use, newest first. */
  history(): Promise<Result<HistoryEntry[]>> {
    return this.#call('getHistory');
  }
  /** Exports the history (one server's, or all): main saves it, or hands it back as a download. */
  exportHistory(format: ExportFormat, serverId: Id | null): Promise<Result<ExportAnswer>> {
    return this.#call('exportHistory', serverId === null ? { format } : { format, serverId });
  }
  /** Opens a link in the user's browser (main allows only known sites). */
  openExternal(url: string): Promise<Result<null>> {
    return this.#call('openExternal', { url });
  }
}
