// The IPC helper against the recording fake Electron: every contract channel registered, callers
// other than our window's page refused, bad payloads stopped before the core, surprises mapped to
// a generic `internal` Result that never carries the token.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_NAMES, invokeChannel } from '../../src/shared/ipc';
import { ok, type Result } from '../../src/shared/result';
import type { TrustedSender } from '../../src/main/electron/ipc';
import type { InvokeHandlers } from '../../src/shared/ipc';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { registerIpcHandlers } = await import('../../src/main/electron/ipc');
const { redactSecrets } = await import('../../src/main/redact');

const OUR_ID = 7;
const OUR_PAGE = 'file:///app/out/renderer/index.html';
const trust: TrustedSender = {
  webContentsId: () => OUR_ID,
  isTrustedUrl: (url) => url.split('#')[0] === OUR_PAGE,
};

function recordingHandlers() {
  const calls: { name: string; payload: unknown }[] = [];
  const handlers = Object.fromEntries(
    INVOKE_NAMES.map((name) => [
      name,
      (payload: unknown) => {
        calls.push({ name, payload });
        return Promise.resolve(ok(null));
      },
    ]),
  ) as unknown as InvokeHandlers;
  return { handlers, calls };
}

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<Result<unknown>> {
  const handler = fake.recorder.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args) as Promise<Result<unknown>>;
}

const fromUs = (url = OUR_PAGE) => ({ sender: { id: OUR_ID }, senderFrame: { url } });

beforeEach(() => {
  resetFakeElectron();
  vi.clearAllMocks();
});

describe('registerIpcHandlers', () => {
  it('registers every contract channel, and only those; the returned function removes them', () => {
    const remove = registerIpcHandlers(recordingHandlers().handlers, trust, logger);
    expect([...fake.recorder.handlers.keys()].sort()).toEqual(INVOKE_NAMES.map(invokeChannel).sort());
    remove();
    expect(fake.recorder.handlers.size).toBe(0);
  });

  it('dispatches a valid call from our page to its action with the parsed payload', async () => {
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(handlers, trust, logger);
    const result = await invoke(invokeChannel('deleteSnapshot'), fromUs(`${OUR_PAGE}#/servers`), {
      serverId: 12,
      snapshotId: 'abc',
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ name: 'deleteSnapshot', payload: { serverId: 12, snapshotId: 'abc' } }]);
    await invoke(invokeChannel('refresh'), fromUs());
    expect(calls.at(-1)).toEqual({ name: 'refresh', payload: undefined });
  });

  const strangers: [string, unknown][] = [
    ['another webContents', { sender: { id: OUR_ID + 1 }, senderFrame: { url: OUR_PAGE } }],
    ['our webContents showing another page', fromUs('https://evil.example/')],
    ['a frame that is gone', { sender: { id: OUR_ID }, senderFrame: null }],
  ];
  for (const [who, event] of strangers) {
    it(`refuses ${who} without reaching the core`, async () => {
      const { handlers, calls } = recordingHandlers();
      registerIpcHandlers(handlers, trust, logger);
      const result = await invoke(invokeChannel('refresh'), event);
      expect(result).toMatchObject({ ok: false, error: { kind: 'refused' } });
      expect(calls).toEqual([]);
    });
  }

  it('refuses when there is no window at all', async () => {
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(handlers, { ...trust, webContentsId: () => null }, logger);
    expect(await invoke(invokeChannel('getState'), fromUs())).toMatchObject({
      ok: false,
      error: { kind: 'refused' },
    });
    expect(calls).toEqual([]);
  });

  it('answers a bad payload with a validation Result that does not echo it, and never calls the core', async () => {
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(handlers, trust, logger);
    const bad: [string, unknown[]][] = [
      ['setToken', [{ token: 'vps_abc', sessionOnly: 'yes' }]],
      ['setToken', [{ token: 'vps_abc', sessionOnly: false, extra: 1 }]],
      ['createSnapshot', [{ serverId: -1, name: 'x', description: '' }]],
      ['refresh', [{ unexpected: true }]],
      ['getState', [undefined, 'second argument']],
      ['showServer', [{ serverId: 1 }, { more: 1 }]],
    ];
    for (const [name, args] of bad) {
      const result = await invoke(`vps:invoke:${name}`, fromUs(), ...args);
      expect(result, name).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(JSON.stringify(result)).not.toContain('vps_abc');
    }
    expect(calls).toEqual([]);
  });

  it('maps an action that throws to a generic internal error, logged without the token', async () => {
    const { handlers } = recordingHandlers();
    handlers.setToken = () => Promise.reject(new Error('keychain blew up holding vps_super_secret_1'));
    registerIpcHandlers(handlers, trust, logger);
    const result = await invoke(invokeChannel('setToken'), fromUs(), {
      token: 'vps_super_secret_1',
      sessionOnly: true,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('vps_super_secret_1');
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(String(logger.error.mock.calls[0]?.[0])).toContain('setToken');
    expect(String(logger.error.mock.calls[0]?.[0])).not.toContain('vps_super_secret_1');
  });

  it('redacts token-shaped text', () => {
    expect(redactSecrets('Authorization: Bearer abc.def token="x y" vps_ABC-1_2')).toBe(
      'Authorization: Bearer [redacted] token=[redacted] vps_[redacted]',
    );
  });
});
