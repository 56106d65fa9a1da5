/**
 * A fake `window.vps` for component tests: records every call, answers from settable handlers,
 * and pushes events on demand. Plus small builders for servers, snapshots and whole states.
 */
import { resolveLocale } from '../../src/shared/i18n/translator';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { Id, Operation, Server, Snapshot } from '../../src/shared/domain';
import type { EventMap, EventName, InvokeArgs, InvokeName, InvokeOutput, VpsApi } from '../../src/shared/ipc';
import type { Result } from '../../src/shared/result';
import type { AppState, ServerEntry } from '../../src/shared/state';
import { DOC_801, DOC_SERVER } from '../support/doc-records';

/** One recorded invoke call. */
export interface RecordedCall {
  name: InvokeName;
  payload: unknown;
}

/** Answers one call; may be async to hold a request in flight. */
export type Handler<K extends InvokeName> = (
  ...args: InvokeArgs<K>
) => Result<InvokeOutput<K>> | Promise<Result<InvokeOutput<K>>>;

/** The fake plus its controls. */
export interface FakeVps {
  /** The object to pass as `api` or install as `window.vps`. */
  api: VpsApi;
  /** Every call in order. */
  calls: RecordedCall[];
  /** Payloads of the calls to one name. */
  callsOf(name: InvokeName): unknown[];
  /** The state getState answers with. */
  readonly state: AppState;
  /** Replaces the state and pushes it as a 'state' event. */
  setState(next: AppState | ((s: AppState) => AppState)): void;
  /** Overrides how a call is answered. */
  respond<K extends InvokeName>(name: K, handler: Handler<K>): void;
  /** Pushes an event to every listener. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** How many listeners are subscribed to an event. */
  listenerCount(event: EventName): number;
}

/** A server with sensible defaults (the documentation's example server). */
export function makeServer(overrides: Partial<Server> = {}): Server {
  return { ...structuredClone(DOC_SERVER), ...overrides };
}

/** A completed snapshot with defaults (the documentation's snapshot 801). */
export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return { ...DOC_801, ...overrides };
}

/** A server entry: the server and its snapshots. */
export function makeEntry(server: Partial<Server> = {}, snapshots: Snapshot[] = []): ServerEntry {
  return { server: makeServer(server), snapshots };
}

/** A running operation with defaults. */
export function makeOperation(overrides: Partial<Operation> = {}): Operation {
  return {
    id: 'op-1',
    kind: 'create',
    serverId: 12345,
    serverName: 'web-server-01',
    snapshotId: 802,
    snapshotName: 'before-update-snapshot',
    startedAt: '2025-01-20T10:00:00Z',
    status: 'running',
    finishedAt: null,
    message: null,
    ...overrides,
  };
}

/** A whole AppState; signed out by default. */
export function makeState(overrides: Partial<AppState> = {}): AppState {
  return {
    starting: false,
    mode: 'signed-out',
    account: { email: null, tokenSet: false, tokenStorage: null, tokenInvalid: false },
    keychain: { available: true, reason: null },
    servers: [],
    operations: [],
    sync: { refreshing: false, lastRefreshAt: null, lastError: null, offline: false },
    settings: { ...DEFAULT_SETTINGS },
    demoUrl: null,
    settingsProblem: null,
    language: { locale: 'en', tag: 'en' },
    saveProblem: null,
    pinnedSnapshotIds: [],
    policies: [],
    automaticSnapshotIds: [],
    historyRevision: 0,
    ...overrides,
  };
}

/** A signed-in state with the given servers. */
export function signedInState(servers: ServerEntry[], overrides: Partial<AppState> = {}): AppState {
  return makeState({
    mode: 'account',
    account: { email: 'ada@example.com', tokenSet: true, tokenStorage: 'keychain', tokenInvalid: false },
    servers,
    sync: { refreshing: false, lastRefreshAt: '2025-01-20T10:00:00Z', lastError: null, offline: false },
    ...overrides,
  });
}

/** Builds a fake API around an initial state. Every call succeeds unless told otherwise. */
export function createFakeVps(initial: AppState = makeState()): FakeVps {
  // Like the core: the language every surface shows follows the setting ("system" is English here).
  const spoken = (s: AppState): AppState => ({
    ...s,
    language: resolveLocale(s.settings.language, ['en-US']),
  });
  let state = spoken(initial);
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const handlers = new Map<InvokeName, (...args: unknown[]) => unknown>();

  const defaults: { [K in InvokeName]: Handler<K> } = {
    getState: () => ({ ok: true, value: state }),
    setToken: () => ({ ok: true, value: { email: 'ada@example.com' } }),
    signOut: () => ({ ok: true, value: null }),
    startDemo: () => ({ ok: true, value: null }),
    refresh: () => ({ ok: true, value: null }),
    createSnapshot: (p) => ({
      ok: true,
      value: makeOperation({ serverId: p.serverId, snapshotName: p.name }),
    }),
    quickSnapshot: (p) => ({ ok: true, value: makeOperation({ serverId: p.serverId }) }),
    restoreSnapshot: (p) => ({
      ok: true,
      value: makeOperation({ kind: 'restore', serverId: p.serverId, snapshotId: p.snapshotId }),
    }),
    deleteSnapshot: () => ({ ok: true, value: null }),
    // Like the core: keep the pin and push the new state.
    setPinned: (p) => {
      const others = state.pinnedSnapshotIds.filter((id) => String(id) !== String(p.snapshotId));
      control.setState({ ...state, pinnedSnapshotIds: p.pinned ? [...others, p.snapshotId] : others });
      return { ok: true, value: null };
    },
    setPolicy: () => ({ ok: true, value: null }),
    previewPolicy: () => ({ ok: true, value: { keep: [], remove: [] } }),
    dismissOperation: () => ({ ok: true, value: null }),
    // Like the core: keep the settings and push the new state.
    updateSettings: (p) => {
      const settings = { ...state.settings, ...p };
      control.setState({ ...state, settings });
      return { ok: true, value: settings };
    },
    openExternal: () => ({ ok: true, value: null }),
    showServer: () => ({ ok: true, value: null }),
    getLogFile: () => ({ ok: true, value: { path: '/home/ada/.config/VPS Snapshot Tray/logs/main.log' } }),
    getHistory: () => ({ ok: true, value: [] }),
    exportHistory: (p) => ({
      ok: true,
      value: { kind: 'download', fileName: `history.${p.format}`, mimeType: 'text/plain', content: '' },
    }),
  };

  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    for (const l of listeners.get(event) ?? []) (l as (p: EventMap[E]) => void)(payload);
  };

  const api: Record<string, unknown> = {};
  for (const name of Object.keys(defaults) as InvokeName[]) {
    api[name] = async (...args: unknown[]) => {
      calls.push({ name, payload: args[0] });
      const handler = handlers.get(name) ?? (defaults[name] as (...a: unknown[]) => unknown);
      // Copy like structured clone across IPC: the component must not share objects with "main".
      return structuredClone(await handler(...args));
    };
  }
  api['on'] = (event: EventName, listener: (payload: never) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };

  const control: FakeVps = {
    api: api as unknown as VpsApi,
    calls,
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.payload),
    get state() {
      return state;
    },
    setState(next) {
      state = spoken(typeof next === 'function' ? next(state) : next);
      emit('state', structuredClone(state));
    },
    respond(name, handler) {
      handlers.set(name, handler as (...args: unknown[]) => unknown);
    },
    emit,
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
  return control;
}

/** Installs the fake as `window.vps` (the property is readonly in the typings, not at run time). */
export function installFakeVps(fake: FakeVps): void {
  Object.defineProperty(window, 'vps', { value: fake.api, configurable: true, writable: true });
}

/** A helper for ids in tests. */
export function idOf(entry: ServerEntry): Id {
  return entry.server.id;
}
