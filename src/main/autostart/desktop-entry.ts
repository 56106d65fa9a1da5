/**
 * The Linux start-at-login entry as data: where the XDG autostart file goes and what it says.
 * Pure (no file system, no Electron), so every rule is unit-tested; xdg-autostart.ts writes it.
 */
import { isAbsolute, join } from 'node:path';

/**
 * The environment (process.env). Read here: XDG_CONFIG_HOME, and APPIMAGE, which the AppImage
 * runtime sets to the .AppImage file when the app runs from one.
 */
export type AutostartEnv = Readonly<Record<string, string | undefined>>;

/**
 * `$XDG_CONFIG_HOME/autostart/<name>.desktop`; `~/.config` when XDG_CONFIG_HOME is unset, empty or
 * relative, as the XDG Base Directory specification says.
 */
export function autostartPath(env: AutostartEnv, home: string, name: string): string {
  const configured = env['XDG_CONFIG_HOME'];
  const config = configured && isAbsolute(configured) ? configured : join(home, '.config');
  return join(config, 'autostart', `${name}.desktop`);
}

/** How this copy of the app was started. */
export interface LaunchTarget {
  /** The running executable (process.execPath). */
  execPath: string;
  /** The app folder, needed only when the executable is a development Electron. */
  appPath: string;
  packaged: boolean;
}

/**
 * The command that starts the app again at login. From an AppImage, the .AppImage file itself: the
 * running executable sits in a temporary mount that is gone after logout.
 */
export function loginCommand(target: LaunchTarget, env: AutostartEnv, extraArgs: string[]): string[] {
  const appImage = env['APPIMAGE'];
  if (appImage && isAbsolute(appImage)) return [appImage, ...extraArgs];
  return target.packaged ? [target.execPath, ...extraArgs] : [target.execPath, target.appPath, ...extraArgs];
}

// Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of an Exec key: quoted when needed (with ", `, $ and \ escaped inside the quotes),
 * % doubled (it starts field codes), then \ doubled again by the general string escaping, as the
 * specification requires. A line break cannot be carried and is refused.
 */
export function quoteExecArg(arg: string): string {
  if (/[\r\n]/.test(arg)) throw new Error('An autostart command cannot contain a line break.');
  const quoted = arg === '' || RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\');
}

/** What the entry says. */
export interface AutostartEntry {
  name: string;
  comment: string;
  icon: string;
  command: string[];
}

/** The .desktop file's text. */
export function desktopEntryText(entry: AutostartEntry): string {
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${oneLine(entry.name)}`,
    `Comment=${oneLine(entry.comment)}`,
    `Exec=${entry.command.map(quoteExecArg).join(' ')}`,
    `Icon=${oneLine(entry.icon)}`,
    'Terminal=false',
    'StartupNotify=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Whether an autostart file starts the app: desktops turn an entry off with `Hidden=true` or
 * GNOME's `X-GNOME-Autostart-enabled=false` instead of deleting it.
 */
export function entryStartsApp(text: string): boolean {
  let inMain = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) inMain = line === '[Desktop Entry]';
    else if (inMain && /^Hidden\s*=\s*true$/i.test(line)) return false;
    else if (inMain && /^X-GNOME-Autostart-enabled\s*=\s*false$/i.test(line)) return false;
  }
  return true;
}
