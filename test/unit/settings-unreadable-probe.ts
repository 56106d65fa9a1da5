// Child process for the EACCES settings test: opens the settings store over a folder given on the
// command line, makes a change, and prints what the store reported as one JSON line. The test runs
// it as an unprivileged user (root may read any file), bundled with the Electron stand-in.
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { ElectronSettingsStore } from '../../src/main/settings/electron-settings';

const dir = process.argv[2] ?? '';
const store = new ElectronSettingsStore({ cwd: dir });
// As the app does once the tray is up: opening a file that could not be read writes nothing.
await store.open();
const { problem } = store.read();
store.write({ settings: { ...DEFAULT_SETTINGS, pollIntervalSeconds: 30 } });
store.writeWindowBounds({ x: 1, y: 2, width: 800, height: 600 });
console.log(
  JSON.stringify({
    uid: process.getuid?.() ?? null,
    problem,
    persistent: store.persistent,
    keptInMemory: store.read().data.settings.pollIntervalSeconds,
  }),
);
