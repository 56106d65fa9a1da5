/**
 * The layering ESLint keeps (eslint.config.js): a violation planted in each zone is reported, the
 * same import where the layering allows it is not, and the real source tree has none. Linted
 * through ESLint's Node API with the project's own config, the planted code given a path in the zone.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

const eslint = new ESLint({
  cwd: process.cwd(),
  // Only the layering rules run, and they need no type information: Svelte files are parsed
  // without the TypeScript project service, which is most of a full lint's time.
  overrideConfig: {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false } },
  },
  ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
});

/** The layering messages ESLint reports for `code` at `filePath`. */
async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

/** [zone, path in the zone, code]: each must be reported. */
const VIOLATIONS: [string, string, string][] = [
  [
    'the core imports electron',
    'src/main/core/planted.ts',
    "import { app } from 'electron';\nexport const a = app;",
  ],
  [
    'the core imports node:fs',
    'src/main/core/planted.ts',
    "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
  ],
  [
    'the core imports fs (no prefix)',
    'src/main/core/planted.ts',
    "import { writeFile } from 'fs/promises';\nexport const a = writeFile;",
  ],
  [
    'the core imports the keychain adapter',
    'src/main/core/planted.ts',
    "import { KeytarSecretStore } from '../secrets/keytar-store';\nexport const a = KeytarSecretStore;",
  ],
  [
    'the core imports the settings adapter',
    'src/main/core/planted.ts',
    "import { ElectronSettings } from '../settings/electron-settings';\nexport const a = ElectronSettings;",
  ],
  [
    'the core imports system-ports',
    'src/main/core/planted.ts',
    "import { realScheduler } from '../system-ports';\nexport const a = realScheduler;",
  ],
  [
    'the core imports electron-store',
    'src/main/core/planted.ts',
    "import Store from 'electron-store';\nexport const a = Store;",
  ],
  [
    'the core loads a logging adapter lazily',
    'src/main/core/planted.ts',
    "export const load = () => import('electron-log/node');",
  ],
  [
    'the core requires child_process',
    'src/main/core/planted.ts',
    "export const cp = require('child_process');",
  ],
  [
    'shared imports node:path',
    'src/shared/planted.ts',
    "import { join } from 'node:path';\nexport const a = join;",
  ],
  [
    'shared imports crypto (no prefix)',
    'src/shared/planted.ts',
    "import { randomUUID } from 'crypto';\nexport const a = randomUUID;",
  ],
  [
    'shared imports the main process',
    'src/shared/planted.ts',
    "import type { Logger } from '../main/core/ports';\nexport type A = Logger;",
  ],
  [
    'shared imports electron',
    'src/shared/planted.ts',
    "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;",
  ],
  [
    'the renderer imports the main process',
    'src/renderer/lib/planted.ts',
    "import { redactSecrets } from '../../main/redact';\nexport const a = redactSecrets;",
  ],
  [
    'the renderer imports node:fs',
    'src/renderer/lib/planted.ts',
    "export const fs = await import('node:fs');",
  ],
  [
    'a Svelte component imports a Node built-in',
    'src/renderer/components/Planted.svelte',
    '<script lang="ts">\n  import { readFileSync } from \'node:fs\';\n  const a = readFileSync;\n</script>\n<p>{a}</p>\n',
  ],
  [
    'a Svelte component imports the main process',
    'src/renderer/components/servers/Planted.svelte',
    "<script lang=\"ts\">\n  import { redactSecrets } from '../../../main/redact';\n  const a = redactSecrets('x');\n</script>\n<p>{a}</p>\n",
  ],
  [
    'the API client imports electron',
    'src/main/api/planted.ts',
    "import { net } from 'electron';\nexport const a = net;",
  ],
  [
    'the preview imports electron',
    'src/preview/planted.ts',
    "import { app } from 'electron';\nexport const a = app;",
  ],
  [
    'the actions load electron lazily',
    'src/main/actions-planted.ts',
    "export const e = await import('electron');",
  ],
  [
    'the tray adapter imports ipcMain',
    'src/main/electron/tray.ts',
    "import { ipcMain } from 'electron';\nexport const a = ipcMain;",
  ],
  [
    'the window adapter reaches electron.ipcMain',
    'src/main/electron/window.ts',
    "import * as electron from 'electron';\nexport const a = electron.ipcMain;",
  ],
  [
    'the settings adapter destructures ipcMain',
    'src/main/settings/planted.ts',
    "import electron from 'electron';\nconst { ipcMain } = electron;\nexport const a = ipcMain;",
  ],
  [
    'the wiring imports ipcMain',
    'src/main/index.ts',
    "import { app, ipcMain } from 'electron';\nexport const a = [app, ipcMain];",
  ],
];

/** [zone, path, code]: allowed, so nothing may be reported (each pairs with a violation above). */
const ALLOWED: [string, string, string][] = [
  [
    'an Electron adapter imports electron',
    'src/main/electron/tray.ts',
    "import { Menu } from 'electron';\nexport const a = Menu;",
  ],
  [
    'the wiring imports electron',
    'src/main/index.ts',
    "import { app } from 'electron';\nexport const a = app;",
  ],
  [
    'the keychain adapter imports electron',
    'src/main/secrets/planted.ts',
    "import { safeStorage } from 'electron';\nexport const a = safeStorage;",
  ],
  [
    'the settings adapter imports electron-store',
    'src/main/settings/planted.ts',
    "import Store from 'electron-store';\nimport { app } from 'electron';\nexport const a = [Store, app];",
  ],
  [
    'the IPC adapter imports ipcMain',
    'src/main/electron/ipc.ts',
    "import { ipcMain } from 'electron';\nexport const a = ipcMain;",
  ],
  [
    'the preload imports ipcRenderer',
    'src/preload/index.ts',
    "import { contextBridge, ipcRenderer } from 'electron';\nexport const a = [contextBridge, ipcRenderer];",
  ],
  [
    'the core imports the API errors and shared types',
    'src/main/core/planted.ts',
    "import { ApiError } from '../api/errors';\nimport type { Id } from '../../shared/domain';\nexport const a: [unknown, Id] = [ApiError, 1];",
  ],
  [
    'an adapter outside the core uses node:fs',
    'src/main/system-ports.ts',
    "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;",
  ],
  [
    'the renderer imports shared code and its own entry',
    'src/renderer/lib/planted.ts',
    "import { sameId } from '../../shared/domain';\nimport './other';\nexport const a = sameId;",
  ],
  [
    'the preview uses Node',
    'src/preview/planted.ts',
    "import { createServer } from 'node:http';\nexport const a = createServer;",
  ],
];

describe('the layering ESLint keeps', () => {
  for (const [what, filePath, code] of VIOLATIONS) {
    it(`reports: ${what}`, async () => {
      const messages = await layerMessages(filePath, code);
      expect(messages.length, `${filePath}\n${code}`).toBeGreaterThan(0);
      for (const message of messages) expect(message).toMatch(/^no-restricted-(imports|syntax): /);
    });
  }

  for (const [what, filePath, code] of ALLOWED) {
    it(`allows: ${what}`, async () => {
      expect(await layerMessages(filePath, code)).toEqual([]);
    });
  }

  it('finds no violation in the real source tree', { timeout: 180_000 }, async () => {
    const results = await eslint.lintFiles(['src']);
    expect(results.length).toBeGreaterThan(50);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(found).toEqual([]);
  });
});
