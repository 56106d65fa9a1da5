// Injected into the renderer page before any of its scripts (Playwright addInitScript) by
// bench/renderer-scale.ts. Times things IN the page with performance.now() and marks:
// - when the app first has a state in hand (the getState reply, or a pushed 'state' event),
// - when server names first appear in the DOM, after forcing style and layout,
// - how long a filter takes from the input event until the DOM stops changing.
(() => {
  'use strict';
  const SERVER_NAME = /\b(?:web|db)-\d{4}\b/;
  const bench = { stateAt: null, renderedAt: null };
  Object.defineProperty(window, '__bench', { value: bench });

  const text = () => (document.body ? document.body.textContent || '' : '');

  // The state reaches the app either as the getState reply or as a pushed 'state' event; note the
  // first moment the app has one in hand. window.vps is defined (frozen) by the preview's bridge
  // script with Object.defineProperty: wrap that one definition, measuring only, changing nothing.
  const markState = () => {
    if (bench.stateAt !== null) return;
    bench.stateAt = performance.now();
    performance.mark('bench:state');
  };
  const defineProperty = Object.defineProperty;
  Object.defineProperty = function (target, key, descriptor) {
    if (target === window && key === 'vps' && descriptor && descriptor.value) {
      Object.defineProperty = defineProperty;
      const api = descriptor.value;
      const wrapped = {
        ...api,
        getState: (...args) =>
          api.getState(...args).then((result) => {
            markState();
            return result;
          }),
        on: (event, listener) =>
          api.on(
            event,
            event === 'state'
              ? (payload) => {
                  markState();
                  return listener(payload);
                }
              : listener,
          ),
      };
      return defineProperty(target, key, { ...descriptor, value: Object.freeze(wrapped) });
    }
    return defineProperty(target, key, descriptor);
  };

  const observer = new MutationObserver(() => {
    if (bench.renderedAt !== null || !SERVER_NAME.test(text())) return;
    // Reading layout forces style and layout now, so the figure includes them, not only script.
    void document.body.offsetHeight;
    bench.renderedAt = performance.now();
    performance.mark('bench:rendered');
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });

  /**
   * Types `query` into the focused input and resolves with the ms until the DOM settled: the time
   * of the last change (plus forced layout) before `quietMs` passed with no change, so a debounced
   * filter is timed with its debounce.
   */
  bench.filter = (query, quietMs = 300, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const input = document.activeElement;
      if (!(input instanceof HTMLInputElement)) {
        reject(new Error('no input is focused'));
        return;
      }
      let lastChange = null;
      let quietTimer = null;
      const finish = () => {
        changes.disconnect();
        clearTimeout(limit);
        if (lastChange === null) reject(new Error('the filter changed nothing in the page'));
        else resolve(lastChange - start);
      };
      const changes = new MutationObserver(() => {
        void document.body.offsetHeight;
        lastChange = performance.now();
        clearTimeout(quietTimer);
        quietTimer = setTimeout(finish, quietMs);
      });
      changes.observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
      });
      const limit = setTimeout(finish, timeoutMs);
      const start = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

  /** How many distinct generated server names the page shows. */
  bench.visibleServers = () => new Set(text().match(/\b(?:web|db)-\d{4}\b/g) || []).size;
})();
