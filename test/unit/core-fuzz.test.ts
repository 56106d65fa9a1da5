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

const id = fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.string({ maxLength: 40 }));

function checkError(result: { ok: boolean; error?: { kind: string; message: string } }): void {
  if (result.ok) return;
  expect(KINDS).toContain(result.error?.kind);
  expect(result.error?.message.length).toBeGreaterThan(10);
  expect(result.error?.message).not.toContain(TEST_TOKEN);
}

describe('core actions under generated input', () => {
  it('restore with wrong confirmations never reaches VPS.org', async () => {
    await fc.assert(
      fc.asyncProperty(id, id, fc.string({ maxLength: 80 }), async (serverId, snapshotId, confirm) => {
        fc.pre(confirm !== 'web-server-01');
        const before = h.requests.filter((r) => r.method === 'POST').length;
        const result = await h.core.restoreSnapshot({ serverId, snapshotId, confirmServerName: confirm });
        expect(result.ok).toBe(false);
        checkError(result);
        expect(h.requests.filter((r) => r.method === 'POST').length).toBe(before);
      }),
      { numRuns: 60 },
    );
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
