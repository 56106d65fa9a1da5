/**
 * Reads every page of a list. The page count is computed from `count` and the size of the pages
 * actually returned (the server may cap page_size lower than asked); `next` is not trusted. Stops
 * safely on an early empty page or a page that brings nothing new. A whole list has budgets, not
 * only each page: at most MAX_PAGES pages, MAX_LIST_ITEMS items and MAX_LIST_BYTES bytes of answers,
 * so a hostile or broken server cannot make main hold gigabytes (or push them to the views).
 */
import { badResponseError } from './errors';
import type { BodyLimit, HttpResponse } from './http';
import { parsePage } from './schemas';

/** The page size asked for (the API's maximum). */
export const PAGE_SIZE = 100;

/**
 * The most pages one list may take: 200 pages of 100 is 20,000 items, far beyond any account's
 * servers or snapshots (each server holds at most 5). Without a bound a hostile or broken `count`
 * (say 1e9 with one item a page) would make the app send a request per page without end.
 */
export const MAX_PAGES = 200;

/** The most items one list may hold, however the server pages it (200 full pages). */
export const MAX_LIST_ITEMS = MAX_PAGES * PAGE_SIZE;

/**
 * The most bytes of answers one list may take in total. A real item is well under 1 KB, so 20,000
 * of them fit several times over; each page alone may still be up to MAX_BODY_BYTES (http.ts).
 */
export const MAX_LIST_BYTES = 32 * 1024 * 1024;

/** Fetches one page (1-based); the answer may have at most `limit` bytes. */
export type FetchPage = (page: number, limit: BodyLimit) => Promise<HttpResponse>;

const TOO_MANY_BYTES = `a list of more than ${MAX_LIST_BYTES / 1024 / 1024} MB in total`;

/**
 * Collects all items of a list. `keyOf` gives an item's identity so an item seen twice (the list
 * shifted while we read it) is kept once.
 */
export async function fetchAllPages<T>(
  fetchPage: FetchPage,
  parseItem: (raw: unknown) => T,
  keyOf: (item: T) => string,
): Promise<T[]> {
  let bytes = 0;
  const read = async (n: number) => {
    const res = await fetchPage(n, { bytes: MAX_LIST_BYTES - bytes, what: TOO_MANY_BYTES });
    bytes += res.bytes;
    return parsePage(res.body);
  };
  const items = new Map<string, T>();
  const add = (raw: unknown[]): number => {
    // Refused before parsing: the items themselves are what would fill memory.
    if (raw.length > MAX_LIST_ITEMS - items.size) {
      throw badResponseError(null, `a list of more than ${MAX_LIST_ITEMS} items`);
    }
    let added = 0;
    for (const entry of raw) {
      const item = parseItem(entry);
      const key = keyOf(item);
      if (!items.has(key)) added++;
      items.set(key, item);
    }
    return added;
  };
  const first = await read(1);
  add(first.results);
  const total = first.count;
  const pageLength = first.results.length;
  if (items.size >= total || pageLength === 0) return [...items.values()];
  // The server told us its real page size by the first page: derive the pages from it.
  const lastPage = Math.ceil(total / pageLength);
  // Refused before reading on: a list this long cannot be read whole, and a partial one would mislead.
  if (lastPage > MAX_PAGES) {
    throw badResponseError(
      null,
      `a list of ${total} items in ${lastPage} pages, more than ${MAX_PAGES} pages`,
    );
  }
  for (let page = 2; page <= lastPage && items.size < total; page++) {
    const next = await read(page);
    if (next.results.length === 0) break;
    if (add(next.results) === 0) break;
  }
  return [...items.values()];
}
