/**
 * The renderer's Content-Security-Policy, defined once. The Electron window sends it as a response
 * header, the browser preview sends the same header, and the build writes it into the page's meta
 * tag (electron.vite.config.ts), because Electron may not apply header policies to file:// pages.
 */

/** How the policy reaches the page: a response header, or the page's own meta tag. */
export type CspDelivery = 'header' | 'meta';

/** Where the page is served from in development (its origin and HMR socket are let in), or none. */
export interface CspOptions {
  delivery: CspDelivery;
  /** electron-vite's dev-server URL in development; null or absent for the built app. */
  devServerUrl?: string | null;
}

/** Browsers ignore these in a meta tag (with a console warning), so only the header carries them. */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The directives in order: nothing loads from outside the app, nothing runs that the app did not ship. */
function directives(devServerUrl: string | null): [string, string][] {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  return [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    // Svelte sets element styles at run time; no inline <style> from elsewhere can load scripts.
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    // The dev server needs its own origin and HMR websocket; the built app needs nothing outside itself.
    ['connect-src', dev ? `'self' ${dev.origin} ws://${dev.host}` : "'self'"],
    // base-uri and form-action do not fall back to default-src: they are named here.
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
  ];
}

/** The policy as a header value or meta-tag content. */
export function contentSecurityPolicy({ delivery, devServerUrl = null }: CspOptions): string {
  return directives(devServerUrl)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
