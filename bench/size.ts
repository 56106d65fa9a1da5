/**
 * Size of the built bundles: the renderer's JS and CSS, raw and gzipped (zlib at level 9, as a web
 * server's static gzip would), with budgets; the main and preload bundles printed for reference.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { info, underBudget, type Figure } from './report';

/** Budgets from the issue, in KB (1 KB = 1024 bytes) gzipped. */
const JS_BUDGET_KB = 80;
const CSS_BUDGET_KB = 15;

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Raw and gzipped bytes of the files with one of the given extensions. */
function measure(dir: string, extensions: readonly string[]): { raw: number; gz: number; files: number } {
  const files = filesUnder(dir).filter((f) => extensions.includes(extname(f)));
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    // Each file is served on its own, so each is compressed on its own.
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz, files: files.length };
}

const kb = (bytes: number) => bytes / 1024;

/** Measures the built output under `outDir` (normally `out/`). */
export function sizeBenchmark(outDir: string): Figure[] {
  const js = measure(join(outDir, 'renderer'), ['.js', '.mjs']);
  const css = measure(join(outDir, 'renderer'), ['.css']);
  const main = measure(join(outDir, 'main'), ['.js', '.mjs', '.cjs']);
  const preload = measure(join(outDir, 'preload'), ['.js', '.mjs', '.cjs']);
  if (js.files === 0) throw new Error(`no JS under ${join(outDir, 'renderer')}: is the renderer built?`);
  return [
    info('size.renderer.js.raw', kb(js.raw), 'KB'),
    underBudget('size.renderer.js.gz', kb(js.gz), 'KB', JS_BUDGET_KB),
    info('size.renderer.css.raw', kb(css.raw), 'KB'),
    underBudget('size.renderer.css.gz', kb(css.gz), 'KB', CSS_BUDGET_KB),
    info('size.main.raw', kb(main.raw), 'KB', `${main.files} file(s) under out/main`),
    info('size.main.gz', kb(main.gz), 'KB'),
    info('size.preload.raw', kb(preload.raw), 'KB'),
  ];
}
