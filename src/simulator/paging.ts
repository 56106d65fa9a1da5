/**
 * Paging of every list, as the provider's tooling shows it: `page` from 1, `page_size` default 20
 * and at most 100. Decisions where nothing is documented (the client copes with each):
 * - `page` or `page_size` that is not a positive whole number -> 400 with a detail;
 * - `page_size` above 100 is clamped to 100 (the answer simply holds fewer items than asked);
 * - a page past the end -> 200 with empty `results` and the true `count`, so a client reading
 *   while the list shrinks stops cleanly instead of failing.
 * Answers carry `next`/`previous` links (absolute URLs or null) like common REST frameworks.
 */
import { HttpProblem } from './problem';

/** Default and largest page sizes. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** The page a request asks for. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The list body: `{count, next, previous, results}`. */
export interface PageBody<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

function positiveInt(raw: string | null, name: string, fallback: number): number {
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    throw new HttpProblem(400, `${name} must be a whole number of at least 1.`);
  }
  return Number(raw);
}

/** Reads `page` and `page_size` from the query; 400 when either is not a positive whole number. */
export function readPageRequest(query: URLSearchParams): PageRequest {
  const page = positiveInt(query.get('page'), 'page', 1);
  const pageSize = Math.min(
    positiveInt(query.get('page_size'), 'page_size', PAGE_SIZE.default),
    PAGE_SIZE.max,
  );
  return { page, pageSize };
}

/** Cuts one page out of a full list; `url` is the request URL, used for next/previous links. */
export function pageOf<T>(items: T[], request: PageRequest, url: URL): PageBody<T> {
  const start = (request.page - 1) * request.pageSize;
  const link = (page: number): string => {
    const target = new URL(url);
    target.searchParams.set('page', String(page));
    target.searchParams.set('page_size', String(request.pageSize));
    return target.toString();
  };
  const lastPage = Math.max(1, Math.ceil(items.length / request.pageSize));
  return {
    count: items.length,
    next: request.page < lastPage ? link(request.page + 1) : null,
    previous: request.page > 1 ? link(Math.min(request.page - 1, lastPage)) : null,
    results: items.slice(start, start + request.pageSize),
  };
}
