// Hostile IPC: every contract channel, registered through the real registerIpcHandlers on the
// recording fake Electron, is called from our own page with generated payloads that are invalid by
// construction (wrong types, huge strings, bad ids, extra fields, prototype-pollution keys, extra
// arguments). Each must resolve a `validation` Result that does not echo the payload, without the
// action running, without polluting Object.prototype. The number of inputs tried per channel is
// written to test-results/hostile-ipc-counts.json for the closing note.
// (The untrusted-sender cases live in test/unit/adapter-ipc.test.ts; one generated check is here.)
// A last test sends 600 of them to the real core signed in to the simulator: no request, no state
// change, no settings write, no event.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMATS, INVOKE_NAMES, invokeChannel, type InvokeName } from '../../src/shared/ipc';
import { ok, type Result } from '../../src/shared/result';
import { DEFAULT_SETTINGS, LANGUAGES, POLL_BOUNDS } from '../../src/shared/settings';
import { SNAPSHOT_DESCRIPTION_MAX, SNAPSHOT_NAME_MAX } from '../../src/shared/snapshot-name';
import type { TrustedSender } from '../../src/main/electron/ipc';
import type { InvokeHandlers } from '../../src/shared/ipc';
import { createActions } from '../../src/main/actions';
import { AppCore } from '../../src/main/core/app-core';
import { MemorySettingsPort, createTestPorts } from '../support/memory-ports';
import { startSimulator } from '../../src/simulator/index';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { registerIpcHandlers } = await import('../../src/main/electron/ipc');

const CANARY = `vps_SECRETcanary_${randomBytes(6).toString('hex')}`;
/** A string far past every limit in the contract, ending in the canary. */
const HUGE = `${'A'.repeat(100_000)}${CANARY}`;
const RUNS_PER_CHANNEL = 400;
/** Longer than any honest validation message, far shorter than anything echoed from HUGE. */
const MESSAGE_MAX = 600;

const OUR_ID = 3;
const OUR_PAGE = 'file:///app/out/renderer/index.html';
const trust: TrustedSender = {
  webContentsId: () => OUR_ID,
  isTrustedUrl: (url) => url === OUR_PAGE,
};
const fromUs = { sender: { id: OUR_ID }, senderFrame: { url: OUR_PAGE } };

/** How a payload field is checked by the contract, so invalid values can be made on purpose. */
type Field =
  | { t: 'id' }
  | { t: 'opId' }
  | { t: 'string'; max: number; min?: number }
  | { t: 'bool' }
  | { t: 'int'; min: number; max: number }
  | { t: 'pick'; values: readonly string[] }
  | { t: 'policy' };

/** A channel's payload: none, or an object with a valid example and its fields. */
type Shape =
  | { none: true }
  | {
      none: false;
      valid: Record<string, unknown>;
      fields: Record<string, Field>;
      optional: boolean;
      /** Fields the payload may leave out (dropping one of these is not an error). */
      optionalFields?: readonly string[];
    };

const noPayload: Shape = { none: true };
const VALID_POLICY = {
  schedule: { kind: 'daily', at: '03:00' },
  keep: 3,
  makeRoom: false,
  notify: 'each-run',
};
const id: Field = { t: 'id' };

/** Every channel of the contract; the `satisfies` makes a new channel fail to compile until added. */
const SHAPES = {
  getState: noPayload,
  getLogFile: noPayload,
  setToken: {
    none: false,
    valid: { token: 'vps_ok', sessionOnly: true },
    fields: { token: { t: 'string', min: 1, max: 512 }, sessionOnly: { t: 'bool' } },
    optional: false,
  },
  signOut: noPayload,
  startDemo: noPayload,
  refresh: noPayload,
  createSnapshot: {
    none: false,
    valid: { serverId: 1, name: 'a', description: '' },
    fields: {
      serverId: id,
      name: { t: 'string', max: SNAPSHOT_NAME_MAX * 4 },
      description: { t: 'string', max: SNAPSHOT_DESCRIPTION_MAX * 4 },
    },
    optional: false,
  },
  quickSnapshot: { none: false, valid: { serverId: 'uuid-1' }, fields: { serverId: id }, optional: false },
  restoreSnapshot: {
    none: false,
    valid: { serverId: 1, snapshotId: 2, confirmServerName: 'web', safetySnapshot: true },
    fields: {
      serverId: id,
      snapshotId: id,
      confirmServerName: { t: 'string', max: 1024 },
      safetySnapshot: { t: 'bool' },
    },
    optional: false,
    optionalFields: ['safetySnapshot'],
  },
  deleteSnapshot: {
    none: false,
    valid: { serverId: 1, snapshotId: 2, confirmPinned: false },
    fields: { serverId: id, snapshotId: id, confirmPinned: { t: 'bool' } },
    optional: false,
    optionalFields: ['confirmPinned'],
  },
  setPinned: {
    none: false,
    valid: { serverId: 1, snapshotId: 2, pinned: true },
    fields: { serverId: id, snapshotId: id, pinned: { t: 'bool' } },
    optional: false,
  },
  setPolicy: {
    none: false,
    valid: { serverId: 1, policy: VALID_POLICY },
    fields: { serverId: id, policy: { t: 'policy' } },
    optional: false,
  },
  previewPolicy: {
    none: false,
    valid: { serverId: 1, keep: 3 },
    fields: { serverId: id, keep: { t: 'int', min: 1, max: 4 } },
    optional: false,
  },
  dismissOperation: {
    none: false,
    valid: { operationId: 'op-1' },
    fields: { operationId: { t: 'opId' } },
    optional: false,
  },
  updateSettings: {
    none: false,
    valid: {},
    fields: {
      apiBaseUrl: { t: 'string', max: 2048 },
      pollIntervalSeconds: { t: 'int', ...POLL_BOUNDS.activeSeconds },
      idleRefreshMinutes: { t: 'int', ...POLL_BOUNDS.idleMinutes },
      notifications: { t: 'bool' },
      launchAtLogin: { t: 'bool' },
      nameTemplate: { t: 'string', max: 200 },
      language: { t: 'pick', values: LANGUAGES },
    },
    optional: true,
  },
  openExternal: {
    none: false,
    valid: { url: 'https://admin.vps.org/' },
    fields: { url: { t: 'string', max: 2048 } },
    optional: false,
  },
  showServer: { none: false, valid: { serverId: 7 }, fields: { serverId: id }, optional: false },
  getHistory: noPayload,
  // `optional`: the server is (all servers when left out); a payload without the format is refused
  // like any other missing field, which the bad-field family covers with `format` itself.
  exportHistory: {
    none: false,
    valid: { format: 'csv', serverId: 7 },
    fields: { format: { t: 'pick', values: EXPORT_FORMATS }, serverId: id },
    optional: true,
  },
} as const satisfies Record<InvokeName, Shape>;

// ---- invalid values, by construction ----

const hugeOf = (n: number) => fc.constant(`${'B'.repeat(n)}${CANARY}`);
const nonInteger = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d));
const weird = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
const objectish = fc.oneof(
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  fc.constant(new Date(0)),
  fc.constant(new Map([[1, 2]])),
);
const notString = fc.oneof(fc.integer(), fc.boolean(), weird, objectish, fc.bigInt());
const notBool = fc.oneof(fc.integer(), fc.constantFrom('true', 'false', '', 'yes'), weird, objectish);
const notNumber = fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), objectish, fc.bigInt());
/** A string with at least one character outside [A-Za-z0-9_-]. */
const badIdChars = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(' ', '/', '.', '<', '"', '\u0000', '\n', 'é', '💥', '%', '__proto__!'),
    fc.string({ maxLength: 20 }),
  )
  .map(([a, b, c]) => a + b + c);
const badIdString = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^[A-Za-z0-9_-]{65,90}$/),
  badIdChars,
  fc.constant(HUGE),
);
const badId = fc.oneof(
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
  nonInteger,
  weird,
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 2 ** 60, -0.5, 1e21),
  badIdString,
  fc.boolean(),
  objectish,
  fc.bigInt(),
);

function invalidValue(field: Field): fc.Arbitrary<unknown> {
  switch (field.t) {
    case 'id':
      return badId;
    case 'opId':
      return fc.oneof(badIdString, fc.integer(), fc.boolean(), objectish);
    case 'string': {
      const tooLong = fc.oneof(
        fc.string({ minLength: field.max + 1, maxLength: field.max + 40 }),
        hugeOf(field.max),
        fc.constant(HUGE),
      );
      return field.min ? fc.oneof(notString, tooLong, fc.constant('')) : fc.oneof(notString, tooLong);
    }
    case 'bool':
      return notBool;
    case 'int':
      return fc.oneof(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: field.min - 1 }),
        fc.integer({ min: field.max + 1, max: Number.MAX_SAFE_INTEGER }),
        nonInteger.filter((d) => d > field.min && d < field.max),
        weird,
        notNumber,
      );
    case 'policy':
      return fc.oneof(
        notBool,
        fc.constantFrom<unknown>(
          { ...VALID_POLICY, keep: 0 },
          { ...VALID_POLICY, keep: 5 },
          { ...VALID_POLICY, keep: 2.5 },
          { ...VALID_POLICY, makeRoom: 'yes' },
          { ...VALID_POLICY, notify: 'loud' },
          { ...VALID_POLICY, extra: 1 },
          { ...VALID_POLICY, schedule: { kind: 'hourly' } },
          { ...VALID_POLICY, schedule: { kind: 'every', hours: 5 } },
          { ...VALID_POLICY, schedule: { kind: 'daily', at: '24:00' } },
          { ...VALID_POLICY, schedule: { kind: 'daily', at: '3:00' } },
          { ...VALID_POLICY, schedule: { kind: 'weekly', weekday: 8, at: '03:00' } },
          { ...VALID_POLICY, schedule: { kind: 'off', hours: 1 } },
          { schedule: { kind: 'off' }, keep: 3, makeRoom: false },
        ),
      );
    case 'pick':
      return fc.oneof(
        fc.string({ maxLength: 12 }).filter((s) => !field.values.includes(s)),
        fc.constantFrom('EN', 'en-US', ' en', 'fi\u0000'),
        notNumber.filter((x) => typeof x !== 'string'),
      );
  }
}

/** A top-level value that is not a plain object (or, for no-payload calls, anything but undefined). */
const wrongTopLevel = fc.oneof(
  fc.constant(null),
  fc.integer(),
  weird,
  fc.string({ maxLength: 30 }),
  fc.constant(HUGE),
  fc.boolean(),
  fc.bigInt(),
  fc.array(fc.anything(), { maxLength: 4 }),
  fc.constantFrom<unknown>([], new Date(0), new Map(), new Set([1]), /x/, new Uint8Array(3), new Error('e')),
);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A JSON-made object with an own pollution key (object literals would set the prototype instead). */
function withPollutionKey(valid: Record<string, unknown>, key: string, nested: boolean): unknown {
  const inner = nested ? { prototype: { polluted: CANARY } } : { polluted: CANARY };
  const text = JSON.stringify(valid).replace(/^\{/, `{"${key}":${JSON.stringify(inner)},`);
  return JSON.parse(text.replace(/,\}$/, '}'));
}

/** A key no channel knows: random text, a huge one, the canary, or case variants of real ones. */
const extraKey = (known: string[]) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constant(HUGE),
      fc.constant(CANARY),
      // `source`: the window cannot claim its clicks came from a schedule (or anywhere else).
      fc.constantFrom(
        'ServerId',
        'serverid',
        'server_id',
        'token',
        'toString',
        'hasOwnProperty',
        ' ',
        'source',
      ),
    )
    .filter((k) => !known.includes(k) && !(POLLUTION_KEYS as readonly string[]).includes(k));

/** One generated call: the arguments after the event, and which family of damage it is. */
interface HostileCall {
  family: string;
  args: unknown[];
}

function hostileCalls(shape: Shape): fc.Arbitrary<HostileCall> {
  const extraArgs = fc.array(fc.oneof(fc.anything(), fc.constant(HUGE)), { minLength: 1, maxLength: 3 });
  if (shape.none) {
    return fc.oneof(
      fc
        .anything()
        .filter((x) => x !== undefined)
        .map((x) => ({ family: 'value', args: [x] })),
      wrongTopLevel.map((x) => ({ family: 'wrong-type', args: [x] })),
      fc
        .tuple(fc.constantFrom(...POLLUTION_KEYS), fc.boolean())
        .map(([k, n]) => ({ family: 'pollution', args: [withPollutionKey({}, k, n)] })),
      extraArgs.map((more) => ({ family: 'extra-args', args: [undefined, ...more] })),
    );
  }
  const names = Object.keys(shape.fields);
  const fieldBad = fc
    .constantFrom(...names)
    .chain((name) => invalidValue(shape.fields[name] as Field).map((bad) => ({ name, bad })))
    .map(({ name, bad }) => ({ family: 'bad-field', args: [{ ...shape.valid, [name]: bad }] }));
  const families: fc.Arbitrary<HostileCall>[] = [
    fieldBad,
    wrongTopLevel.map((x) => ({ family: 'wrong-type', args: [x] })),
    fc
      .tuple(extraKey(names), fc.anything())
      .map(([k, val]) => ({ family: 'extra-field', args: [{ ...shape.valid, [k]: val }] })),
    fc
      .tuple(fc.constantFrom(...POLLUTION_KEYS), fc.boolean())
      .map(([k, n]) => ({ family: 'pollution', args: [withPollutionKey(shape.valid, k, n)] })),
    extraArgs.map((more) => ({ family: 'extra-args', args: [shape.valid, ...more] })),
  ];
  if (!shape.optional) {
    families.push(fc.constant({ family: 'missing', args: [undefined] }));
    const required = names.filter((n) => !(shape.optionalFields ?? []).includes(n));
    families.push(
      fc.constantFrom(...required).map((drop) => {
        const copy: Record<string, unknown> = { ...shape.valid };
        delete copy[drop];
        return { family: 'missing-field', args: [copy] };
      }),
    );
  }
  return fc.oneof(...families);
}

// ---- the harness ----

function spyHandlers() {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    INVOKE_NAMES.map((name) => [
      name,
      () => {
        calls.push(name);
        return Promise.resolve(ok(null));
      },
    ]),
  ) as unknown as InvokeHandlers;
  return { handlers, calls };
}

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function invoke(name: InvokeName, event: unknown, args: unknown[]): Promise<Result<unknown>> {
  const handler = fake.recorder.handlers.get(invokeChannel(name));
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler(event, ...args) as Promise<Result<unknown>>;
}

const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();
function prototypeClean(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    probe['polluted'] === undefined &&
    JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) ===
      JSON.stringify(prototypeKeysBefore)
  );
}

const counts: Record<string, { inputs: number; families: Record<string, number> }> = {};

beforeEach(() => {
  resetFakeElectron();
  vi.clearAllMocks();
});

afterAll(() => {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  const total = Object.values(counts).reduce((sum, c) => sum + c.inputs, 0);
  writeFileSync(
    join(dir, 'hostile-ipc-counts.json'),
    `${JSON.stringify({ total, perChannel: counts }, null, 2)}\n`,
  );
});

describe('every IPC channel refuses generated hostile payloads', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(SHAPES).sort()).toEqual([...INVOKE_NAMES].sort());
  });

  for (const name of INVOKE_NAMES) {
    it(`${name}: validation error, action never runs, prototype clean, payload not echoed`, async () => {
      const { handlers, calls } = spyHandlers();
      registerIpcHandlers(handlers, trust, logger);
      const tally = { inputs: 0, families: {} as Record<string, number> };
      counts[name] = tally;
      await fc.assert(
        fc.asyncProperty(hostileCalls(SHAPES[name]), async (call) => {
          tally.inputs += 1;
          tally.families[call.family] = (tally.families[call.family] ?? 0) + 1;
          const result = await invoke(name, fromUs, call.args);
          expect(result.ok, call.family).toBe(false);
          if (result.ok) return;
          expect(result.error.kind, `${call.family}: ${result.error.message}`).toBe('validation');
          expect(result.error.message.length, call.family).toBeLessThanOrEqual(MESSAGE_MAX);
          expect(result.error.message).not.toContain(CANARY);
          expect(result.error.message).not.toContain('BBBBBBBBBB');
          expect(calls).toEqual([]);
          expect(prototypeClean()).toBe(true);
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
      expect(logger.error).not.toHaveBeenCalled();
      expect(tally.inputs).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
    });
  }

  it('a valid payload still gets through on every channel (the refusals above are not blanket)', async () => {
    const { handlers, calls } = spyHandlers();
    registerIpcHandlers(handlers, trust, logger);
    for (const name of INVOKE_NAMES) {
      const shape: Shape = SHAPES[name];
      const result = await invoke(name, fromUs, shape.none ? [] : [shape.valid]);
      expect(result, name).toEqual({ ok: true, value: null });
    }
    expect(calls).toEqual([...INVOKE_NAMES]);
  });

  it('refuses a generated untrusted sender on every channel before looking at the payload', async () => {
    const { handlers, calls } = spyHandlers();
    registerIpcHandlers(handlers, trust, logger);
    const stranger = fc.oneof(
      fc.record({
        sender: fc.record({ id: fc.integer().filter((n) => n !== OUR_ID) }),
        senderFrame: fc.constant({ url: OUR_PAGE }),
      }),
      fc.record({
        sender: fc.constant({ id: OUR_ID }),
        senderFrame: fc.oneof(
          fc.constant(null),
          fc.constant(undefined),
          fc.webUrl().map((url) => ({ url })),
          fc.constantFrom(
            { url: 'file:///tmp/evil.html' },
            { url: `${OUR_PAGE}.evil` },
            { url: 'devtools://devtools/bundled/inspector.html' },
          ),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...INVOKE_NAMES), stranger, async (name, event) => {
        const shape: Shape = SHAPES[name];
        const result = await invoke(name, event, shape.none ? [] : [shape.valid]);
        expect(result).toMatchObject({ ok: false, error: { kind: 'refused' } });
        expect(calls).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile payloads against the real core', () => {
  it('reach neither VPS.org nor the state nor the settings file, on any channel', async () => {
    const token = `vps_SECRETipc_${randomBytes(6).toString('hex')}`;
    const sim = await startSimulator({ token, seed: 'demo' });
    try {
      const settings = new MemorySettingsPort({ settings: { ...DEFAULT_SETTINGS, apiBaseUrl: sim.url } });
      const t = createTestPorts({ settings });
      const core = new AppCore(t.ports);
      await core.start();
      const opened: string[] = [];
      const actions = createActions(core, {
        openExternal: (url) => void opened.push(url),
        showServer: (id) => void opened.push(`server:${String(id)}`),
      });
      expect((await actions.setToken({ token, sessionOnly: false })).ok).toBe(true);
      await core.settled();
      registerIpcHandlers(actions, trust, logger);

      const requestsBefore = JSON.stringify(sim.requestCounts());
      const stateBefore = JSON.stringify(core.getState());
      const writesBefore = settings.writes.length;
      const eventsBefore = t.published.length;
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...INVOKE_NAMES)
            .chain((name) => hostileCalls(SHAPES[name]).map((c) => ({ name, c }))),
          async ({ name, c }) => {
            tried += 1;
            const result = await invoke(name, fromUs, c.args);
            expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
          },
        ),
        { numRuns: 600 },
      );
      await core.settled();
      expect(tried).toBe(600);
      expect(JSON.stringify(sim.requestCounts())).toBe(requestsBefore);
      expect(JSON.stringify(core.getState())).toBe(stateBefore);
      expect(settings.writes.length).toBe(writesBefore);
      expect(t.published.length).toBe(eventsBefore);
      expect(opened).toEqual([]);
      expect(prototypeClean()).toBe(true);
      await core.stop();
    } finally {
      await sim.stop();
    }
  });
});
