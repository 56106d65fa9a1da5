/**
 * The SettingsPort over electron-store. The file is checked and salvaged first (see salvage.ts),
 * then electron-store owns atomic writing. The token is never written here.
 *
 * electron-store costs most of start-up to import (conf loads ajv), and the salvage step has
 * already read the file, so the app opens it for saving only once the tray is up (`open()`).
 * Changes made before then are kept and saved when it opens.
 */
import type Store from 'electron-store';
import { join } from 'node:path';
import { removeUncheckedChannel } from '../electron/ipc';
import type { PersistedData, SettingsPort } from '../core/ports';
import type { CatalogMessage } from '../../shared/state';
import { loadSettingsFile } from './salvage';
import { SETTINGS_VERSION, type StoredFile, type WindowBounds } from './schema';

/** The IPC channel electron-store registers in main (node_modules/electron-store/index.js). */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/** Where the file lives, and a clock for backup names. */
export interface SettingsStoreOptions {
  /** Absolute directory of the file (the app's userData folder in production). */
  cwd: string;
  /** File name without `.json` (default `config`). */
  name?: string;
  now?: () => Date;
  /** electron-store's class: given, the file is opened for saving at once; else by `open()`. */
  Store?: StoreClass;
}

/** electron-store's class (loaded late in the app, passed in directly by tests). */
export type StoreClass = typeof Store;

/**
 * Persisted settings, operations and session, plus the window's last bounds. When the file cannot
 * be read, or a damaged one cannot be backed up, nothing touches the disk for this run: the data
 * lives in memory only (reported through `read().problem`), so the app starts and the user's file
 * is never overwritten or removed.
 */
export class ElectronSettingsStore implements SettingsPort {
  /** Null until opened, and while running from memory only (see the class comment). */
  private store: Store<StoredFile> | null = null;
  private readonly filePath: string;
  private readonly name: string;
  private readonly cwd: string;
  private data: StoredFile;
  private problem: CatalogMessage[] | null;
  /** The file must be written when it opens: it was repaired or migrated, or changed since. */
  private dirty: boolean;
  private readonly writable: boolean;
  private opened = false;

  constructor(options: SettingsStoreOptions) {
    this.name = options.name ?? 'config';
    this.cwd = options.cwd;
    this.filePath = join(options.cwd, `${this.name}.json`);
    const loaded = loadSettingsFile(this.filePath, options.now);
    this.data = loaded.file;
    this.problem = loaded.problem;
    this.dirty = loaded.problem !== null || loaded.migrated;
    this.writable = loaded.writable;
    if (options.Store) this.attach(options.Store);
  }

  /**
   * Loads electron-store and opens the file for saving, writing what changed meanwhile. Resolves
   * the problem when it cannot be opened (changes then stay in memory), else null.
   */
  async open(): Promise<CatalogMessage | null> {
    if (this.opened) return null;
    let StoreClass: StoreClass;
    try {
      ({ default: StoreClass } = await import('electron-store'));
    } catch (error) {
      this.opened = true;
      return this.cannotSave(error);
    }
    return this.attach(StoreClass);
  }

  private attach(StoreClass: StoreClass): CatalogMessage | null {
    this.opened = true;
    if (!this.writable) return null;
    try {
      // Validation is ours (valibot, field by field); electron-store only reads and writes atomically.
      const store = new StoreClass<StoredFile>({ cwd: this.cwd, name: this.name, defaults: this.data });
      // Making a Store in main registers ipcMain.on('electron-store-get-data') for renderer-side
      // stores, with no sender check. This app has none: take the channel away at once.
      removeUncheckedChannel(ELECTRON_STORE_CHANNEL);
      if (this.dirty) store.store = this.data;
      this.store = store;
      return null;
    } catch (error) {
      // Something changed between our read and electron-store's (or the folder is read-only).
      return this.cannotSave(error);
    }
  }

  /** Notes (and returns) why changes stay in memory only for this run. */
  private cannotSave(error: unknown): CatalogMessage {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
    const problem: CatalogMessage = {
      code: 'settingsFile.cannotOpen',
      params: { path: this.filePath, code },
    };
    this.problem = [...(this.problem ?? []), problem];
    return problem;
  }

  /** Where the file is, for messages and tests. */
  get path(): string {
    return this.store?.path ?? this.filePath;
  }

  /**
   * False while changes are kept in memory only: not opened yet, or the file could not be read,
   * backed up or opened.
   */
  get persistent(): boolean {
    return this.store !== null;
  }

  read(): { data: PersistedData; problem: CatalogMessage[] | null } {
    const { settings, operations, session, pins, policies, autoSnapshots, history } = this.data;
    return {
      data: structuredClone({ settings, operations, session, pins, policies, autoSnapshots, history }),
      problem: this.problem,
    };
  }

  write(patch: Partial<PersistedData>): void {
    // Only the known parts: nothing else (a token above all) can reach the file through here.
    const next: StoredFile = { ...this.data, version: SETTINGS_VERSION };
    if (patch.settings) next.settings = structuredClone(patch.settings);
    if (patch.operations) next.operations = structuredClone(patch.operations);
    if (patch.session) next.session = { mode: patch.session.mode, email: patch.session.email };
    if (patch.history) next.history = structuredClone(patch.history);
    if (patch.pins) next.pins = structuredClone(patch.pins);
    if (patch.policies) next.policies = structuredClone(patch.policies);
    if (patch.autoSnapshots) next.autoSnapshots = structuredClone(patch.autoSnapshots);
    this.data = next;
    if (this.store !== null) this.store.store = next;
    else this.dirty = true;
  }

  /** The window's last bounds, or null on a first run. */
  readWindowBounds(): WindowBounds | null {
    return this.data.windowBounds ? { ...this.data.windowBounds } : null;
  }

  /** Remembers the window's bounds. */
  writeWindowBounds(bounds: WindowBounds): void {
    const { x, y, width, height } = bounds;
    const rounded = {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(width),
      height: Math.round(height),
    };
    this.data = { ...this.data, windowBounds: rounded };
    if (this.store !== null) this.store.set('windowBounds', rounded);
    else this.dirty = true;
  }
}
