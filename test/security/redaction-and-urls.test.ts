// Generated checks of the small gatekeepers secret hygiene rests on: log redaction (any token-shaped
// text inside any line), the API base URL rule (https only, plain http for loopback only, never
// credentials), and the openExternal allowlist (https vps.org pages only), including the usual
// look-alike tricks. The example-based tests live in test/unit (adapter-ipc, api-http, core-actions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../src/main/actions';
import { redactSecrets } from '../../src/main/redact';
import { createVpsClient } from '../../src/main/api/client';
import { ApiError } from '../../src/main/api/errors';
import { checkApiBaseUrl } from '../../src/shared/settings';

const tokenBody = fc.stringMatching(/^[A-Za-z0-9_-]{8,80}$/);

describe('redactSecrets', () => {
  it('removes any vps_ token from any line, wherever it sits', () => {
    fc.assert(
      fc.property(fc.string(), tokenBody, fc.string(), (before, body, after) => {
        const token = `vps_${body}`;
        // A letter or digit right before the token would make it part of a longer word: keep a gap.
        const line = `${before} ${token} ${after}`;
        expect(redactSecrets(line)).not.toContain(token);
      }),
      { numRuns: 500 },
    );
  });

  it('removes bearer values and token fields, in headers, JSON and key=value text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._~+/-]{12,60}$/), (secret) => {
        for (const line of [
          `Authorization: Bearer ${secret}`,
          `authorization: bearer ${secret}`,
          `{"token":"${secret}"}`,
          `token=${secret} next`,
          `"token": "${secret}"`,
        ]) {
          expect(redactSecrets(line), line).not.toContain(secret);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('API base URL rule', () => {
  const host = fc.domain();
  it('refuses plain http to any non-loopback host, and credentials anywhere', () => {
    fc.assert(
      fc.property(host, fc.webPath(), (h, path) => {
        expect(checkApiBaseUrl(`http://${h}${path}`)).toBe('insecure');
        expect(checkApiBaseUrl(`https://${h}${path}`)).toBeNull();
        expect(checkApiBaseUrl(`https://user:pw@${h}/`)).toBe('credentials');
      }),
      { numRuns: 300 },
    );
  });

  it('does not take look-alikes of loopback for loopback', () => {
    for (const url of [
      'http://127.0.0.1.evil.example/api/v1/',
      'http://localhost.evil.example/',
      'http://evil.example/127.0.0.1/',
      'http://evil.example#@127.0.0.1/',
      'ftp://127.0.0.1/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(checkApiBaseUrl(url), url).not.toBeNull();
    }
    for (const url of ['http://127.0.0.1:8787/api/v1/', 'http://localhost/', 'http://[::1]:9/']) {
      expect(checkApiBaseUrl(url), url).toBeNull();
    }
  });

  it('the client refuses to be built for a refused address, without quoting the token', () => {
    const token = 'vps_SECRETcanary_urlcheck_1234';
    for (const baseUrl of ['http://admin.vps.org/api/v1/', `https://${token}@admin.vps.org/`, 'nonsense']) {
      let caught: unknown = null;
      try {
        createVpsClient({ baseUrl, token });
      } catch (err) {
        caught = err;
      }
      expect(caught, baseUrl).toBeInstanceOf(ApiError);
      expect((caught as ApiError).message).not.toContain(token);
    }
  });
});

describe('openExternal allowlist', () => {
  it('allows only https pages on vps.org and its subdomains', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const parsed = new URL(url);
        const host = parsed.hostname.toLowerCase();
        const expected =
          parsed.protocol === 'https:' &&
          parsed.port === '' &&
          parsed.username === '' &&
          parsed.password === '' &&
          (host === 'vps.org' || host.endsWith('.vps.org'));
        expect(isAllowedExternalUrl(url)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses the look-alikes', () => {
    for (const url of [
      'https://vps.org.evil.example/',
      'https://evilvps.org/',
      'https://vps.org@evil.example/',
      'https://evil.example/#.vps.org',
      'https://evil.example/?u=https://vps.org',
      'http://admin.vps.org/',
      'https://admin.vps.org:8443/',
      'https://user@admin.vps.org/',
      'javascript://admin.vps.org/%0aalert(1)',
      'file://admin.vps.org/etc/passwd',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    expect(isAllowedExternalUrl('https://admin.vps.org/account/developers')).toBe(true);
  });
});
