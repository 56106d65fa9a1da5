/**
 * Saves an export where the user chooses: Electron's native save dialog (in front of the window),
 * then a plain write of the text. The window never touches the file system; it only learns where
 * the file went.
 */
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { ExportAnswer, ExportFile } from '../../shared/ipc';

/** The dialog's file-type filter for a file's extension. */
function filtersFor(fileName: string): SaveDialogOptions['filters'] {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1);
  return [{ name: extension.toUpperCase(), extensions: [extension] }];
}

/** Asks where to save `file` and writes it there; a cancelled dialog writes nothing. */
export async function saveWithDialog(file: ExportFile, parent: BrowserWindow | null): Promise<ExportAnswer> {
  const options: SaveDialogOptions = {
    defaultPath: file.fileName,
    filters: filtersFor(file.fileName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return { kind: 'cancelled' };
  await writeFile(chosen.filePath, file.content, 'utf8');
  return { kind: 'saved', path: chosen.filePath };
}
