// `npm run soak`: the long fault soak (1,000 actions by default) of the real core against the
// simulator with about 20% of requests faulted (late effects included), servers stopped before they
// restore and no GET /servers/{id}/, three crash-restarts and three crashes between saving an
// operation's end and announcing it. Prints ONE summary line and exits non-zero unless nothing was
// duplicated, lost, repeated or unhandled and the app's final view equals the simulator's.
// Options: --operations N, --seed N, --speed N, --json (adds a detail line).
import { parseArgs } from 'node:util';
import { SOAK_FAULTS, runSoak, soakPassed, summaryLine } from '../test/support/soak-driver';

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

// Three crashes in the long run, each while operations are running, and three right after a save.
const report = await runSoak({
  operations,
  seed,
  speed,
  faults: SOAK_FAULTS,
  restartAt: [0.25, 0.5, 0.75],
  saveCrashAt: [0.2, 0.6, 0.9],
});
const passed = soakPassed(report);
console.log(`${passed ? 'PASS' : 'FAIL'} ${summaryLine(report)}`);
if (values.json || !passed) {
  const { byAction, viewDiff, errors, missingNotifications, withoutReason, duplicateNames } = report;
  console.error(
    JSON.stringify({ byAction, viewDiff, errors, missingNotifications, withoutReason, duplicateNames }),
  );
}
process.exit(passed ? 0 : 1);
