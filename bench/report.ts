/**
 * The benchmark table: one line per figure, `name value unit budget pass|FAIL`. A figure without a
 * budget (printed for comparison only) shows `-` as its budget and `info` as its verdict, so that
 * nothing is reported as passing a budget it never had.
 */

/** One measured figure. `pass` is null when the figure has no budget. */
export interface Figure {
  name: string;
  value: number | string;
  unit: string;
  /** The budget in words, e.g. `<= 62` or `< 200`; `-` when there is none. */
  budget: string;
  pass: boolean | null;
  /** Extra context printed after the table (e.g. where the cost comes from). */
  note?: string;
}

/** A figure with a numeric upper budget (inclusive when `inclusive` is true). */
export function underBudget(
  name: string,
  value: number,
  unit: string,
  limit: number,
  inclusive = false,
  note?: string,
): Figure {
  const pass = inclusive ? value <= limit : value < limit;
  return { name, value: round(value), unit, budget: `${inclusive ? '<=' : '<'} ${limit}`, pass, note };
}

/** A figure printed for comparison only. */
export function info(name: string, value: number | string, unit: string, note?: string): Figure {
  return {
    name,
    value: typeof value === 'number' ? round(value) : value,
    unit,
    budget: '-',
    pass: null,
    note,
  };
}

/** A benchmark that could not run: it counts as a failed budget, with the reason as its note. */
export function broken(name: string, error: unknown): Figure {
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { name, value: 'error', unit: '-', budget: 'runs', pass: false, note: reason };
}

/** Rounds to at most two decimals, so tables stay readable and stable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Formats the figures as an aligned table, followed by their notes. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    String(f.value),
    f.unit,
    f.budget,
    f.pass === null ? 'info' : f.pass ? 'pass' : 'FAIL',
  ]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
  return [...lines, ...(notes.length > 0 ? ['', 'Notes:', ...notes] : [])].join('\n');
}

/** True when any figure missed its budget. */
export function anyFailed(figures: readonly Figure[]): boolean {
  return figures.some((f) => f.pass === false);
}
