// Tray menu actions reach the same named core actions as the window (with validated-shape
// payloads), the window, or quit; a failed action is logged by kind only.
import { describe, expect, it, vi } from 'vitest';
import { createTrayActionRunner } from '../../src/main/electron/tray-actions';
import { fail, ok } from '../../src/shared/result';

function setup() {
  const calls: string[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const run = createTrayActionRunner({
    actions: {
      quickSnapshot: (p) => {
        calls.push(`quickSnapshot:${String(p.serverId)}`);
        return Promise.resolve(fail({ kind: 'limit_reached', message: 'web-1 already has 5 snapshots' }));
      },
      refresh: () => {
        calls.push('refresh');
        return Promise.resolve(ok(null));
      },
      startDemo: () => {
        calls.push('startDemo');
        return Promise.resolve(ok(null));
      },
    },
    showWindow: () => calls.push('showWindow'),
    showServer: (id) => calls.push(`showServer:${String(id)}`),
    quit: () => calls.push('quit'),
    logger,
  });
  return { run, calls, logger };
}

describe('createTrayActionRunner', () => {
  it('maps every tray action to its target', async () => {
    const { run, calls, logger } = setup();
    run({ type: 'quickSnapshot', serverId: 7 });
    run({ type: 'refresh' });
    run({ type: 'startDemo' });
    run({ type: 'showServer', serverId: 'x1' });
    run({ type: 'openWindow' });
    run({ type: 'quit' });
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toEqual(['quickSnapshot:7', 'refresh', 'startDemo', 'showServer:x1', 'showWindow', 'quit']);
    expect(logger.warn).toHaveBeenCalledWith('tray: quickSnapshot failed: limit_reached');
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
