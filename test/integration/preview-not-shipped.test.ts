/**
 * The browser preview is a development host: nothing of it may end up in the bundles the app
 * ships (out/main, out/preload, out/renderer). `npm test` builds first; run `npx electron-vite build`
 * before running this file on its own.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = join(process.cwd(), 'out');
const BUNDLES = ['main', 'preload', 'renderer'];
/** Strings only the preview's code contains. */
const MARKERS = ['__preview', 'vps-preview-key', 'startBridgeServer', 'startPreview', 'bridgeSource'];

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the shipped bundles', () => {
  it('exist (build with npx electron-vite build)', () => {
    for (const bundle of BUNDLES) {
      expect(
        existsSync(join(OUT, bundle)),
        `out/${bundle} is missing: run "npx electron-vite build" first`,
      ).toBe(true);
    }
  });

  for (const bundle of BUNDLES) {
    it(`out/${bundle} contains no preview code`, () => {
      const dir = join(OUT, bundle);
      if (!existsSync(dir)) throw new Error(`out/${bundle} is missing: run "npx electron-vite build" first`);
      const files = filesUnder(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(file, 'latin1');
        for (const marker of MARKERS) expect(text.includes(marker), `${marker} found in ${file}`).toBe(false);
      }
    });
  }
});
