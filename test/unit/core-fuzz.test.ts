/**
 * Whatever the inputs, the core's actions resolve a Result with a known error kind and a sentence,
 * never throw, never start a request for a refused input, and never echo the token. Inputs are
 * generated (fast-check) within what the IPC schemas let through, and beyond.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorKind } from '../../src/shared/state';
import { API_ERROR_KINDS } from '../../src/main/api/errors';
import { createHarness, TEST_TOKEN, type Harness } from './core-harness';

// The client's kinds plus the app's own: every ErrorKind.
const KINDS: ErrorKind[] = [
  ...API_ERROR_KINDS,
  'validation',
  'refused',
  'keychain',
  'not_signed_in',
  'internal',
];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.core.start();
  await h.core.settled();
});
afterAll(async () => {
  await h.cleanup();
});

function checkError(result: { ok: boolean; error?: { kind: string; message: string } }): void {
  if (result.ok) return;
  expect(KINDS).toContain(result.error?.kind);
  expect(result.error?.message.length).toBeGreaterThan(10);
  expect(result.error?.message).not.toContain(TEST_TOKEN);
}

describe('core actions under generated input', () => {
  it('restore of a real server with a wrong confirmation never reaches VPS.org', async () => {
    // Real servers and their real, restorable snapshots: only the typed name can stop the restore.
    const entries = h.core.getState().servers;
    const pairs = entries.flatMap((e) =>
      e.snapshots.filter((s) => s.status === 'completed').map((snapshot) => ({ server: e.server, snapshot })),
    );
    expect(new Set(pairs.map((p) => p.server.id)).size).toBeGreaterThanOrEqual(3);
    const names = entries.map((e) => e.server.name);
    /** Confirmations a hurried or tricked user might type instead of `name`. */
    const wrongFor = (name: string) =>
      fc
        .oneof(
          fc.constantFrom(
            name.toUpperCase(),
            `${name} `,
            ` ${name}`,
            name.slice(0, -1),
            `${name}x`,
            name.replace(/-/g, '_'),
            name.replace(/0/g, 'O'),
            `${name.slice(0, 3)}\u200b${name.slice(3)}`,
            `\u202e${name}`,
            name.normalize('NFKD') === name ? `${name}\u0301` : name.normalize('NFKD'),
            '',
          ),
          fc.constantFrom(...names),
          fc.nat({ max: name.length }).map((cut) => name.slice(0, cut)),
          fc.string({ maxLength: 80 }),
        )
        .filter((confirm) => confirm !== name);
    const cases = fc
      .constantFrom(...pairs)
      .chain((pair) => fc.tuple(fc.constant(pair), wrongFor(pair.server.name)));
    const posts = () => h.requests.filter((r) => r.method === 'POST').length;
    await fc.assert(
      fc.asyncProperty(cases, async ([{ server, snapshot }, confirm]) => {
        const before = posts();
        const result = await h.core.restoreSnapshot({
          serverId: server.id,
          snapshotId: snapshot.id,
          confirmServerName: confirm,
        });
        expect(result.ok).toBe(false);
        checkError(result);
        // Refused for the confirmation itself, not for some other reason.
        if (!result.ok) expect(result.error.code).toBe('core.restoreConfirm');
        expect(posts()).toBe(before);
      }),
      { numRuns: 150 },
    );
    expect(h.sim.snapshot().servers.some((s) => s.status === 'restoring')).toBe(false);

    // Negative control: the same call with the right name does reach VPS.org, so the property can fail.
    const control = pairs.find((p) => p.server.name === 'edge-proxy-01');
    if (control === undefined) throw new Error('the demo seed has no edge-proxy-01 snapshot');
    const before = posts();
    const right = await h.core.restoreSnapshot({
      serverId: control.server.id,
      snapshotId: control.snapshot.id,
      confirmServerName: control.server.name,
    });
    expect(right.ok).toBe(true);
    expect(posts()).toBe(before + 1);
    await h.core.settled();
  });

  it('creates with generated names either start a valid snapshot or say why not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 40 }),
        async (name, description) => {
          const result = await h.core.createSnapshot({ serverId: 12345, name, description });
          checkError(result);
          if (result.ok) {
            expect(result.value.snapshotName).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
            // Make room again so later runs are not all refused for the limit.
            await h.core.settled();
            await h.scheduler.advance(11 * 60_000);
            const del = await h.core.deleteSnapshot({
              serverId: 12345,
              snapshotId: result.value.snapshotId ?? -1,
            });
            checkError(del);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('settings patches are applied or refused, never half-applied', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            apiBaseUrl: fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })),
            pollIntervalSeconds: fc.integer({ min: -5, max: 400 }),
            nameTemplate: fc.string({ maxLength: 30 }),
          },
          { requiredKeys: [] },
        ),
        async (patch) => {
          const before = h.core.getState().settings;
          // Keep the simulator's address: a generated one would sign the core out.
          const result = await h.core.updateSettings({ ...patch, apiBaseUrl: undefined });
          checkError(result);
          const after = h.core.getState().settings;
          if (!result.ok) expect(after).toEqual(before);
          else expect(after).toEqual(result.value);
          if (patch.apiBaseUrl !== undefined) {
            const probe = await h.core.updateSettings({
              apiBaseUrl: patch.apiBaseUrl,
              pollIntervalSeconds: 0,
            });
            expect(probe.ok).toBe(false);
            expect(h.core.getState().settings.apiBaseUrl).toBe(h.sim.url);
          }
        },
      ),
      { numRuns: 80 },
    );
    expect(h.core.getState().mode).toBe('account');
  });
});
