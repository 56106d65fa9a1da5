/**
 * The browser preview's stand-in for the preload: the text of a small classic script that defines
 * `window.vps` from the same contract (one named async function per invoke call, `on` for events)
 * over HTTP to the preview host. It is served as a same-origin file because the page's CSP forbids
 * inline scripts, and it carries no secret: the per-run key is read from a meta tag that only the
 * preview's own HTML response contains, then removed from the DOM.
 */
import { EVENT_NAMES, INVOKE_NAMES } from '../shared/ipc';

/** The meta tag that carries the per-run key into the page. */
export const KEY_META_NAME = 'vps-preview-key';
/** The request header every bridge call must carry the key in. */
export const KEY_HEADER = 'x-vps-preview-key';
/** Where the bridge script is served. */
export const BRIDGE_PATH = '/__preview/bridge.js';
/** Invoke calls are POSTed here, followed by the call's name. */
export const INVOKE_PREFIX = '/__preview/invoke/';
/** Events stream from here (POST, so that the browser sends the Origin header). */
export const EVENTS_PATH = '/__preview/events';

/** The JavaScript of the bridge; plain ES2020 so it runs as written in any current Chromium. */
export function bridgeSource(): string {
  const config = JSON.stringify({
    invoke: INVOKE_NAMES,
    events: EVENT_NAMES,
    meta: KEY_META_NAME,
    header: KEY_HEADER,
    invokePrefix: INVOKE_PREFIX,
    eventsPath: EVENTS_PATH,
  });
  return `// VPS Snapshot Tray browser preview: window.vps over HTTP (development only).
(() => {
  'use strict';
  const config = ${config};
  const meta = document.querySelector('meta[name="' + config.meta + '"]');
  const key = meta ? meta.getAttribute('content') || '' : '';
  // The key is only needed by this closure; keep it out of the page's DOM.
  if (meta) meta.remove();
  const unreachable = {
    ok: false,
    error: { kind: 'network', message: 'The preview host could not be reached. Is npm run web still running?' },
  };

  async function invoke(name, args) {
    // Zero or one argument, as the contract says; JSON cannot carry undefined, so it is left out.
    const sent = args.length > 0 && args[0] !== undefined ? [args[0]] : [];
    try {
      const response = await fetch(config.invokePrefix + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [config.header]: key },
        body: JSON.stringify({ args: sent }),
        cache: 'no-store',
        credentials: 'omit',
      });
      try {
        return await response.json();
      } catch {
        return { ok: false, error: { kind: 'internal', message: 'The preview host answered ' + response.status + '.' } };
      }
    } catch {
      return unreachable;
    }
  }

  const listeners = new Map(config.events.map((name) => [name, new Set()]));

  function dispatch(block) {
    let event = '';
    let data = '';
    for (const line of block.split('\\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    const set = listeners.get(event);
    if (!set || !data) return;
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (error) {
        console.error('window.vps listener failed', error);
      }
    }
  }

  let retryMs = 500;
  async function connect() {
    try {
      const response = await fetch(config.eventsPath, {
        method: 'POST',
        headers: { [config.header]: key },
        cache: 'no-store',
        credentials: 'omit',
      });
      if (!response.ok || !response.body) throw new Error('events refused: ' + response.status);
      retryMs = 500;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\\n\\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Reconnected below; the host may have restarted.
    }
    retryMs = Math.min(retryMs * 2, 10000);
    setTimeout(connect, retryMs);
  }

  const api = {};
  for (const name of config.invoke) {
    api[name] = (...args) => invoke(name, args);
  }
  api.on = (event, listener) => {
    const set = listeners.get(event);
    if (!set || typeof listener !== 'function') throw new TypeError('Unknown event: ' + String(event));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  Object.defineProperty(window, 'vps', { value: Object.freeze(api), enumerable: true });
  connect();
})();
`;
}
