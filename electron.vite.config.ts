import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/csp';

const root = dirname(fileURLToPath(import.meta.url));
const shared = { '@shared': resolve(root, 'src/shared') };

/** Writes the page's CSP meta tag, right after its charset, from the one definition in src/shared/csp.ts. */
function cspMetaTag(): Plugin {
  const policy = contentSecurityPolicy({ delivery: 'meta' });
  return {
    name: 'vps-csp-meta-tag',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
      if (!charset) throw new Error('src/renderer/index.html has no <meta charset> to put the CSP after');
      const at = charset.index + charset[0].length;
      const tag = `\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      return html.slice(0, at) + tag + html.slice(at);
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // `dependencies` stay external and ship in the asar (keytar is a native addon; electron-store
      // and electron-log load lazily after the tray is up). devDependencies such as valibot are bundled.
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // A sandboxed renderer can only load a CommonJS preload.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: { alias: shared },
    plugins: [cspMetaTag(), svelte()],
    build: {
      // electron-vite leaves the renderer unminified; minified it is about half the size (bench budget).
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
