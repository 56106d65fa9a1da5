/**
 * Reads every page of a list. The page count is computed from `count` and the size of the pages
 * actually returned (the server may cap page_size lower than asked); `next` is not trusted. Stops
 * safely on an early empty page or a page that brings nothing new; a list longer than MAX_PAGES pages
 * is refused as a bad response.
 */
import { badResponseError } from './errors';
import type { Page } from './schemas';

/** The page size asked for (the API's maximum). */
export const PAGE_SIZE = 100;

/**
 * The most pages one list may take: 200 pages of 100 is 20,000 items, far beyond any account's
 * servers or snapshots (each server holds at most 5). Without a bound a hostile or broken `count`
 * (say 1e9 with one item a page) would make the app send a request per page without end.
 */
export const MAX_PAGES = 200;

/** Fetches one page (1-based). */
export type FetchPage = (page: number) => Promise<Page>;

/**
 * Collects all items of a list. `keyOf` gives an item's identity so an item seen twice (the list
 * shifted while we read it) is kept once.
 */
export async function fetchAllPages<T>(
  fetchPage: FetchPage,
  parseItem: (raw: unknown) => T,
  keyOf: (item: T) => string,
): Promise<T[]> {
  const first = await fetchPage(1);
  const items = new Map<string, T>();
  const add = (raw: unknown[]): number => {
    let added = 0;
    for (const entry of raw) {
      const item = parseItem(entry);
      const key = keyOf(item);
      if (!items.has(key)) added++;
      items.set(key, item);
    }
    return added;
  };
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
    const next = await fetchPage(page);
    if (next.results.length === 0) break;
    if (add(next.results) === 0) break;
  }
  return [...items.values()];
}
