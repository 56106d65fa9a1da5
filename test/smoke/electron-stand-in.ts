// What `import … from 'electron'` resolves to in the smoke test's child process: the recording
// fake's members as named exports, and the whole fake as the default export (electron-store's way).
// Each export is typed through the exported module type: the project emits declarations, and the
// fake's app class is not exported, so an inferred type could not be named (TS4094).
import { fake, type FakeElectronModule } from '../support/fake-electron';

type M = FakeElectronModule;
const m: M = fake.module;
export const app: M['app'] = m.app;
export const BrowserWindow: M['BrowserWindow'] = m.BrowserWindow;
export const Tray: M['Tray'] = m.Tray;
export const Menu: M['Menu'] = m.Menu;
export const Notification: M['Notification'] = m.Notification;
export const nativeImage: M['nativeImage'] = m.nativeImage;
export const ipcMain: M['ipcMain'] = m.ipcMain;
export const shell: M['shell'] = m.shell;
export const session: M['session'] = m.session;
export const screen: M['screen'] = m.screen;
export const powerMonitor: M['powerMonitor'] = m.powerMonitor;
export const dialog: M['dialog'] = m.dialog;
export default m;
