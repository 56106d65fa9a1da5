// The settings-file problem reaches the window: shown on the sign-in screen and in the shell,
// in the chosen language, with the core's detail, and dismissible for the run.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import App from '../../src/renderer/App.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import { en } from '../../src/shared/i18n/messages/en';
import { fi } from '../../src/shared/i18n/messages/fi';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { AppState } from '../../src/shared/state';
import { makeEntry, makeSnapshot, makeState, signedInState } from './fake-vps';
import { startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const PROBLEM =
  'Your settings file had problems: it was cut short or damaged; the readable part was kept. The original was saved as config.json.corrupt-x.bak, and defaults are used for anything that could not be read.';

async function app(state: AppState) {
  const ctx = await startedStore(state);
  render(App, { props: { store: ctx.store } });
  await tick();
  return ctx;
}

describe('settings problem banner', () => {
  it('is shown on the sign-in screen with the detail, and can be dismissed', async () => {
    await app(makeState({ settingsProblem: PROBLEM }));
    const banner = screen.getByText(en['banner.settingsProblem']).closest('[role="status"]');
    expect(banner).not.toBeNull();
    expect(banner?.textContent).toContain('config.json.corrupt-x.bak');
    await fireEvent.click(screen.getByRole('button', { name: en['banner.dismiss'] }));
    expect(screen.queryByText(en['banner.settingsProblem'])).toBeNull();
  });

  it('is shown in the signed-in shell, in the chosen language', async () => {
    const servers = [makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()])];
    await app(
      signedInState(servers, {
        settingsProblem: PROBLEM,
        settings: { ...DEFAULT_SETTINGS, language: 'fi' },
      }),
    );
    expect(screen.getByText(fi['banner.settingsProblem'])).toBeTruthy();
  });

  it('is absent when there is no problem', async () => {
    const servers = [makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()])];
    await app(signedInState(servers));
    expect(screen.queryByText(en['banner.settingsProblem'])).toBeNull();
    await app(makeState());
    expect(screen.queryByText(en['banner.settingsProblem'])).toBeNull();
  });
});
