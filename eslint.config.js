import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';
import svelteConfig from './svelte.config.js';

// ---- Layering: who may import what. test/security/layering-lint.test.ts plants a violation in each
// zone. Flat config keeps only the last matching options of a rule, so each zone lists all its bans.

/** Electron's own adapters, the wiring, the settings and keychain adapters, and the preload. */
const ELECTRON_ZONE = [
  'src/main/electron/**',
  'src/main/index.ts',
  'src/main/settings/**',
  'src/main/secrets/**',
  'src/preload/**',
];
/** The only places that talk to ipcMain / ipcRenderer themselves. */
const RAW_IPC_ZONE = ['src/main/electron/ipc.ts', 'src/preload/**'];
/** Code that also runs in the sandboxed page: no Node, no main process. */
const PAGE_ZONE = ['src/shared/**', 'src/renderer/**'];
/** The core: plain TypeScript that receives its ports, so it runs without Electron, disk or OS. */
const CORE_ZONE = ['src/main/core/**'];

const NODE_NAMES = builtinModules.filter((name) => !name.startsWith('_') && !name.includes('/'));
const exactly = (name) => `^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;

/** What a zone may not import: why, and the module names as regexes. */
const BANS = {
  electron: {
    message:
      'electron is imported only by the Electron adapters (src/main/electron), src/main/index.ts, the settings and secrets adapters and the preload; pass what you need in as a port.',
    sources: [exactly('electron'), '^electron/'],
  },
  node: {
    message: 'No Node built-ins here: this code runs in the page, or must stay free of I/O (the core).',
    sources: [`^(node:|(${NODE_NAMES.join('|')})(/|$))`],
  },
  main: {
    message: 'src/shared and src/renderer never import the main process (src/main).',
    sources: ['^(\\.\\./)+(src/)?main(/|$)'],
  },
  adapters: {
    message:
      'The core imports no adapter: secrets, settings, logging, clock, client and notifier reach it as ports (src/main/core/ports.ts).',
    sources: [
      ...['electron-store', 'keytar', '@github/keytar', 'electron-log'].map(exactly),
      '^electron-log/',
      '^(\\.\\./)+(main/)?(electron|secrets|settings|logging|autostart|system-ports|index)(/|\\.|$)',
    ],
  },
};

const RAW_IPC_MESSAGE =
  'Raw ipcMain / ipcRenderer only in src/main/electron/ipc.ts and the preload: go through the contract (src/shared/ipc.ts).';
/** Reaching ipcMain / ipcRenderer as a member (`electron.ipcMain`) or by destructuring. */
const RAW_IPC_SYNTAX = [
  { selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]', message: RAW_IPC_MESSAGE },
  { selector: 'ObjectPattern > Property[key.name=/^ipc(Main|Renderer)$/]', message: RAW_IPC_MESSAGE },
];

/** The rules for a zone with these bans: static imports and re-exports, then import() and require(). */
function layer(bans, { rawIpcImports = false } = {}) {
  const patterns = bans.flatMap((b) => b.sources.map((regex) => ({ regex, message: b.message })));
  const paths = rawIpcImports
    ? [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: RAW_IPC_MESSAGE }]
    : [];
  // esquery reads a regex up to the next '/', so slashes inside it are written as \u002F.
  const dynamic = bans.flatMap((b) =>
    b.sources.flatMap((source) => {
      const value = `[value=/${source.replaceAll('/', '\\u002F')}/]`;
      return [
        { selector: `ImportExpression > Literal.source${value}`, message: b.message },
        { selector: `CallExpression[callee.name='require'] > Literal.arguments${value}`, message: b.message },
      ];
    }),
  );
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': ['error', ...dynamic, ...RAW_IPC_SYNTAX],
  };
}

const layering = [
  { files: ['src/**'], ignores: ELECTRON_ZONE, rules: layer([BANS.electron]) },
  { files: ELECTRON_ZONE, ignores: RAW_IPC_ZONE, rules: layer([], { rawIpcImports: true }) },
  { files: PAGE_ZONE, rules: layer([BANS.electron, BANS.node, BANS.main]) },
  { files: CORE_ZONE, rules: layer([BANS.electron, BANS.node, BANS.adapters]) },
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    // Command-line entry points print their results.
    files: ['scripts/**', 'src/simulator/cli.ts', 'src/preview/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  ...layering,
);
