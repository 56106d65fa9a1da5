// The wake adapter against the recording fake Electron: each powerMonitor 'resume' reaches the
// callback until the returned function stops listening.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { onWake } = await import('../../src/main/electron/power');

beforeEach(() => resetFakeElectron());

describe('onWake', () => {
  it('calls back on each resume, and never after it stopped listening', () => {
    const woke = vi.fn();
    const stop = onWake(woke);
    fake.module.powerMonitor.emit('suspend');
    expect(woke).not.toHaveBeenCalled();
    fake.module.powerMonitor.emit('resume');
    fake.module.powerMonitor.emit('resume');
    expect(woke).toHaveBeenCalledTimes(2);
    stop();
    fake.module.powerMonitor.emit('resume');
    expect(woke).toHaveBeenCalledTimes(2);
    expect(fake.module.powerMonitor.listenerCount('resume')).toBe(0);
  });
});
