// The server list's pure helpers: the precomputed search index finds exactly what a field-by-field
// search finds (checked against that plain search on generated servers and needles), and the rows
// to render always include the selected one, wherever the list is scrolled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterServers, rowsToRender, searchIndex } from '../../src/renderer/lib/servers';
import type { ServerEntry } from '../../src/shared/state';
import { makeEntry, makeServer } from './fake-vps';

/** The plain search the index replaces: each field lowercased on every call. */
function plainFilter(entries: readonly ServerEntry[], text: string, status: string): ServerEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(({ server }) => {
    if (status && server.status !== status) return false;
    const fields = [server.name, server.hostname, server.location, server.plan.name, server.ipAddress];
    return !needle || fields.some((f) => f.toLowerCase().includes(needle));
  });
}

const word = fc.string({ unit: fc.constantFrom(...'abAB01-. É'), maxLength: 8 });
const entry = fc
  .record({
    name: word,
    hostname: word,
    location: word,
    plan: word,
    ipAddress: word,
    status: fc.constantFrom('active', 'stopped'),
  })
  .map(({ plan, ...fields }) => makeEntry({ ...fields, plan: { ...makeServer().plan, name: plan } }));

describe('filterServers with the search index', () => {
  it('finds what a field-by-field search finds', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        word,
        fc.constantFrom('', 'active', 'stopped'),
        (entries, text, status) => {
          const index = searchIndex(entries);
          expect(filterServers(entries, text, status, index)).toEqual(plainFilter(entries, text, status));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never matches across two fields', () => {
    const entries = [makeEntry({ name: 'web', hostname: 'host.example' })];
    expect(filterServers(entries, 'webhost', '', searchIndex(entries))).toEqual([]);
    expect(filterServers(entries, 'HOST.ex', '', searchIndex(entries))).toEqual(entries);
  });
});

describe('rowsToRender', () => {
  it('is the window, plus the selected row when it lies outside', () => {
    expect(rowsToRender(10, 14, 12)).toEqual([10, 11, 12, 13]);
    expect(rowsToRender(10, 14, 900)).toEqual([10, 11, 12, 13, 900]);
    expect(rowsToRender(10, 14, 3)).toEqual([10, 11, 12, 13, 3]);
    expect(rowsToRender(0, 3, -1)).toEqual([0, 1, 2]);
  });
});
