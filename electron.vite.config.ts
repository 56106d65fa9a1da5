import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = dirname(fileURLToPath(import.meta.url));
const shared = { '@shared': resolve(root, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // keytar is a native addon and electron-store reads Electron at run time: keep both external.
      externalizeDeps: { exclude: ['valibot'] },
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      externalizeDeps: { exclude: ['valibot'] },
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
    plugins: [svelte()],
    build: {
      // electron-vite leaves the renderer unminified; minified it is about half the size (bench budget).
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
