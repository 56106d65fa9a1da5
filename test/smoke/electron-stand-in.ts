// What `import … from 'electron'` resolves to in the smoke test's child process: the recording
// fake's members as named exports, and the whole fake as the default export (electron-store's way).
import { fake } from '../support/fake-electron';

const m = fake.module;
export const { app, BrowserWindow, Tray, Menu, Notification, nativeImage, ipcMain, shell, session, screen } =
  m;
export default m;
