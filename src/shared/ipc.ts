/**
 * The one IPC contract between the main process and the renderer: every invoke call with the
 * schema its payload must satisfy and the type it resolves to, and every event main pushes.
 * The main side registers handlers from this map, the preload builds `window.vps` from it, and
 * the browser preview serves the same calls; a channel cannot drift between them.
 */
import * as v from 'valibot';
import type { Operation } from './domain';
import type { HistoryEntry } from './history';
import { KeepSchema, PolicySchema, type PolicyPreview } from './policy';
import { SNAPSHOT_DESCRIPTION_MAX, SNAPSHOT_NAME_MAX } from './snapshot-name';
import { LANGUAGES, POLL_BOUNDS, type UserSettings } from './settings';
import type { Result } from './result';
import type { AppError, AppState, FocusServer, OperationFinished } from './state';

/** An API id as the renderer may send it: a non-negative safe integer or a short token. */
export const IdSchema = v.union([
  v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
]);

/** The app's own id of a tracked operation (see the core's operation ids). */
export const OperationIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

const NoPayload = v.undefined();
const ServerRef = v.strictObject({ serverId: IdSchema });

/** The longest token we accept from a paste (real ones are far shorter). */
export const TOKEN_MAX = 512;

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number) {
  return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}

/**
 * Each user setting's own schema: the settings file checks each on its own (one bad field costs
 * only that field), and a settings change from the window is checked with the same rules.
 */
export const SETTING_SCHEMAS: { [K in keyof UserSettings]: v.GenericSchema<unknown, UserSettings[K]> } = {
  apiBaseUrl: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
  pollIntervalSeconds: wholeNumber(POLL_BOUNDS.activeSeconds.min, POLL_BOUNDS.activeSeconds.max),
  idleRefreshMinutes: wholeNumber(POLL_BOUNDS.idleMinutes.min, POLL_BOUNDS.idleMinutes.max),
  notifications: v.boolean(),
  launchAtLogin: v.boolean(),
  nameTemplate: v.pipe(v.string(), v.maxLength(200)),
  language: v.picklist(LANGUAGES),
};

const SettingsPatch = v.strictObject({
  // An empty address may be sent: the core's URL rule then says what is wrong with it.
  apiBaseUrl: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  pollIntervalSeconds: v.optional(SETTING_SCHEMAS.pollIntervalSeconds),
  idleRefreshMinutes: v.optional(SETTING_SCHEMAS.idleRefreshMinutes),
  notifications: v.optional(SETTING_SCHEMAS.notifications),
  launchAtLogin: v.optional(SETTING_SCHEMAS.launchAtLogin),
  nameTemplate: v.optional(SETTING_SCHEMAS.nameTemplate),
  language: v.optional(SETTING_SCHEMAS.language),
});

/** The formats the history can be exported in. */
export const EXPORT_FORMATS = ['json', 'csv'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file main made for the user to keep. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/**
 * How an export reached the user: saved where they chose (the path, to show), cancelled in the save
 * dialog, or (the browser preview, which has no dialog) handed to the page as a download.
 */
export type ExportAnswer =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | ({ kind: 'download' } & ExportFile);

/** Declares one invoke call: its payload schema, and (as a phantom type) what it resolves to. */
function call<Out>() {
  return <S extends v.GenericSchema>(input: S) => ({ input, output: undefined as unknown as Out });
}

/** Every call the renderer can make. Each resolves to a Result, never rejects. */
export const invokeContract = {
  getState: call<AppState>()(NoPayload),
  setToken: call<{ email: string }>()(
    v.strictObject({
      token: v.pipe(v.string(), v.minLength(1), v.maxLength(TOKEN_MAX)),
      sessionOnly: v.boolean(),
    }),
  ),
  signOut: call<null>()(NoPayload),
  startDemo: call<null>()(NoPayload),
  refresh: call<null>()(NoPayload),
  createSnapshot: call<Operation>()(
    v.strictObject({
      serverId: IdSchema,
      name: v.pipe(v.string(), v.maxLength(SNAPSHOT_NAME_MAX * 4)),
      description: v.pipe(v.string(), v.maxLength(SNAPSHOT_DESCRIPTION_MAX * 4)),
    }),
  ),
  quickSnapshot: call<Operation>()(ServerRef),
  restoreSnapshot: call<Operation>()(
    v.strictObject({
      serverId: IdSchema,
      snapshotId: IdSchema,
      /** The server's name as the user typed it: the core checks it again. */
      confirmServerName: v.pipe(v.string(), v.maxLength(1024)),
      /** Take a snapshot of the current state first, and restore only once it has completed. */
      safetySnapshot: v.optional(v.boolean()),
    }),
  ),
  deleteSnapshot: call<null>()(
    v.strictObject({
      serverId: IdSchema,
      snapshotId: IdSchema,
      /** The user confirmed a second time that a pinned snapshot is to go (the core refuses without). */
      confirmPinned: v.optional(v.boolean()),
    }),
  ),
  /** Pins or unpins a snapshot: a pinned one is never rotated, and deleting it asks twice. */
  setPinned: call<null>()(v.strictObject({ serverId: IdSchema, snapshotId: IdSchema, pinned: v.boolean() })),
  /** Sets a server's snapshot policy (schedule, K, make room, notifications). */
  setPolicy: call<null>()(v.strictObject({ serverId: IdSchema, policy: PolicySchema })),
  /** The editor's dry run: what rotation with this K would keep and delete on the server today. */
  previewPolicy: call<PolicyPreview>()(v.strictObject({ serverId: IdSchema, keep: KeepSchema })),
  dismissOperation: call<null>()(v.strictObject({ operationId: OperationIdSchema })),
  updateSettings: call<UserSettings>()(SettingsPatch),
  openExternal: call<null>()(v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048)) })),
  /** Asks main to show the window on one server (used by the tray and notifications too). */
  showServer: call<null>()(ServerRef),
  /** Where the app's log file is (null when this run keeps none, e.g. the browser preview). */
  getLogFile: call<{ path: string | null }>()(NoPayload),
  /** The history of the account in use, newest first. */
  getHistory: call<HistoryEntry[]>()(NoPayload),
  /**
   * Exports the history (one server's, or all) as a file: main asks where to save it and writes it;
   * the browser preview hands it back as a download. The window never touches the file system.
   */
  exportHistory: call<ExportAnswer>()(
    v.strictObject({ format: v.picklist(EXPORT_FORMATS), serverId: v.optional(IdSchema) }),
  ),
} as const;

/** Every event main pushes to the renderer. */
export interface EventMap {
  state: AppState;
  operationFinished: OperationFinished;
  focusServer: FocusServer;
}

/** Names of the invoke calls. */
export type InvokeName = keyof typeof invokeContract;
/** Names of the events. */
export type EventName = keyof EventMap;

/** The invoke names, in declaration order (for the preload and registration). */
export const INVOKE_NAMES = Object.keys(invokeContract) as InvokeName[];
/** The event names (kept in step with EventMap by the satisfies check below). */
export const EVENT_NAMES = [
  'state',
  'operationFinished',
  'focusServer',
] as const satisfies readonly EventName[];

/** The IPC channel of an invoke call. */
export function invokeChannel(name: InvokeName): string {
  return `vps:invoke:${name}`;
}
/** The IPC channel of an event. */
export function eventChannel(name: EventName): string {
  return `vps:event:${name}`;
}

/** The validated payload type of a call. */
export type InvokeInput<K extends InvokeName> = v.InferOutput<(typeof invokeContract)[K]['input']>;
/** The value a call resolves to on success. */
export type InvokeOutput<K extends InvokeName> = (typeof invokeContract)[K]['output'];
/** The argument list a call takes in the renderer: none when its payload is undefined. */
export type InvokeArgs<K extends InvokeName> = undefined extends InvokeInput<K> ? [] : [InvokeInput<K>];

/** One handler per invoke call: the main process's actions, and the preview's, have this shape. */
export type InvokeHandlers = {
  [K in InvokeName]: (payload: InvokeInput<K>) => Promise<Result<InvokeOutput<K>>>;
};

/** The object the preload exposes as `window.vps`. */
export type VpsApi = {
  [K in InvokeName]: (...args: InvokeArgs<K>) => Promise<Result<InvokeOutput<K>>>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

/** Path keys shown in messages: contract-style names and array indexes, nothing a sender made up. */
const SAFE_KEY = /^(?:[A-Za-z][A-Za-z0-9]{0,39}|\d{1,6})$/;

/** Checks a payload against its call's schema; lists every issue in one plain message. */
export function parsePayload<K extends InvokeName>(
  name: K,
  payload: unknown,
): { ok: true; value: InvokeInput<K> } | { ok: false; error: AppError } {
  // Arrays, Dates, Maps, Errors… can cross IPC; valibot's object schemas would accept one with no
  // own keys as `{}`, so only plain objects (or none) count as payloads.
  if (
    typeof payload === 'object' &&
    payload !== null &&
    Object.prototype.toString.call(payload) !== '[object Object]'
  ) {
    return {
      ok: false,
      error: { kind: 'validation', message: `Invalid request to ${name}: expected an object` },
    };
  }
  const result = v.safeParse(invokeContract[name].input, payload);
  if (result.success) return { ok: true, value: result.output as InvokeInput<K> };
  const issues = result.issues
    .slice(0, 5)
    .map((i) => {
      // An unknown key is the sender's text (it could be huge, or a token): name only sane ones.
      const path =
        i.path?.map((p) => (SAFE_KEY.test(String(p.key)) ? String(p.key) : '(unexpected key)')).join('.') ??
        '';
      // Drop valibot's "but received …" tail: it can echo what was sent, such as a token.
      const message = i.message.replace(/ but received .*$/s, '');
      return path ? `${path}: ${message}` : message;
    })
    .join('; ');
  return { ok: false, error: { kind: 'validation', message: `Invalid request to ${name}: ${issues}` } };
}
