// The notifier against the recording fake Electron: notifications shown, kept referenced until
// they close (or are clicked), and a click shows the window on the server.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectronModule());

const { fake, resetFakeElectron } = await import('../support/fake-electron');
const { ElectronNotifier } = await import('../../src/main/electron/notifier');

beforeEach(() => resetFakeElectron());

describe('ElectronNotifier', () => {
  it('shows each notification and keeps it referenced until it closes', () => {
    const notifier = new ElectronNotifier(() => undefined);
    notifier.show({
      title: 'Snapshot finished',
      body: 'web-1: web-1-20261122 is ready (1.2 GB).',
      serverId: 1,
    });
    notifier.show({ title: 'Restore failed', body: 'db-1 could not be restored.' });
    expect(fake.recorder.notifications.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([
      ['Snapshot finished', 'web-1: web-1-20261122 is ready (1.2 GB).', true],
      ['Restore failed', 'db-1 could not be restored.', true],
    ]);
    expect(notifier.liveCount).toBe(2);
    fake.recorder.notifications[0]?.close();
    expect(notifier.liveCount).toBe(1);
  });

  it('shows the window on the server when clicked, then lets go of it', () => {
    const clicked: unknown[] = [];
    const notifier = new ElectronNotifier((id) => clicked.push(id));
    notifier.show({ title: 't', body: 'b', serverId: 'srv-9' });
    fake.recorder.notifications[0]?.emit('click');
    expect(clicked).toEqual(['srv-9']);
    expect(notifier.liveCount).toBe(0);
  });

  it('does nothing where notifications are unsupported', () => {
    fake.notificationsSupported = false;
    const notifier = new ElectronNotifier(() => undefined);
    notifier.show({ title: 't', body: 'b' });
    expect(fake.recorder.notifications).toHaveLength(0);
  });

  it('on Linux, escapes markup, so a name cannot become a link or bold text', () => {
    const notifier = new ElectronNotifier(() => undefined, 'linux');
    notifier.show({
      title: 'Snapshot <b>x</b>',
      body: 'Snapshot "<a href="https://evil.example">click</a>" of a&b is ready.',
    });
    const shown = fake.recorder.notifications[0]?.options;
    expect(shown?.body).toBe(
      'Snapshot "&lt;a href="https://evil.example"&gt;click&lt;/a&gt;" of a&amp;b is ready.',
    );
    // Some servers (dunst) format the title with the same markup.
    expect(shown?.title).toBe('Snapshot &lt;b&gt;x&lt;/b&gt;');
  });

  it('elsewhere shows the text as it is (no markup there), but cleaned', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      resetFakeElectron();
      new ElectronNotifier(() => undefined, platform).show({ title: 't', body: 'a&b <i>c</i>' });
      expect(fake.recorder.notifications[0]?.options.body).toBe('a&b <i>c</i>');
    }
  });

  it('removes bidi overrides, zero-width characters and line breaks, and caps the length', () => {
    const notifier = new ElectronNotifier(() => undefined, 'linux');
    notifier.show({
      title: `Restore of web-\u202eprod\u202c finished${'!'.repeat(500)}`,
      body: `db\u200b-01\nwas restored\u2028${'x'.repeat(5000)}`,
    });
    const shown = fake.recorder.notifications[0]?.options;
    expect(shown?.title?.startsWith('Restore of web-prod finished')).toBe(true);
    expect(shown?.body?.startsWith('db-01 was restored x')).toBe(true);
    expect(Array.from(shown?.title ?? '').length).toBeLessThanOrEqual(120);
    expect(Array.from(shown?.body ?? '').length).toBeLessThanOrEqual(600);
    const invisible = /[\u200b-\u200f\u202a-\u202e\u2028\n]/;
    expect(shown?.title).not.toMatch(invisible);
    expect(shown?.body).not.toMatch(invisible);
  });

  it('bounds how many it holds when the platform never reports close', () => {
    const notifier = new ElectronNotifier(() => undefined);
    for (let i = 0; i < 60; i += 1) notifier.show({ title: `t${i}`, body: 'b' });
    expect(notifier.liveCount).toBe(50);
  });
});
