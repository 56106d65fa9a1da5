import { describe, expect, it } from 'vitest';
import {
  ApiError,
  cancelledError,
  errorFromResponse,
  isApiError,
  kindForStatus,
  mentionsSnapshotLimit,
  readServerMessage,
  toAppError,
} from '../../src/main/api/errors';

const TOKEN = 'vps_secret_token_abc123';

describe('readServerMessage', () => {
  it('reads {"detail"}', () => {
    expect(readServerMessage('{"detail":"Server not found."}', 'application/json').text).toBe(
      'Server not found.',
    );
  });

  it('cleans bidi overrides and zero-width characters, and a token hidden by one is still redacted', () => {
    const hidden = `${TOKEN.slice(0, 6)}\u200b${TOKEN.slice(6)}`;
    const said = readServerMessage(
      JSON.stringify({ detail: `Server \u202eevil\u202c ${hidden}`, name: [`bad\u2066 ${hidden}`] }),
      'application/json',
      TOKEN,
    );
    expect(said.text).toBe('Server evil [token hidden]');
    expect(said.fields).toEqual({ name: ['bad [token hidden]'] });
    const e = errorFromResponse(400, JSON.stringify({ detail: `x ${hidden}` }), 'application/json', {
      token: TOKEN,
    });
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).not.toMatch(/[\u200b\u202e\u2066]/);
  });

  it('reads {"error"} and {"message"}', () => {
    expect(readServerMessage('{"error":"Bad server_id"}', null).text).toBe('Bad server_id');
    expect(readServerMessage('{"message":"Nope"}', null).text).toBe('Nope');
  });

  it('reads a field map into labelled sentences and keeps the fields', () => {
    const said = readServerMessage(
      '{"name":["Only letters, digits, hyphens and underscores."],"server_id":["Required."]}',
      'application/json',
    );
    expect(said.text).toBe('Name: Only letters, digits, hyphens and underscores.; Server id: Required.');
    expect(said.fields).toEqual({
      name: ['Only letters, digits, hyphens and underscores.'],
      server_id: ['Required.'],
    });
  });

  it('reads non_field_errors without a label', () => {
    expect(readServerMessage('{"non_field_errors":["Snapshot limit reached"]}', null).text).toBe(
      'Snapshot limit reached',
    );
  });

  it('gives null for an empty body, whitespace, or JSON with no text', () => {
    expect(readServerMessage('', null).text).toBeNull();
    expect(readServerMessage('   \n', null).text).toBeNull();
    expect(readServerMessage('{}', null).text).toBeNull();
    expect(readServerMessage('{"code": 17}', null).text).toBeNull();
  });

  it('never returns HTML, by content type or by shape', () => {
    const page = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
    expect(readServerMessage(page, 'text/html; charset=utf-8').text).toBeNull();
    expect(readServerMessage(page, null).text).toBeNull();
    expect(readServerMessage('Bad Gateway', 'text/html').text).toBeNull();
  });

  it('keeps short plain text, collapses whitespace and clips long text', () => {
    expect(readServerMessage('Service  temporarily\n unavailable', 'text/plain').text).toBe(
      'Service temporarily unavailable',
    );
    const long = readServerMessage('x'.repeat(1000), 'text/plain').text ?? '';
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith('…')).toBe(true);
  });

  it('hides the token if a server echoes it back', () => {
    const said = readServerMessage(`{"detail":"Invalid token ${TOKEN}"}`, null, TOKEN);
    expect(said.text).not.toContain(TOKEN);
    expect(said.text).toContain('[token hidden]');
  });
});

describe('limit rule', () => {
  const said = (body: string) => readServerMessage(body, 'application/json');

  it.each([
    '{"detail":"Snapshot limit reached (5/5)."}',
    '{"detail":"Maximum number of snapshots reached for this server"}',
    '{"error":"You have reached the snapshot limit"}',
    '{"detail":"Snapshot quota exceeded"}',
    '{"detail":"Too many snapshots for this server."}',
    '{"non_field_errors":["Limit of 5 snapshots per server reached."]}',
    '{"server_id":["This server already has the maximum of 5 snapshots."]}',
  ])('400 %s is limit_reached', (body) => {
    expect(kindForStatus(400, said(body))).toBe('limit_reached');
  });

  it.each([
    '{"name":["Ensure this field has no more than 64 characters (limit)."]}',
    '{"detail":"Name exceeds the character limit"}',
    '{"detail":"Name may only contain letters, digits, hyphens and underscores"}',
    '{"detail":"Server is not in a state that allows a restore"}',
    '{"name":["Maximum snapshot name length is 64"]}',
    '',
    '<html>limit</html>',
  ])('400 %s is invalid', (body) => {
    expect(kindForStatus(400, said(body))).toBe('invalid');
  });

  it('never calls a non-400 status a limit', () => {
    expect(mentionsSnapshotLimit(said('{"detail":"limit"}'))).toBe(true);
    expect(kindForStatus(422, said('{"detail":"limit"}'))).toBe('invalid');
    expect(kindForStatus(429, said('{"detail":"rate limit"}'))).toBe('rate_limited');
  });
});

describe('kindForStatus', () => {
  const none = { text: null, fields: {} };
  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [400, 'invalid'],
    [409, 'invalid'],
    [422, 'invalid'],
    [429, 'rate_limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
  ] as const)('%i -> %s', (status, kind) => {
    expect(kindForStatus(status, none)).toBe(kind);
  });
});

describe('errorFromResponse', () => {
  it('uses the server text for invalid and not_found', () => {
    const e = errorFromResponse(404, '{"detail":"Snapshot 999 not found."}', 'application/json');
    expect(e).toBeInstanceOf(ApiError);
    expect(e.kind).toBe('not_found');
    expect(e.status).toBe(404);
    expect(e.message).toBe('Snapshot 999 not found.');
  });

  it('falls back to a plain sentence for an empty or HTML body', () => {
    const e = errorFromResponse(503, '<html><body>Service Unavailable</body></html>', 'text/html');
    expect(e.kind).toBe('server');
    expect(e.message).toBe('VPS.org had a problem answering (HTTP 503). Try again in a moment.');
    expect(e.message).not.toMatch(/</);
    const empty = errorFromResponse(400, '', null);
    expect(empty.message).toBe('VPS.org refused the request as invalid.');
  });

  it('leads with its own advice for 401 and quotes the server', () => {
    const e = errorFromResponse(401, '{"detail":"Invalid token."}', 'application/json');
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/did not accept the API token/);
    expect(e.message).toMatch(/VPS.org said: Invalid token\./);
  });

  it('says how long to wait for a 429 with Retry-After', () => {
    const e = errorFromResponse(429, '', null, { retryAfterMs: 30_000 });
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(30_000);
    expect(e.message).toMatch(/Try again in 30 seconds/);
  });

  it('explains the limit with the server text', () => {
    const e = errorFromResponse(400, '{"detail":"Snapshot limit reached (5/5)."}', null);
    expect(e.kind).toBe('limit_reached');
    expect(e.message).toMatch(/most snapshots allowed \(5\)/);
    expect(e.message).toMatch(/5\/5/);
  });

  it('serialises to public facts only', () => {
    const e = errorFromResponse(404, '{"detail":"x"}', null);
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'ApiError',
      kind: 'not_found',
      status: 404,
      message: 'x',
    });
  });
});

describe('toAppError', () => {
  it('keeps kind and message of an ApiError', () => {
    expect(toAppError(new ApiError('timeout', null, 'slow'))).toEqual({ kind: 'timeout', message: 'slow' });
  });

  it('hides the text of anything else', () => {
    const app = toAppError(new Error(`boom ${TOKEN}`));
    expect(app.kind).toBe('internal');
    expect(app.message).not.toContain(TOKEN);
    expect(toAppError('string').kind).toBe('internal');
  });
});

describe('isApiError and cancelledError say what they do', () => {
  it('isApiError is an instanceof check: a look-alike object is not an ApiError', () => {
    expect(isApiError(new ApiError('server', 500, 'x'))).toBe(true);
    expect(isApiError({ name: 'ApiError', kind: 'server', status: 500, message: 'x' })).toBe(false);
  });

  it('a cancelled request has kind cancelled, not network (which reads as offline)', () => {
    expect(cancelledError().kind).toBe('cancelled');
    expect(toAppError(cancelledError())).toEqual({
      kind: 'cancelled',
      message: 'The request was cancelled before VPS.org answered.',
    });
  });
});

describe('errorFromResponse for any body', () => {
  it('never returns the token, never starts with markup, stays bounded', async () => {
    const { default: fc } = await import('fast-check');
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.string().map((s) => `<html><body>${s}${TOKEN}</body></html>`),
      fc.string().map((s) => JSON.stringify({ detail: `${s}${TOKEN}${s}` })),
      fc
        .dictionary(fc.string({ minLength: 1 }), fc.array(fc.string()))
        .map((m) => JSON.stringify({ ...m, x: [TOKEN] })),
    );
    fc.assert(
      fc.property(body, fc.constantFrom(400, 401, 404, 422, 429, 500, 503), (raw, status) => {
        const e = errorFromResponse(status, raw, null, { token: TOKEN });
        return (
          !e.message.includes(TOKEN) &&
          !/^\s*</.test(e.message) &&
          e.message.length < 600 &&
          !JSON.stringify(e.fields).includes(TOKEN)
        );
      }),
    );
  });
});

it('wraps a field message that opens like markup in our own sentence (fast-check counterexample)', () => {
  const e = errorFromResponse(400, '[{"<":"!"}]', null);
  expect(e.kind).toBe('invalid');
  expect(e.message).toMatch(/^VPS\.org refused the request/);
});

it('redacts before clipping, so no prefix of the token survives a cut', () => {
  for (let pad = 280; pad < 300; pad++) {
    const said = readServerMessage(JSON.stringify({ detail: `${'a'.repeat(pad)}${TOKEN}` }), null, TOKEN);
    expect(said.text).not.toContain(TOKEN.slice(0, 8));
  }
});
