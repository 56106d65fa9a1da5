// The short fault soak run by `npm test`: 200 actions of the real core against the simulator over
// HTTP with 20% of requests faulted and a crash-restart mid-run, with the same bar as
// `npm run soak`. A negative control proves the duplicate count can see a duplicate. The figures
// are written to test-results/soak-summary.txt for the closing note.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VpsClient } from '../../src/main/api/types';
import { SOAK_FAULTS, runSoak, soakPassed, summaryLine } from '../support/soak-driver';

describe('fault soak (short)', () => {
  it('200 actions under 20% faults and a crash: nothing duplicated, lost, repeated or unhandled; views equal', async () => {
    const report = await runSoak({ operations: 200, seed: 20261123, speed: 10, faults: SOAK_FAULTS });
    const dir = join(process.cwd(), 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'soak-summary.txt'),
      `${summaryLine(report)}\n${JSON.stringify(report.byAction)}\n`,
    );

    expect(report.attempted).toBeGreaterThanOrEqual(200);
    expect(report.restarts).toBe(1);
    expect(report.runningAtRestart).toBeGreaterThan(0);
    // The run must really exercise the limit, the faults and the operations it checks.
    expect(report.byAction['create']?.refused ?? 0).toBeGreaterThan(0);
    expect(report.failed).toBeGreaterThan(0);
    expect(report.operationsStarted).toBeGreaterThan(20);
    expect(report.byAction['restore']?.succeeded ?? 0).toBeGreaterThan(0);
    expect(report.byAction['delete']?.succeeded ?? 0).toBeGreaterThan(0);

    expect(report.duplicateNames).toEqual([]);
    expect(report.duplicates).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.repeatedNotifications).toBe(0);
    expect(report.missingNotifications).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.unhandled).toBe(0);
    expect(report.withoutReason).toBe(0);
    // A restore whose answer was lost but that VPS.org started is tracked, not reported as failed.
    expect(report.unclearRestoresDone).toBe(0);
    expect(report.viewDiff).toEqual([]);
    expect(report.operationsFinished).toBe(report.operationsStarted);
    expect(soakPassed(report)).toBe(true);
  });

  it('negative control: a client that posts every create twice is caught as duplicates', async () => {
    const doublePoster = (client: VpsClient): VpsClient => ({
      ...client,
      async createSnapshot(input) {
        const first = await client.createSnapshot(input);
        await client.createSnapshot(input).catch(() => undefined);
        return first;
      },
    });
    const report = await runSoak({
      operations: 40,
      seed: 7,
      speed: 10,
      faults: {},
      restartAt: [],
      wrapClient: doublePoster,
    });
    expect(report.duplicates).toBeGreaterThan(0);
    expect(soakPassed(report)).toBe(false);
  });
});
