// The export's save adapter against the recording stand-in: Electron's save dialog in front of the
// window with the file's name and type, the text written where the user chose, nothing written when
// the dialog is cancelled.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());
const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { saveWithDialog } = await import('../../src/main/electron/save-file');

const dir = mkdtempSync(join(tmpdir(), 'vps-save-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const FILE = {
  fileName: 'vps-snapshot-history-20260302-0900.csv',
  mimeType: 'text/csv',
  content: '\uFEFFtime\r\nä\r\n',
};

describe('saveWithDialog', () => {
  it('asks where to save (named, typed, overwrite confirmed) and writes the text there', async () => {
    const path = join(dir, 'chosen.csv');
    fake.savePath = path;
    expect(await saveWithDialog(FILE, null)).toEqual({ kind: 'saved', path });
    expect(readFileSync(path, 'utf8')).toBe(FILE.content);
    expect(fake.recorder.saveDialogs).toEqual([
      {
        parent: false,
        options: {
          defaultPath: FILE.fileName,
          filters: [{ name: 'CSV', extensions: ['csv'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        },
      },
    ]);
  });

  it('writes nothing when the user cancels', async () => {
    fake.savePath = null;
    expect(await saveWithDialog(FILE, null)).toEqual({ kind: 'cancelled' });
    expect(existsSync(join(dir, 'chosen-cancelled.csv'))).toBe(false);
    expect(fake.recorder.saveDialogs).toHaveLength(1);
  });

  it('rejects with the system code when the place cannot be written (the action reports it)', async () => {
    fake.savePath = join(dir, 'no-such-folder', 'x.csv');
    await expect(saveWithDialog(FILE, null)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
