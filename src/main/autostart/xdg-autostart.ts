/**
 * The Linux LoginItem: an XDG autostart file (Electron's login items are macOS and Windows only),
 * written whole through a temporary file and a rename, removed when turned off.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { entryStartsApp } from './desktop-entry';
import type { LoginItem } from './login-item';

/** An autostart file at `path` with the text `entry()` makes. */
export class XdgAutostart implements LoginItem {
  constructor(
    readonly path: string,
    private readonly entry: () => string,
  ) {}

  isEnabled(): boolean {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    return entryStartsApp(text);
  }

  setEnabled(enabled: boolean): void {
    if (!enabled) {
      rmSync(this.path, { force: true });
      return;
    }
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, this.entry(), { mode: 0o644 });
    renameSync(temporary, this.path);
  }
}
