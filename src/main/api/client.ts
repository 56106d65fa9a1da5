/**
 * The typed VPS.org client: one function per endpoint, answers validated and mapped onto domain
 * types, every failure an ApiError. No Electron here: it runs in tests and under plain Node.
 */
import * as v from 'valibot';
import type { Id, Snapshot } from '../../shared/domain';
import { english } from '../../shared/i18n/translator';
import { apiUrlRule, descriptionRule, nameRule } from '../../shared/i18n/rules';
import type { CatalogMessage } from '../../shared/state';
import { normalizeApiBaseUrl } from '../../shared/settings';
import { IdSchema } from '../../shared/ipc';
import { realSleep } from './backoff';
import { ApiError } from './errors';
import { createHttp, type HttpRequest } from './http';
import { fetchAllPages, PAGE_SIZE } from './pagination';
import { parseAccount, parseRestore, parseServer, parseSnapshot } from './schemas';
import type { ClientOptions, ServerFilter, VpsClient } from './types';
import { snapshotOfCreate, writeOutcome, type CreateRequest } from './unclear-writes';

/** Defaults for the tunable options. */
export const CLIENT_DEFAULTS = {
  timeoutMs: 15_000,
  maxRetries: 3,
  backoffMs: 500,
  maxRetryAfterMs: 60_000,
} as const;

/**
 * An id as one URL path segment. Only ids that fit the contract's pattern get there (the answer an
 * id came from may be hostile, and so may the settings file): never `.` or `..`, a slash or a
 * percent sign that could make the request reach another path.
 */
function segment(id: Id): string {
  if (!v.is(IdSchema, id))
    throw new ApiError('invalid', null, 'The app refused an id it cannot use in a request.');
  return encodeURIComponent(String(id));
}

/** A refusal worded by a shared input rule (the same words the core's guards use). */
function ruleError(rule: CatalogMessage): ApiError {
  return new ApiError('invalid', null, english().t(rule.code, rule.params), { rule });
}

/** Checks the base URL and token; throws an ApiError of kind `invalid` (status null) if unusable. */
function checkOptions(options: ClientOptions): string {
  const urlRule = apiUrlRule(options.baseUrl);
  if (urlRule !== null) throw ruleError(urlRule);
  // A header value with control characters would make fetch throw an error that may quote it.
  if (!/^[\x21-\x7e]+$/.test(options.token)) {
    throw new ApiError('invalid', null, 'The API token is empty or contains characters a token cannot have.');
  }
  return normalizeApiBaseUrl(options.baseUrl);
}

/** Builds a client. Throws an ApiError (`invalid`) for a refused base URL or an unusable token. */
export function createVpsClient(options: ClientOptions): VpsClient {
  const baseUrl = checkOptions(options);
  const now = options.now ?? Date.now;
  const request: HttpRequest = createHttp({
    baseUrl,
    token: options.token,
    timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
    maxRetries: options.maxRetries ?? CLIENT_DEFAULTS.maxRetries,
    backoffMs: options.backoffMs ?? CLIENT_DEFAULTS.backoffMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? CLIENT_DEFAULTS.maxRetryAfterMs,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? realSleep,
    random: Math.random,
    now,
    onRequest: options.onRequest,
  });

  async function listSnapshots(serverId?: Id, signal?: AbortSignal): Promise<Snapshot[]> {
    return fetchAllPages(
      (page, bodyLimit) => {
        const query = {
          page,
          page_size: PAGE_SIZE,
          server_id: serverId === undefined ? undefined : String(serverId),
        };
        return request({ method: 'GET', path: 'snapshots/', query, signal, bodyLimit });
      },
      (raw) => parseSnapshot(raw, serverId),
      (s) => String(s.id),
    );
  }

  /**
   * After an unclear create: the snapshot this request made, if VPS.org lists it already (see
   * snapshotOfCreate for the rule), or null. `'unknown'` when the list could not be read either.
   */
  async function findCreated(created: CreateRequest): Promise<Snapshot | null | 'unknown'> {
    try {
      return snapshotOfCreate(await listSnapshots(created.serverId), created);
    } catch {
      return 'unknown';
    }
  }

  return {
    async getAccount(signal) {
      const res = await request({ method: 'GET', path: 'account/me/', signal });
      return parseAccount(res.body);
    },

    async listServers(filter: ServerFilter = {}, signal?: AbortSignal) {
      return fetchAllPages(
        (page, bodyLimit) => {
          const query = { page, page_size: PAGE_SIZE, status: filter.status, location: filter.location };
          return request({ method: 'GET', path: 'servers/', query, signal, bodyLimit });
        },
        parseServer,
        (s) => String(s.id),
      );
    },

    async getServer(id, signal) {
      const res = await request({ method: 'GET', path: `servers/${segment(id)}/`, signal });
      return parseServer(res.body);
    },

    listSnapshots,

    async createSnapshot(input) {
      const badName = nameRule(input.name);
      if (badName !== null) throw ruleError(badName);
      const badDescription = input.description === undefined ? null : descriptionRule(input.description);
      if (badDescription !== null) throw ruleError(badDescription);
      const body: Record<string, unknown> = { server_id: input.serverId, name: input.name };
      if (input.description !== undefined && input.description !== '')
        body['description'] = input.description;
      const created: CreateRequest = {
        serverId: input.serverId,
        name: input.name,
        requestedAt: now(),
        knownSnapshotIds: input.knownSnapshotIds ?? [],
      };
      try {
        const res = await request({ method: 'POST', path: 'snapshots/', body });
        return parseSnapshot(res.body, input.serverId, res.status);
      } catch (err) {
        if (writeOutcome(err) === 'refused') throw err;
        // It may have happened (or did, after an unreadable 2xx): look before anyone retries, so one
        // click makes one snapshot. Not listed (yet) proves nothing: the error goes to the caller,
        // who keeps watching (the effect of a request can land after its answer was lost).
        const existing = await findCreated(created);
        if (existing !== null && existing !== 'unknown') return existing;
        throw err;
      }
    },

    async restoreSnapshot(snapshotId) {
      const res = await request({ method: 'POST', path: `snapshots/${segment(snapshotId)}/restore/` });
      return parseRestore(res.body);
    },

    async deleteSnapshot(snapshotId) {
      await request({ method: 'DELETE', path: `snapshots/${segment(snapshotId)}/` });
    },
  };
}
