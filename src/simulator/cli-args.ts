/**
 * Command-line arguments of `npm run simulator`, parsed with node:util parseArgs. Kept apart from
 * cli.ts so the rules can be tested without spawning a process.
 */
import { parseArgs } from 'node:util';
import { FAULT_NUMBER_KEYS, FAULT_SHARE_KEYS } from './faults';
import type { FaultConfig, SeedName, SimulatorOptions } from './types';

/** A bad command line: the message is shown to the user and the process exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** How to call the simulator. */
export const USAGE = `Usage: npm run simulator -- [--port 8787] [--token vps_demo_token] [--speed 20]
         [--seed demo|empty] [--failure-rate 0.1]
         [--faults serverError=0.2,rateLimit=0.1,retryAfterSeconds=2,drop=0.05,latencyMs=300,...]
Fault keys: latencyMs, serverError, rateLimit, retryAfterSeconds, retryAfterAsDate, drop,
dropAfterEffect, lateEffect, lateEffectMs, lateEffectAnswer (drop|gatewayTimeout|garbled2xx),
malformed, slowBody, slowBodyMs, only (e.g. "only=POST /snapshots/").
Prints the base URL on one line and runs until stopped (Ctrl+C).`;

const LATE_EFFECT_ANSWERS = ['drop', 'gatewayTimeout', 'garbled2xx'] as const;

function number(raw: string, what: string, min: number, max = Infinity, exclusiveMin = false): number {
  const value = raw.trim() === '' ? NaN : Number(raw);
  const low = exclusiveMin ? value > min : value >= min;
  if (!Number.isFinite(value) || !low || value > max) {
    const range =
      max === Infinity ? `${exclusiveMin ? 'above' : 'at least'} ${min}` : `between ${min} and ${max}`;
    throw new UsageError(`${what} must be a number ${range} (got "${raw}").`);
  }
  return value;
}

/** Parses `key=value,key=value` into a FaultConfig. */
export function parseFaults(text: string): FaultConfig {
  const faults: FaultConfig = {};
  for (const item of text.split(',')) {
    if (item.trim() === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) throw new UsageError(`--faults: "${item}" is not key=value.`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if ((FAULT_SHARE_KEYS as readonly string[]).includes(key)) {
      faults[key as (typeof FAULT_SHARE_KEYS)[number]] = number(value, `--faults ${key}`, 0, 1);
    } else if ((FAULT_NUMBER_KEYS as readonly string[]).includes(key)) {
      faults[key as (typeof FAULT_NUMBER_KEYS)[number]] = number(value, `--faults ${key}`, 0);
    } else if (key === 'retryAfterAsDate') {
      if (value !== 'true' && value !== 'false')
        throw new UsageError('--faults retryAfterAsDate must be true or false.');
      faults.retryAfterAsDate = value === 'true';
    } else if (key === 'lateEffectAnswer') {
      const answer = LATE_EFFECT_ANSWERS.find((a) => a === value);
      if (answer === undefined)
        throw new UsageError(`--faults lateEffectAnswer must be one of ${LATE_EFFECT_ANSWERS.join(', ')}.`);
      faults.lateEffectAnswer = answer;
    } else if (key === 'only') {
      faults.only = value;
    } else {
      throw new UsageError(`--faults: unknown key "${key}".`);
    }
  }
  return faults;
}

/** What the command line asks for: simulator options, or help. */
export type CliRequest = { help: true } | { help: false; options: SimulatorOptions };

/** Parses the arguments after the script name; throws UsageError on anything wrong. */
export function parseCliArgs(argv: string[]): CliRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        token: { type: 'string' },
        speed: { type: 'string' },
        seed: { type: 'string' },
        faults: { type: 'string' },
        'failure-rate': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const options: SimulatorOptions = {};
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65_535) {
      throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${values.port}").`);
    }
    options.port = Number(values.port);
  }
  if (values.token !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(values.token))
      throw new UsageError('--token must be printable text without spaces.');
    options.token = values.token;
  }
  if (values.speed !== undefined) options.speed = number(values.speed, '--speed', 0, Infinity, true);
  if (values.seed !== undefined) {
    if (values.seed !== 'demo' && values.seed !== 'empty') {
      throw new UsageError(`--seed must be demo or empty (got "${values.seed}").`);
    }
    options.seed = values.seed satisfies SeedName;
  }
  if (values['failure-rate'] !== undefined) {
    options.failureRate = number(values['failure-rate'], '--failure-rate', 0, 1);
  }
  if (values.faults !== undefined) options.faults = parseFaults(values.faults);
  return { help: false, options };
}
