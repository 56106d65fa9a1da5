// `npm run soak`: the long fault soak (1,000 actions by default) of the real core against the
// simulator with 20% of requests faulted. Prints ONE summary line and exits non-zero unless
// nothing was duplicated, lost, repeated or unhandled and the app's final view equals the
// simulator's. Options: --operations N, --seed N, --speed N, --json (adds a detail line).
import { parseArgs } from 'node:util';
import type { FaultConfig } from '../src/simulator/index';
import { runSoak, soakPassed, summaryLine } from '../test/support/soak-driver';

/** 20% of requests faulted, spread over every kind the simulator can inject. */
export const SOAK_FAULTS: FaultConfig = {
  serverError: 0.05,
  rateLimit: 0.04,
  retryAfterSeconds: 1,
  drop: 0.04,
  dropAfterEffect: 0.03,
  malformed: 0.03,
  slowBody: 0.01,
  slowBodyMs: 600,
};

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    speed: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});

const operations = Number(values.operations);
const seed = Number(values.seed);
const speed = Number(values.speed);
if (!Number.isInteger(operations) || operations < 1 || !Number.isInteger(seed) || !(speed > 0)) {
  console.error('usage: npm run soak -- [--operations N] [--seed N] [--speed N] [--json]');
  process.exit(2);
}

const report = await runSoak({ operations, seed, speed, faults: SOAK_FAULTS });
const passed = soakPassed(report);
console.log(`${passed ? 'PASS' : 'FAIL'} ${summaryLine(report)}`);
if (values.json || !passed) {
  const { byAction, viewDiff, errors, missingNotifications, withoutReason, duplicateNames } = report;
  console.error(
    JSON.stringify({ byAction, viewDiff, errors, missingNotifications, withoutReason, duplicateNames }),
  );
}
process.exit(passed ? 0 : 1);
