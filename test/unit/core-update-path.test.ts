/**
 * The core's one update path: its data changes only through CoreContext.update (which publishes),
 * so whether a change reaches the views never depends on the order of calls. The type system stops
 * `ctx.data = …` (a getter); this also catches writes into the data's parts, in every core module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(process.cwd(), 'src/main/core');

/** Assignments (=, +=, ++ …) to ctx.data / ctx.state or anything inside them. */
const WRITE = /\bctx\.(?:data|state)\b[\w.[\]'"]*\s*(?:[-+*/]?=(?!=)|\+\+|--)/;

function writesIn(source: string): string[] {
  return source.split('\n').filter((line) => WRITE.test(line));
}

describe('the core update path', () => {
  it('no core module writes ctx.data or ctx.state directly', () => {
    const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      writesIn(readFileSync(join(CORE, f), 'utf8')).map((line) => `${f}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('negative control: the check sees each kind of direct write', () => {
    expect(writesIn('  ctx.data = { ...ctx.data, servers };')).toHaveLength(1);
    expect(writesIn('ctx.data.sync.refreshing = true;')).toHaveLength(1);
    expect(writesIn("ctx.data['servers'] = [];")).toHaveLength(1);
    expect(writesIn('ctx.state.operations.length += 1;')).toHaveLength(1);
    expect(writesIn('if (ctx.data.mode === "demo") ctx.update({ servers: [] });')).toEqual([]);
  });
});
