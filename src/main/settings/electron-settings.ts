/**
 * The SettingsPort over electron-store. The file is checked and salvaged first (see salvage.ts),
 * then electron-store owns reading and atomic writing. The token is never written here.
 */
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import type { PersistedData, SettingsPort } from '../core/ports';
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
}

/**
 * Persisted settings, operations and session, plus the window's last bounds. When the file cannot
 * be read, or a damaged one cannot be backed up, nothing touches the disk for this run: the data
 * lives in memory only (reported through `read().problem`), so the app starts and the user's file
 * is never overwritten or removed.
 */
export class ElectronSettingsStore implements SettingsPort {
  /** Null while running from memory only (see the class comment). */
  private readonly store: Store<StoredFile> | null;
  private readonly filePath: string;
  private data: StoredFile;
  private readonly problem: string | null;

  constructor(options: SettingsStoreOptions) {
    const name = options.name ?? 'config';
    this.filePath = join(options.cwd, `${name}.json`);
    const loaded = loadSettingsFile(this.filePath, options.now);
    this.data = loaded.file;
    let problem = loaded.problem;
    let store: Store<StoredFile> | null = null;
    if (loaded.writable) {
      try {
        // Validation is ours (valibot, field by field); electron-store only reads and writes atomically.
        store = new Store<StoredFile>({ cwd: options.cwd, name, defaults: loaded.file });
        // Making a Store in main registers ipcMain.on('electron-store-get-data') for renderer-side
        // stores, with no sender check. This app has none: take the channel away at once.
        ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
        if (loaded.problem !== null || loaded.migrated) store.store = this.data;
      } catch (error) {
        // Something changed between our read and electron-store's (or the folder is read-only).
        store = null;
        const code = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
        problem =
          `${problem === null ? '' : `${problem} `}The settings file ${this.filePath} could not be opened ` +
          `for saving (${code}); changes you make are kept only until you quit.`;
      }
    }
    this.store = store;
    this.problem = problem;
  }

  /** Where the file is, for messages and tests. */
  get path(): string {
    return this.store?.path ?? this.filePath;
  }

  /** False while changes are kept in memory only (the file could not be read or backed up). */
  get persistent(): boolean {
    return this.store !== null;
  }

  read(): { data: PersistedData; problem: string | null } {
    const { settings, operations, session } = this.data;
    return { data: structuredClone({ settings, operations, session }), problem: this.problem };
  }

  write(patch: Partial<PersistedData>): void {
    // Only the known parts: nothing else (a token above all) can reach the file through here.
    const next: StoredFile = { ...this.data, version: SETTINGS_VERSION };
    if (patch.settings) next.settings = structuredClone(patch.settings);
    if (patch.operations) next.operations = structuredClone(patch.operations);
    if (patch.session) next.session = { mode: patch.session.mode, email: patch.session.email };
    this.data = next;
    if (this.store !== null) this.store.store = next;
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
    this.store?.set('windowBounds', rounded);
  }
}
