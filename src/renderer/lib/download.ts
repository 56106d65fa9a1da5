/**
 * Hands a file main made to the browser as a download. Only the browser preview answers an export
 * this way (it has no native save dialog); in Electron main saves the file itself.
 */
import type { ExportFile } from '../../shared/ipc';

/** Starts a download of `file` (a link to an in-memory blob, clicked once and let go). */
export function downloadFile(file: ExportFile): void {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: the download has its own copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
