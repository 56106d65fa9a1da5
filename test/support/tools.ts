/**
 * Decides what a test does when a tool it needs is missing: with CI set it must fail (a green run
 * must never hide a skipped keychain or browser test); on a developer machine it skips with a reason.
 */
import { existsSync } from 'node:fs';

/** Why the tool is unusable, or null when it is there. */
export type Probe = () => string | null;

/** True when running under CI. */
export const inCI = Boolean(process.env['CI']);

/**
 * Returns `skip` for describe.skipIf: true only off CI when the tool is missing. Under CI a missing
 * tool throws, failing the file with the reason.
 */
export function needTool(name: string, probe: Probe): boolean {
  const problem = probe();
  if (problem === null) return false;
  const line = `${name} unavailable: ${problem}`;
  if (inCI) throw new Error(`${line} (CI requires it)`);
  console.warn(`skipping ${name} tests: ${problem}`);
  return true;
}

/** Probe for an executable at a fixed path. */
export function fileProbe(path: string): Probe {
  return () => (existsSync(path) ? null : `${path} not found`);
}

/** Path to the system Chromium used by browser tests. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launch arguments for Chromium on these machines (no sandbox as root, no background network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
