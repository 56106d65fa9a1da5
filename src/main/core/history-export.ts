/**
 * The history as a file the user keeps: JSON (the entries as data, for tools) or CSV (for a
 * spreadsheet, with the words in the user's language). A CSV cell that a spreadsheet would run as
 * a formula (it starts with = + - @, or a tab or carriage return) is prefixed with an apostrophe,
 * since names come from VPS.org and the settings file; cells are quoted as RFC 4180 says.
 */
import type { HistoryEntry } from '../../shared/history';
import { historyDetails, historyResult, historySource, historyWhat } from '../../shared/i18n/history-text';
import type { Translator } from '../../shared/i18n/translator';
import type { ExportFile, ExportFormat } from '../../shared/ipc';

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters that need the cell quoted. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: defused against formulas, then quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV columns: stable names for tools, then the words in the user's language. */
const CSV_HEADER = [
  'time',
  'kind',
  'flow',
  'source',
  'server_id',
  'server',
  'snapshot_id',
  'snapshot',
  'result',
  'what',
  'from',
  'outcome',
  'details',
];

/** The history as CSV (CRLF lines, a byte-order mark so spreadsheets read it as UTF-8). */
export function historyCsv(entries: readonly HistoryEntry[], tr: Translator): string {
  const rows = entries.map((e) => [
    e.at,
    e.kind,
    e.flow ?? '',
    e.source,
    String(e.serverId),
    e.serverName,
    e.snapshotId === null ? '' : String(e.snapshotId),
    e.snapshotName,
    e.result,
    historyWhat(e, tr),
    historySource(e, tr),
    historyResult(e, tr),
    historyDetails(e, tr),
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The history as JSON: the entries as data (no scope: it names the account and API address). */
export function historyJson(entries: readonly HistoryEntry[], exportedAt: string): string {
  const plain = entries.map(({ scope: _scope, ...entry }) => entry);
  return `${JSON.stringify({ exportedAt, entries: plain }, null, 2)}\n`;
}

/** The export file for a format, named with the local date and time it was made. */
export function historyFile(
  entries: readonly HistoryEntry[],
  format: ExportFormat,
  tr: Translator,
  now: Date,
): ExportFile {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const fileName = `vps-snapshot-history-${stamp}.${format}`;
  return format === 'csv'
    ? { fileName, mimeType: 'text/csv', content: historyCsv(entries, tr) }
    : { fileName, mimeType: 'application/json', content: historyJson(entries, now.toISOString()) };
}
