/**
 * The core's token handling against the real simulator: a stored token at start, setting a token
 * (checked before it is stored), a bad token, an unavailable keychain with the session-only
 * choice, sign-out, a 401 mid-session, demo mode, and switching the API address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../src/main/core/app-core';
import { english, messagesText } from '../../src/shared/i18n';
import { simulatorDemo } from '../support/memory-ports';
import { startSimulator } from '../../src/simulator/index';
import { createHarness, TEST_TOKEN, type Harness } from './core-harness';

let h: Harness;
afterEach(async () => {
  await h?.cleanup();
});

describe('core session', () => {
  it('starts with the keychain token, loads servers in API order with snapshots newest first', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    const state = h.core.getState();
    expect(state.mode).toBe('account');
    expect(state.account).toEqual({
      email: 'ada@example.com',
      tokenSet: true,
      tokenStorage: 'keychain',
      tokenInvalid: false,
    });
    expect(state.servers.map((e) => e.server.name)).toEqual([
      'web-server-01',
      'db-server-01',
      'staging-01',
      'legacy-app',
      'build-runner',
      'edge-proxy-01',
    ]);
    expect(state.servers[0]?.snapshots.map((s) => s.id)).toEqual([801, 798]);
    expect(state.sync.lastRefreshAt).not.toBeNull();
    // Published on change, and the published state is what getState returns.
    const last = h.published.filter((p) => p.event === 'state').at(-1);
    expect(last?.payload).toBe(state);
  });

  it('starts signed out when the keychain has nothing', async () => {
    h = await createHarness({ storedToken: false });
    await h.core.start();
    await h.core.settled();
    expect(h.core.getState().mode).toBe('signed-out');
    expect(h.core.getState().account.email).toBeNull();
    expect(h.requests).toHaveLength(0);
  });

  it('checks a pasted token with VPS.org before storing it, and keeps the email, never the token', async () => {
    h = await createHarness({
      storedToken: false,
      persisted: { session: { mode: 'signed-out', email: null } },
    });
    await h.core.start();
    const result = await h.core.setToken({ token: `  ${TEST_TOKEN}\n`, sessionOnly: false });
    expect(result).toEqual({ ok: true, value: { email: expect.any(String) } });
    expect(h.requests[0]).toEqual({ method: 'GET', path: expect.stringContaining('account/me/') });
    expect(h.secrets.entries.get(h.sim.url)).toBe(TEST_TOKEN);
    await h.core.settled();
    const state = h.core.getState();
    expect(state.mode).toBe('account');
    expect(state.account.tokenStorage).toBe('keychain');
    expect(state.servers.length).toBeGreaterThan(0);
    expect(h.settings.data.session).toEqual({ mode: 'account', email: state.account.email });
    expect(JSON.stringify(h.settings.data)).not.toContain(TEST_TOKEN);
    expect(JSON.stringify(h.published)).not.toContain(TEST_TOKEN);
    expect(h.logs.join('\n')).not.toContain(TEST_TOKEN);
  });

  it('refuses a bad token without storing anything', async () => {
    h = await createHarness({ storedToken: false });
    await h.core.start();
    const result = await h.core.setToken({ token: 'vps_SECRETtest_wrong', sessionOnly: false });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('unauthorized');
      expect(result.error.message).toMatch(/did not accept this token/);
      expect(result.error.message).not.toContain('vps_SECRETtest_wrong');
    }
    expect(h.secrets.calls.set).toBe(0);
    expect(h.core.getState().mode).toBe('signed-out');
    expect(h.core.getState().account.tokenInvalid).toBe(false);
  });

  it('keychain unavailable: reports the reason, keeps nothing, then keeps it for the session only when asked', async () => {
    h = await createHarness({ storedToken: false, keychainUnavailable: 'no Secret Service is running' });
    await h.core.start();
    expect(h.core.getState().keychain).toEqual({ available: false, reason: 'no Secret Service is running' });
    const refused = await h.core.setToken({ token: TEST_TOKEN, sessionOnly: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('keychain');
      expect(refused.error.message).toContain('no Secret Service is running');
      expect(refused.error.message).toMatch(/session only/);
    }
    expect(h.core.getState().mode).toBe('signed-out');

    const kept = await h.core.setToken({ token: TEST_TOKEN, sessionOnly: true });
    expect(kept.ok).toBe(true);
    await h.core.settled();
    expect(h.core.getState().account.tokenStorage).toBe('session');
    expect(h.core.getState().servers.length).toBeGreaterThan(0);
    expect(h.secrets.entries.size).toBe(0);
    expect(JSON.stringify(h.settings.data)).not.toContain(TEST_TOKEN);

    // A restart does not have the session-only token.
    await h.core.stop();
    const next = h.restart();
    await next.start();
    expect(next.getState().mode).toBe('signed-out');
    expect(next.getState().keychain.available).toBe(false);
  });

  it('a keychain known to be missing at start is reported without touching it', async () => {
    h = await createHarness({ storedToken: false });
    const core = new AppCore({ ...h.ports, keychainProblem: 'the keychain library could not be loaded' });
    await core.start();
    expect(core.getState().keychain).toEqual({
      available: false,
      reason: 'the keychain library could not be loaded',
    });
    const result = await core.setToken({ token: TEST_TOKEN, sessionOnly: false });
    expect(result.ok === false && result.error.kind).toBe('keychain');
    expect(h.secrets.calls).toEqual({ get: 0, set: 0, delete: 0, accounts: 0 });
    expect((await core.setToken({ token: TEST_TOKEN, sessionOnly: true })).ok).toBe(true);
    expect(h.secrets.calls).toEqual({ get: 0, set: 0, delete: 0, accounts: 0 });
    await core.stop();
  });

  it('asks VPS.org who is signed in when the settings file does not say', async () => {
    h = await createHarness({ persisted: { session: { mode: 'account', email: null } } });
    await h.core.start();
    await h.core.settled();
    expect(h.core.getState().account.email).toMatch(/@/);
    expect(h.settings.data.session.email).toBe(h.core.getState().account.email);
  });

  it('reports a damaged settings file once at start', async () => {
    h = await createHarness();
    h.settings.problem = [
      { code: 'settingsFile.hadProblems' },
      { code: 'settingsFile.backedUp', params: { backup: 'config.json.bak' } },
    ];
    await h.core.start();
    await h.core.settled();
    expect(h.notifier.shown).toEqual([
      {
        title: 'Problem with the settings file',
        body: 'Some settings may be back to their defaults. Open VPS Snapshot Tray to see what happened and check Settings.',
      },
    ]);
    expect(h.logs).toContain(
      'warn settings: Your settings file had problems. The original was saved as config.json.bak, and defaults are used for anything that could not be read.',
    );
  });

  it('shows the settings problem in the state, for the whole run, and null when there is none', async () => {
    h = await createHarness();
    await h.core.start();
    expect(h.core.getState().settingsProblem).toBeNull();
    await h.cleanup();

    const problem = [
      { code: 'settingsFile.hadProblems' as const },
      { code: 'settingsFile.issue.truncated' as const },
      { code: 'settingsFile.backedUp' as const, params: { backup: 'x.bak' } },
    ];
    h = await createHarness();
    h.settings.problem = problem;
    await h.core.start();
    await h.core.settled();
    expect(h.core.getState().settingsProblem).toEqual(problem);
    const published = h.published.filter((p) => p.event === 'state');
    expect(published.at(-1)?.payload).toMatchObject({ settingsProblem: problem });
    // Other changes keep it: it describes this run's start.
    expect((await h.core.updateSettings({ pollIntervalSeconds: 30 })).ok).toBe(true);
    expect((await h.core.signOut()).ok).toBe(true);
    expect(h.core.getState().settingsProblem).toEqual(problem);
  });

  it('sign-out removes the token from the keychain and clears the account', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    const result = await h.core.signOut();
    expect(result).toEqual({ ok: true, value: null });
    expect(h.secrets.entries.has(h.sim.url)).toBe(false);
    const state = h.core.getState();
    expect(state.mode).toBe('signed-out');
    expect(state.servers).toEqual([]);
    expect(h.settings.data.session).toEqual({ mode: 'signed-out', email: null });
    expect(h.scheduler.pendingCount()).toBe(0);
    const action = await h.core.quickSnapshot({ serverId: 12345 });
    expect(action.ok === false && action.error.kind).toBe('not_signed_in');
  });

  it('sign-out removes every token this app stored, for every API address, not only the current one', async () => {
    h = await createHarness();
    h.secrets.entries.set('https://old.example/api/v1/', 'vps_SECRETtest_old');
    h.secrets.entries.set('https://admin.vps.org/api/v1/', 'vps_SECRETtest_real');
    await h.core.start();
    await h.core.settled();
    expect(h.core.getState().mode).toBe('account');
    expect(await h.core.signOut()).toEqual({ ok: true, value: null });
    expect([...h.secrets.entries.keys()]).toEqual([]);
  });

  it('sign-out says so when the keychain cannot remove the tokens, and still signs out', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    h.secrets.unavailableReason = 'the keychain is locked';
    const result = await h.core.signOut();
    expect(result.ok === false && result.error).toMatchObject({
      kind: 'keychain',
      message: expect.stringContaining('the keychain is locked'),
    });
    expect(h.core.getState().mode).toBe('signed-out');
  });

  it('a token stored for another API address than the settings one is reported as a settings problem at start', async () => {
    h = await createHarness({ storedToken: false, persisted: { session: { mode: 'account', email: null } } });
    h.secrets.entries.set('https://admin.vps.org/api/v1/', 'vps_SECRETtest_real');
    await h.core.start();
    await h.core.settled();
    const state = h.core.getState();
    expect(state.mode).toBe('signed-out');
    const host = new URL(h.sim.url).host;
    expect(state.settingsProblem).toEqual([
      { code: 'settingsFile.tokenForAnotherAddress', params: { current: host, others: 'admin.vps.org' } },
    ]);
    const text = messagesText(state.settingsProblem ?? [], english());
    expect(text).toMatch(
      new RegExp(
        `address in the settings is ${host.replace('.', '\\.')}, but the token .* is for admin\\.vps\\.org`,
      ),
    );
    expect(h.notifier.shown).toEqual([{ title: 'Problem with the settings file', body: text }]);
    expect(h.logs.some((l) => l.startsWith('warn settings: The API address in the settings'))).toBe(true);
    expect(JSON.stringify(h.published)).not.toContain('vps_SECRETtest_real');
  });

  it('a token for the current address as well is no problem: nothing is reported', async () => {
    h = await createHarness();
    h.secrets.entries.set('https://admin.vps.org/api/v1/', 'vps_SECRETtest_real');
    await h.core.start();
    await h.core.settled();
    expect(h.core.getState().settingsProblem).toBeNull();
    expect(h.notifier.shown).toEqual([]);
  });

  it('the API address changed while a token is checked: nothing is kept, nothing polls, state and settings agree', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowAccount: typeof fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/account/me/')) await gate;
      return fetch(input, init);
    };
    h = await createHarness({
      storedToken: false,
      persisted: { session: { mode: 'signed-out', email: null } },
      client: { clientOptions: { fetch: slowAccount } },
    });
    await h.core.start();
    const signIn = h.core.setToken({ token: TEST_TOKEN, sessionOnly: false });
    while (!h.requests.some((r) => r.path.endsWith('account/me/')))
      await new Promise((r) => setTimeout(r, 5));
    const other = 'https://elsewhere.example/api/v1/';
    expect((await h.core.updateSettings({ apiBaseUrl: other })).ok).toBe(true);
    release();
    const result = await signIn;
    expect(result.ok === false && result.error.kind).toBe('refused');
    expect(result.ok === false && result.error.code).toBe('core.addressChanged');
    await h.core.settled();
    const state = h.core.getState();
    expect(state.mode).toBe('signed-out');
    expect(state.settings.apiBaseUrl).toBe(other);
    expect(h.secrets.entries.size).toBe(0);
    expect(h.scheduler.pendingCount()).toBe(0);
    const before = h.requests.length;
    await h.scheduler.advance(60 * 60_000);
    expect(h.requests.length).toBe(before);
  });

  it('the API address changed while the keychain stores the token: the stored token is taken back', async () => {
    h = await createHarness({
      storedToken: false,
      persisted: { session: { mode: 'signed-out', email: null } },
    });
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let storing = false;
    const set = h.secrets.set.bind(h.secrets);
    h.secrets.set = async (account, secret) => {
      await set(account, secret);
      storing = true;
      await gate;
    };
    await h.core.start();
    const signIn = h.core.setToken({ token: TEST_TOKEN, sessionOnly: false });
    while (!storing) await new Promise((r) => setTimeout(r, 5));
    expect((await h.core.updateSettings({ apiBaseUrl: 'https://elsewhere.example/api/v1/' })).ok).toBe(true);
    release();
    expect((await signIn).ok).toBe(false);
    expect(h.secrets.entries.size).toBe(0);
    expect(h.core.getState().mode).toBe('signed-out');
  });

  it('a 401 mid-session marks the token invalid, stops polling, notifies once and keeps operations', async () => {
    h = await createHarness();
    await h.core.start();
    await h.core.settled();
    const created = await h.core.quickSnapshot({ serverId: 12345 });
    expect(created.ok).toBe(true);
    await h.core.settled();
    // The token is revoked on the provider's side: simulate with a core whose token the simulator rejects.
    h.secrets.entries.set(h.sim.url, 'vps_SECRETtest_revoked');
    await h.core.stop();
    const core = h.restart();
    await core.start();
    await core.settled();
    const state = core.getState();
    expect(state.account.tokenInvalid).toBe(true);
    expect(state.operations.filter((op) => op.status === 'running')).toHaveLength(1);
    expect(h.notifier.shown.filter((n) => /token stopped working/.test(n.title))).toHaveLength(1);
    expect(h.scheduler.pendingCount()).toBe(0);
    // Nothing more happens with time, and further 401s do not notify again.
    const before = h.requests.length;
    await h.scheduler.advance(60 * 60_000);
    expect(h.requests.length).toBe(before);
    const again = await core.refresh();
    expect(again.ok === false && again.error.kind).toBe('unauthorized');
    expect(h.notifier.shown.filter((n) => /token stopped working/.test(n.title))).toHaveLength(1);
    // A new token resumes tracking.
    const fixed = await core.setToken({ token: TEST_TOKEN, sessionOnly: false });
    expect(fixed.ok).toBe(true);
    await core.settled();
    expect(core.getState().account.tokenInvalid).toBe(false);
    expect(h.scheduler.pendingCount()).toBe(1);
  });

  it('changing the API address looks up the token stored for the new address', async () => {
    h = await createHarness();
    const other = await startSimulator({ token: 'vps_SECRETtest_other', seed: 'empty' });
    try {
      await h.core.start();
      await h.core.settled();
      const moved = await h.core.updateSettings({ apiBaseUrl: other.url });
      expect(moved.ok).toBe(true);
      expect(h.core.getState().mode).toBe('signed-out');
      h.secrets.entries.set(other.url, 'vps_SECRETtest_other');
      await h.core.updateSettings({ apiBaseUrl: h.sim.url });
      await h.core.updateSettings({ apiBaseUrl: other.url });
      // Signed-out mode: the URL changes, nothing is looked up until a token is set.
      expect(h.core.getState().mode).toBe('signed-out');
    } finally {
      await other.stop();
    }
  });

  it('switches to the new address token when signed in', async () => {
    h = await createHarness();
    const other = await startSimulator({ token: 'vps_SECRETtest_other', seed: 'empty' });
    try {
      h.secrets.entries.set(other.url, 'vps_SECRETtest_other');
      await h.core.start();
      await h.core.settled();
      expect(h.core.getState().servers.length).toBe(6);
      const moved = await h.core.updateSettings({ apiBaseUrl: other.url });
      expect(moved.ok && moved.value.apiBaseUrl).toBe(other.url);
      await h.core.settled();
      expect(h.core.getState().mode).toBe('account');
      expect(h.core.getState().servers).toEqual([]);
      expect(h.settings.data.settings.apiBaseUrl).toBe(other.url);
    } finally {
      await other.stop();
    }
  });

  it('demo mode: starts the simulator, keeps its token in memory only, and restarts it after a restart', async () => {
    h = await createHarness({
      storedToken: false,
      persisted: { session: { mode: 'signed-out', email: null } },
    });
    const demos: { stopped: boolean }[] = [];
    const demo = simulatorDemo({ token: 'vps_SECRETtest_demo' });
    const ports = {
      ...h.ports,
      startDemo: async () => {
        const server = await demo();
        const record = { stopped: false };
        demos.push(record);
        return {
          ...server,
          stop: async () => {
            record.stopped = true;
            await server.stop();
          },
        };
      },
    };
    const core = new AppCore(ports);
    await core.start();
    const started = await core.startDemo();
    expect(started.ok).toBe(true);
    await core.settled();
    let state = core.getState();
    expect(state.mode).toBe('demo');
    expect(state.demoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/$/);
    expect(state.servers.length).toBe(6);
    expect(h.secrets.calls.set).toBe(0);
    expect(h.settings.data.session.mode).toBe('demo');
    expect(JSON.stringify(h.settings.data)).not.toContain('vps_SECRETtest_demo');
    // The demo polls fast while something runs: its snapshots take seconds.
    expect((await core.quickSnapshot({ serverId: 12345 })).ok).toBe(true);
    await core.settled();
    expect(h.scheduler.pendingDelays()).toEqual([3000]);
    await core.stop();
    expect(demos[0]?.stopped).toBe(true);

    const again = new AppCore(ports);
    await again.start();
    await again.settled();
    state = again.getState();
    expect(state.mode).toBe('demo');
    expect(demos).toHaveLength(2);
    // The earlier demo's snapshot lived in a simulator that is gone: not tracked any more.
    expect(state.operations).toEqual([]);
    expect(h.settings.data.operations).toEqual([]);
    expect((await again.quickSnapshot({ serverId: 12345 })).ok).toBe(true);
    expect(again.getState().operations).toHaveLength(1);
    // Leaving the demo stops it.
    expect((await again.signOut()).ok).toBe(true);
    expect(demos[1]?.stopped).toBe(true);
    expect(again.getState().mode).toBe('signed-out');
    expect(again.getState().operations).toEqual([]);
    expect(h.settings.data.session.mode).toBe('signed-out');
    await again.stop();
  });
});
