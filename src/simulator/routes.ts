/**
 * The API's endpoints: matching a path to a route, and each route's answer. Everything here is
 * plain data in, plain data out; the HTTP server (server.ts) handles sockets, auth and faults.
 */
import { pageOf, readPageRequest } from './paging';
import { HttpProblem } from './problem';
import type { CreateInput, SimStore } from './store';

/** The root every API path lives under. */
export const API_ROOT = '/api/v1';

/** What a route gets. */
export interface RouteContext {
  store: SimStore;
  /** Path parameters in order (decoded). */
  params: string[];
  query: URLSearchParams;
  /** The full request URL (for next/previous links). */
  url: URL;
  /** The raw request body (empty string when none). */
  body: string;
}

/** A successful answer; errors are thrown as HttpProblem. */
export interface RouteAnswer {
  status: number;
  /** Undefined means no body (204). */
  body?: unknown;
}

type Handler = (ctx: RouteContext) => RouteAnswer;

interface Route {
  /** Path below the API root with `{id}` for a parameter, e.g. `/snapshots/{id}/restore/`. */
  template: string;
  methods: Partial<Record<string, Handler>>;
}

/** The demo account behind every valid token. */
const ACCOUNT = {
  account: {
    email: 'demo@example.com',
    first_name: 'Demo',
    last_name: 'User',
    company_name: 'Example Hosting Ltd',
    created_at: '2024-03-01T09:00:00Z',
  },
  token: { name: 'Snapshot Tray', permissions: ['servers:read', 'snapshots:read', 'snapshots:write'] },
};

function optionalFilter(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

/** Validates the create body; 400 with a plain detail for each problem. */
function readCreateInput(raw: string): CreateInput {
  let body: unknown;
  try {
    body = raw.trim() === '' ? undefined : JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpProblem(400, 'The request body must be a JSON object with server_id and name.');
  }
  const fields = body as Record<string, unknown>;
  const serverId = fields['server_id'];
  if (serverId === undefined || serverId === null) throw new HttpProblem(400, 'server_id is required.');
  const idOk =
    (typeof serverId === 'number' && Number.isSafeInteger(serverId)) ||
    (typeof serverId === 'string' && serverId.length > 0);
  if (!idOk) throw new HttpProblem(400, 'server_id must be a server id.');
  const name = fields['name'];
  if (name === undefined || name === null) throw new HttpProblem(400, 'name is required.');
  if (typeof name !== 'string') throw new HttpProblem(400, 'name must be a string.');
  const description = fields['description'] ?? '';
  if (typeof description !== 'string') throw new HttpProblem(400, 'description must be a string.');
  return { serverId: serverId as number | string, name, description };
}

const ROUTES: Route[] = [
  {
    template: '/account/me/',
    methods: { GET: () => ({ status: 200, body: ACCOUNT }) },
  },
  {
    template: '/servers/',
    methods: {
      GET: ({ store, query, url }) => {
        const request = readPageRequest(query);
        const servers = store.listServers({
          status: optionalFilter(query, 'status'),
          location: optionalFilter(query, 'location'),
        });
        return { status: 200, body: pageOf(servers, request, url) };
      },
    },
  },
  {
    template: '/servers/{id}/',
    methods: { GET: ({ store, params }) => ({ status: 200, body: store.getServer(params[0] ?? '') }) },
  },
  {
    template: '/snapshots/',
    methods: {
      GET: ({ store, query, url }) => {
        const request = readPageRequest(query);
        const snapshots = store.listSnapshots(optionalFilter(query, 'server_id'));
        return { status: 200, body: pageOf(snapshots, request, url) };
      },
      POST: ({ store, body }) => {
        const snapshot = store.createSnapshot(readCreateInput(body));
        const message =
          'Snapshot creation started. It takes 3-10 minutes depending on the server size; ' +
          'stopping the server first gives a consistent filesystem.';
        return { status: 201, body: { ...snapshot, message } };
      },
    },
  },
  {
    template: '/snapshots/{id}/restore/',
    methods: { POST: ({ store, params }) => ({ status: 200, body: store.restoreSnapshot(params[0] ?? '') }) },
  },
  {
    template: '/snapshots/{id}/',
    methods: {
      DELETE: ({ store, params }) => {
        store.deleteSnapshot(params[0] ?? '');
        return { status: 204 };
      },
    },
  },
];

/** A path matched against the route table. */
export interface Resolved {
  /** The matching route, or null for an unknown path. */
  route: Route | null;
  /** The template (or, for unknown paths, the path with id-like segments replaced). */
  template: string;
  params: string[];
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Looks a path below the API root up in the route table. */
export function resolve(path: string): Resolved {
  const segments = path.split('/');
  for (const route of ROUTES) {
    const parts = route.template.split('/');
    if (parts.length !== segments.length) continue;
    const params: string[] = [];
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const want = parts[i];
      const got = segments[i] ?? '';
      if (want === '{id}') {
        const value = decode(got);
        ok = value !== null && value !== '';
        if (value !== null) params.push(value);
      } else {
        ok = want === got;
      }
    }
    if (ok) return { route, template: route.template, params };
  }
  // Unknown paths are still counted, with id-like segments folded so counts stay readable.
  const template = segments.map((s) => (/^(\d+|[0-9a-f-]{32,36})$/i.test(s) ? '{id}' : s)).join('/');
  return { route: null, template, params: [] };
}

/** Answers a request on a resolved route; throws HttpProblem for 404/405 and every API error. */
export function answer(resolved: Resolved, method: string, ctx: Omit<RouteContext, 'params'>): RouteAnswer {
  if (resolved.route === null) throw new HttpProblem(404, 'Not found.');
  const handler = resolved.route.methods[method];
  if (handler === undefined) {
    const allow = Object.keys(resolved.route.methods).join(', ');
    throw new HttpProblem(405, `Method "${method}" not allowed.`, { Allow: allow });
  }
  return handler({ ...ctx, params: resolved.params });
}
