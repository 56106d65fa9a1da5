/**
 * The core's working state and the one function that turns it into the AppState the views get.
 * The state is rebuilt once per change and published as a whole (it is small: a few servers,
 * at most five snapshots each, a bounded operation list).
 */
import type { Operation, Server, Snapshot } from '../../shared/domain';
import type { ResolvedLanguage } from '../../shared/i18n/translator';
import type { UserSettings } from '../../shared/settings';
import type {
  AppState,
  CatalogMessage,
  KeychainView,
  Mode,
  SyncView,
  TokenStorage,
} from '../../shared/state';
import { orderForView } from './operations';
import { pinnedIds, type PinRecord } from './pins';
import type { PolicyEntry } from './policy/policy-data';
import type { AutoSnapshotRecord } from './policy/rotation';
import { automaticIds, policyViews } from './policy/views';
import { buildEntries } from './refresh';

/** Everything the core tracks that shows up in the state, except the operations (see tracker.ts). */
export interface CoreData {
  /** True until start() has read the settings file and the keychain. */
  starting: boolean;
  mode: Mode;
  email: string | null;
  tokenStorage: TokenStorage | null;
  tokenInvalid: boolean;
  keychain: KeychainView;
  servers: Server[];
  snapshots: Snapshot[];
  sync: SyncView;
  settings: UserSettings;
  demoUrl: string | null;
  /** What was wrong with the settings file at start, as catalog codes (SettingsPort.read), or null. */
  settingsProblem: CatalogMessage[] | null;
  /** Why the settings file cannot be written now, as a catalog code, or null (see CoreContext.persist). */
  saveProblem: CatalogMessage | null;
  /** Pinned snapshots of every scope (the state shows the current scope's). */
  pins: PinRecord[];
  /** Snapshot policies of every scope (see policy/runner.ts). */
  policies: PolicyEntry[];
  /** Records of the automatic snapshots the app made, every scope. */
  autoSnapshots: AutoSnapshotRecord[];
}

/** Where the state is seen from: the account scope, and the schedules' zone and clock. */
export interface ViewPoint {
  scope: string | null;
  /** The schedules' time zone, read only when a policy needs it (its first read costs ICU start-up). */
  zone: () => string;
  /** The schedules' clock (scaled in demo mode). */
  now: number;
}

/** A sync view before any refresh. */
export function initialSync(): SyncView {
  return { refreshing: false, lastRefreshAt: null, lastError: null, offline: false };
}

/** Builds the AppState the views receive (fresh objects: views may keep them). */
export function buildAppState(
  data: CoreData,
  operations: readonly Operation[],
  language: ResolvedLanguage,
  { scope, zone, now }: ViewPoint,
  historyRevision = 0,
): AppState {
  const pinnedSnapshotIds = pinnedIds(data.pins, scope);
  return {
    starting: data.starting,
    mode: data.mode,
    account: {
      email: data.email,
      tokenSet: data.mode === 'account' && data.tokenStorage !== null,
      tokenStorage: data.tokenStorage,
      tokenInvalid: data.tokenInvalid,
    },
    keychain: { ...data.keychain },
    servers: buildEntries(data.servers, data.snapshots),
    operations: orderForView(operations),
    sync: { ...data.sync, lastError: data.sync.lastError ? { ...data.sync.lastError } : null },
    settings: { ...data.settings },
    demoUrl: data.demoUrl,
    settingsProblem: data.settingsProblem,
    language: { ...language },
    saveProblem: data.saveProblem,
    pinnedSnapshotIds,
    policies: policyViews({
      entries: data.policies,
      records: data.autoSnapshots,
      pinnedIds: pinnedSnapshotIds,
      snapshots: data.snapshots,
      scope,
      zone,
      now,
    }),
    automaticSnapshotIds: automaticIds(data.autoSnapshots, scope, data.snapshots),
    historyRevision,
  };
}
