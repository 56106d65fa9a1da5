/**
 * Wire schemas (valibot) for the VPS.org answers this app reads, and their mapping onto the
 * camelCase domain types. Tolerant where the API may vary: unknown extra fields are ignored,
 * statuses are any string, display-only fields may be null or missing. Strict where the app would
 * otherwise show nonsense or be harmed: ids must match the IPC contract's id pattern (they go into
 * URL paths and logs), and every string has a length cap (a hostile server cannot make main hold,
 * or push over IPC, huge strings). Text is cleaned of controls, bidi overrides and zero-width
 * characters on the way in (src/shared/display-text.ts), so every view shows the same clean text.
 */
import * as v from 'valibot';
import { outsideText, TEXT_LIMITS } from '../../shared/display-text';
import type { Account, Id, Server, Snapshot } from '../../shared/domain';
import { IdSchema } from '../../shared/ipc';
import type { RestoreStarted } from './types';
import { badResponseError } from './errors';

/** A text the app only displays: null or missing becomes an empty string. */
const DisplayText = v.nullish(outsideText(TEXT_LIMITS.text), '');

/** A date the app only displays or compares: null or missing becomes an empty string. */
const DisplayDate = v.nullish(outsideText(TEXT_LIMITS.date), '');

/** A number the app only displays: null or missing becomes 0. */
const DisplayNumber = v.nullish(v.number(), 0);

/** An id the app only displays (plan, OS): one that does not fit the id pattern is dropped. */
const DisplayId = v.fallback(v.nullish(IdSchema), null);

const Name = outsideText(TEXT_LIMITS.name);
const Status = outsideText(TEXT_LIMITS.status);

/** `GET /account/me/`. */
export const AccountWire = v.object({
  account: v.object({
    email: outsideText(TEXT_LIMITS.email),
    first_name: DisplayText,
    last_name: DisplayText,
    company_name: DisplayText,
    created_at: DisplayDate,
  }),
  token: v.nullish(v.object({ name: DisplayText })),
});

/** One server, in lists and in `GET /servers/{id}/`. */
export const ServerWire = v.object({
  id: IdSchema,
  name: Name,
  hostname: DisplayText,
  status: Status,
  ip_address: DisplayText,
  location: DisplayText,
  plan: v.nullish(
    v.object({
      id: DisplayId,
      name: DisplayText,
      vcpus: DisplayNumber,
      memory: DisplayNumber,
      storage: DisplayNumber,
    }),
  ),
  os: v.nullish(v.object({ id: DisplayId, name: DisplayText })),
  created_at: DisplayDate,
  updated_at: DisplayDate,
});

/** One snapshot, in lists and in the 201 answer to a create. */
export const SnapshotWire = v.object({
  id: IdSchema,
  server: v.nullish(v.object({ id: IdSchema, name: v.nullish(Name, '') })),
  // Not documented, but a flat `server_id` is the other common shape: accept it too.
  server_id: v.nullish(IdSchema),
  name: Name,
  status: Status,
  size_mb: v.nullish(v.number()),
  created_at: DisplayDate,
  description: DisplayText,
});

/** A page of any list: `{"count", "results"}`. Items are checked one by one by their own schema. */
export const PageWire = v.object({
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  results: v.array(v.unknown()),
});

/** The 200 answer to a restore. */
export const RestoreWire = v.object({
  status: v.nullish(Status),
  message: DisplayText,
  snapshot: v.object({ id: IdSchema, name: Name, created_at: DisplayDate }),
  server: v.object({ id: IdSchema, name: Name, status: Status }),
});

/** A page of raw list items. */
export interface Page {
  count: number;
  results: unknown[];
}

/**
 * Parses a body with a schema, or throws a `bad_response` ApiError naming where it broke. Only
 * the path is named, never the value: a body could echo anything.
 */
export function parseWire<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
  what: string,
  status: number | null = 200,
): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const path = v.getDotPath(result.issues[0]);
  throw badResponseError(status, path ? `${what}: field "${path}"` : what);
}

/** Maps the account answer. */
export function toAccount(wire: v.InferOutput<typeof AccountWire>): Account {
  return {
    email: wire.account.email,
    firstName: wire.account.first_name,
    lastName: wire.account.last_name,
    companyName: wire.account.company_name,
    tokenName: wire.token?.name ?? '',
  };
}

/** Maps one server. */
export function toServer(wire: v.InferOutput<typeof ServerWire>): Server {
  return {
    id: wire.id,
    name: wire.name,
    hostname: wire.hostname,
    status: wire.status,
    ipAddress: wire.ip_address,
    location: wire.location,
    plan: {
      id: wire.plan?.id ?? '',
      name: wire.plan?.name ?? '',
      vcpus: wire.plan?.vcpus ?? 0,
      memoryMb: wire.plan?.memory ?? 0,
      storageGb: wire.plan?.storage ?? 0,
    },
    os: { id: wire.os?.id ?? '', name: wire.os?.name ?? '' },
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

/**
 * Maps one snapshot. `knownServerId` fills in the server when the answer names none (we asked
 * for that server's snapshots); without either, the answer is unusable.
 */
export function toSnapshot(wire: v.InferOutput<typeof SnapshotWire>, knownServerId?: Id): Snapshot {
  const serverId = wire.server?.id ?? wire.server_id ?? knownServerId;
  if (serverId === undefined || serverId === null) {
    throw badResponseError(200, 'a snapshot without its server');
  }
  return {
    id: wire.id,
    serverId,
    serverName: wire.server?.name ?? '',
    name: wire.name,
    status: wire.status,
    sizeMb: wire.size_mb ?? null,
    createdAt: wire.created_at,
    description: wire.description,
  };
}

/** Maps the restore answer. */
export function toRestoreStarted(wire: v.InferOutput<typeof RestoreWire>): RestoreStarted {
  return {
    snapshot: { id: wire.snapshot.id, name: wire.snapshot.name, createdAt: wire.snapshot.created_at },
    server: { id: wire.server.id, name: wire.server.name, status: wire.server.status },
    message: wire.message,
  };
}

/** Parses and maps a server body. */
export function parseServer(body: unknown): Server {
  return toServer(parseWire(ServerWire, body, 'a server'));
}

/** Parses and maps a snapshot body. */
export function parseSnapshot(body: unknown, knownServerId?: Id, status = 200): Snapshot {
  return toSnapshot(parseWire(SnapshotWire, body, 'a snapshot', status), knownServerId);
}

/** Parses and maps the account body. */
export function parseAccount(body: unknown): Account {
  return toAccount(parseWire(AccountWire, body, 'the account'));
}

/** Parses and maps the restore body. */
export function parseRestore(body: unknown): RestoreStarted {
  return toRestoreStarted(parseWire(RestoreWire, body, 'the restore answer'));
}

/** Parses a list page (items are parsed later by their own schema). */
export function parsePage(body: unknown): Page {
  return parseWire(PageWire, body, 'a list page');
}
