/**
 * `npm run bench`: builds (in the npm script), then runs every benchmark and prints one line per
 * figure (`name value unit budget pass|FAIL`). Exits non-zero when any budget is missed. The table
 * is also written to test-results/bench.txt. `--only api,size` runs some sections only.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { broken, anyFailed, formatTable, type Figure } from '../bench/report';

/** A section of the benchmark: loaded lazily so one missing module cannot stop the others. */
interface Section {
  name: string;
  run: () => Promise<Figure[]>;
}

const OUT = resolve('out');

const sections: Section[] = [
  { name: 'api', run: async () => (await import('../bench/api-cost')).apiCostBenchmark() },
  { name: 'renderer', run: async () => (await import('../bench/renderer-scale')).rendererScaleBenchmark() },
  { name: 'startup', run: async () => (await import('../bench/startup')).startupBenchmark(OUT) },
  { name: 'size', run: async () => (await import('../bench/size')).sizeBenchmark(OUT) },
  { name: 'policy', run: async () => (await import('../bench/policy-scale')).policyScaleBenchmark() },
];

/** The machine the figures come from, since timings mean nothing without it. */
function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1]?.trim() ?? model;
  } catch {
    // Not Linux: os.cpus() already gave a model.
  }
  const ram = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus().length} CPU(s), ${model}, ${ram} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/** Timings depend on what else runs: the load average tells a reader how quiet the machine was. */
function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const onlyArg = process.argv.find((a) => a.startsWith('--only'));
  const only = onlyArg
    ? (onlyArg.includes('=')
        ? onlyArg.split('=')[1]
        : process.argv[process.argv.indexOf(onlyArg) + 1]
      )?.split(',')
    : undefined;
  const loadAtStart = loadAverage();
  const figures: Figure[] = [];
  for (const section of sections) {
    if (only && !only.includes(section.name)) continue;
    process.stderr.write(`bench: ${section.name}...\n`);
    try {
      figures.push(...(await section.run()));
    } catch (error) {
      figures.push(broken(section.name, error));
    }
  }
  const header =
    `Machine: ${machine()}\n` +
    `Run: ${new Date().toISOString()}; load average ${loadAtStart} at the start, ${loadAverage()} at the end\n`;
  const text = `${header}\n${formatTable(figures)}\n`;
  process.stdout.write(text);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(resolve('test-results/bench.txt'), text);
  process.exitCode = anyFailed(figures) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
