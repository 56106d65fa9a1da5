/**
 * `npm run simulator -- --port 8787 --token vps_demo_token --speed 20 [--seed demo|empty]
 * [--faults ...] [--failure-rate 0.1]`: runs the simulator alone. Prints exactly one line, the base
 * URL (never the token), and runs until SIGINT/SIGTERM. Bad arguments: a message and exit code 2.
 */
import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { startSimulator } from './index';

async function main(): Promise<void> {
  let request;
  try {
    request = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`simulator: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (request.help) {
    console.log(USAGE);
    return;
  }
  let sim;
  try {
    sim = await startSimulator(request.options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`simulator: cannot start: ${message}`);
    process.exit(1);
  }
  const stop = (): void => {
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Only now: whoever reads the URL may stop the simulator at once.
  console.log(sim.url);
}

void main();
