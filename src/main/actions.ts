/**
 * The invoke handlers: one per contract call, each a thin step onto the core (or onto the window
 * for showServer, or the OS for openExternal). The IPC helper has already checked the sender and
 * the payload; these still never throw.
 */
import type { Id } from '../shared/domain';
import type { UserSource } from '../shared/history';
import { appError } from '../shared/i18n/app-error';
import { fail, ok, type Result } from '../shared/result';
import { parseUrl } from '../shared/settings';
import type { AppCore } from './core/app-core';
import type { ExportAnswer, ExportFile, InvokeHandlers } from '../shared/ipc';

/** What the handlers need besides the core. */
export interface ActionDeps {
  /** Opens a URL in the user's browser (shell.openExternal in Electron). */
  openExternal(url: string): Promise<void> | void;
  /** Shows the window on one server. */
  showServer(serverId: Id): void;
  /** The log file's path, when this run writes one. */
  logFile?: string | null;
  /**
   * Hands a file to the user: Electron asks where to save it (a native dialog) and writes it. A host
   * without one (the browser preview) leaves it out: the page then gets the file as a download.
   */
  saveFile?: (file: ExportFile) => Promise<ExportAnswer>;
}

/**
 * The normalised form (`URL.href`) of an https URL on vps.org or one of its subdomains, with no
 * credentials or odd port; null for anything else. Only this form may reach the OS: the raw text
 * can read differently elsewhere (`https://admin.vps.org\@evil.example/` is vps.org to the URL
 * parser, but a handler that does not treat `\` as `/` would go to evil.example).
 */
export function allowedExternalHref(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.port !== '') return null;
  const host = parsed.hostname.toLowerCase();
  if (host !== 'vps.org' && !host.endsWith('.vps.org')) return null;
  return parsed.href;
}

/** True for https URLs on vps.org or one of its subdomains, with no credentials or odd port. */
export function isAllowedExternalUrl(url: string): boolean {
  return allowedExternalHref(url) !== null;
}

const EXTERNAL_REFUSED = appError('refused', 'core.externalRefused');

/**
 * Builds the invoke handlers over the core. `source` is where the calls come from: the window (its
 * IPC, the default) or the tray (its controller). It is the host's to say, never the payload's, so a
 * compromised window cannot pass its clicks off as a schedule's.
 */
export function createActions(
  core: AppCore,
  deps: ActionDeps,
  source: UserSource = 'window',
): InvokeHandlers {
  return {
    getState: async () => ok(core.getState()),
    setToken: (payload) => core.setToken(payload),
    signOut: () => core.signOut(),
    startDemo: () => core.startDemo(),
    refresh: () => core.refresh(),
    createSnapshot: (payload) => core.createSnapshot(payload, source),
    quickSnapshot: (payload) => core.quickSnapshot(payload, source),
    restoreSnapshot: (payload) => core.restoreSnapshot(payload, source),
    deleteSnapshot: (payload) => core.deleteSnapshot(payload, source),
    setPinned: (payload) => core.setPinned(payload),
    setPolicy: (payload) => core.setPolicy(payload),
    previewPolicy: (payload) => core.previewPolicy(payload),
    dismissOperation: (payload) => core.dismissOperation(payload),
    updateSettings: (payload) => core.updateSettings(payload),
    openExternal: async ({ url }): Promise<Result<null>> => {
      const href = allowedExternalHref(url);
      if (href === null) return fail(EXTERNAL_REFUSED);
      try {
        await deps.openExternal(href);
        return ok(null);
      } catch {
        return fail(appError('internal', 'core.browserFailed'));
      }
    },
    showServer: async ({ serverId }): Promise<Result<null>> => {
      try {
        deps.showServer(serverId);
        return ok(null);
      } catch {
        return fail(appError('internal', 'core.windowFailed'));
      }
    },
    getLogFile: async () => ok({ path: deps.logFile ?? null }),
    getHistory: () => core.getHistory(),
    exportHistory: async (payload): Promise<Result<ExportAnswer>> => {
      const file = await core.exportHistory(payload);
      if (!file.ok) return file;
      if (deps.saveFile === undefined) return ok({ kind: 'download', ...file.value });
      try {
        return ok(await deps.saveFile(file.value));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
        return fail(appError('internal', 'core.exportFailed', { reason }));
      }
    },
  };
}
