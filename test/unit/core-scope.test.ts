/** Which operations belong to the API address and account in use (scope.ts). */
import { describe, expect, it } from 'vitest';
import { inScope, scopeText } from '../../src/main/core/scope';

const A = 'https://api.vps.org/api/v1/';
const B = 'http://127.0.0.1:8787/api/v1/';

describe('operation scope', () => {
  it('old operations without a scope count as current', () => {
    expect(inScope({}, { url: A, email: 'a@example.com' })).toBe(true);
  });

  it('matches the address (trailing slash ignored) and the account', () => {
    const scope = scopeText({ url: A, email: 'a@example.com' });
    expect(inScope({ scope }, { url: A.replace(/\/$/, ''), email: 'a@example.com' })).toBe(true);
    expect(inScope({ scope }, { url: B, email: 'a@example.com' })).toBe(false);
    expect(inScope({ scope }, { url: A, email: 'b@example.com' })).toBe(false);
    expect(inScope({ scope }, null)).toBe(false);
  });

  it('while the account is not known yet, the address decides', () => {
    const scope = scopeText({ url: A, email: 'a@example.com' });
    expect(inScope({ scope }, { url: A, email: null })).toBe(true);
    expect(inScope({ scope }, { url: B, email: null })).toBe(false);
  });
});
