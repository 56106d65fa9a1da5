// The settings-file problems reach the window: shown on the sign-in screen and in the shell, in the
// chosen language (the core sends codes; the window words them), and dismissible for the run.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import App from '../../src/renderer/App.svelte';
import { setLanguage } from '../../src/renderer/lib/i18n/index.svelte';
import { en } from '../../src/shared/i18n/messages/en';
import { fi } from '../../src/shared/i18n/messages/fi';
import { notifyEn } from '../../src/shared/i18n/messages/notify.en';
import { problemsEn } from '../../src/shared/i18n/messages/problems.en';
import { CATALOGS } from '../../src/shared/i18n/catalogs';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { AppState, CatalogMessage } from '../../src/shared/state';
import { makeEntry, makeSnapshot, makeState, signedInState } from './fake-vps';
import { startedStore } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en', []);
});

const PROBLEM: CatalogMessage[] = [
  { code: 'settingsFile.hadProblems' },
  { code: 'settingsFile.issue.truncated' },
  { code: 'settingsFile.issue.unknownEntries', params: { count: 2 } },
  { code: 'settingsFile.backedUp', params: { backup: 'config.json.corrupt-x.bak' } },
];

/** The English sentences (placeholders cut out) of the messages a problem banner can show. */
const ENGLISH_PARTS = Object.values({
  ...problemsEn,
  'notify.saveFailed.body': notifyEn['notify.saveFailed.body'],
})
  .flatMap((text) => text.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 12);

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
    expect(banner?.textContent).toContain('It was cut short or damaged; the readable part was kept.');
    expect(banner?.textContent).toContain('2 unknown entries were removed.');
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
    const banner = screen.getByText(fi['banner.settingsProblem']).closest('[role="status"]');
    const text = banner?.textContent ?? '';
    expect(text).toContain(CATALOGS.fi['settingsFile.issue.truncated']);
    expect(text).toContain('2 tuntematonta merkintää poistettiin.');
    expect(text).toContain('config.json.corrupt-x.bak');
    // No English sentence of the core's is left in the Finnish window.
    expect(ENGLISH_PARTS.filter((part) => text.includes(part))).toEqual([]);
  });

  it("finds English when the core's words come back (negative control)", () => {
    const leaked = `${fi['banner.settingsProblem']} ${problemsEn['settingsFile.issue.truncated']}`;
    expect(ENGLISH_PARTS.filter((part) => leaked.includes(part))).toEqual([
      problemsEn['settingsFile.issue.truncated'],
    ]);
  });

  it('says when the settings cannot be saved, in Gujarati, until saving works again', async () => {
    const servers = [makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()])];
    await app(
      signedInState(servers, {
        saveProblem: { code: 'notify.saveFailed.body', params: { reason: 'EACCES' } },
        settings: { ...DEFAULT_SETTINGS, language: 'gu' },
      }),
    );
    const banner = screen.getByText(CATALOGS.gu['notify.saveFailed.title']).closest('[role="status"]');
    const text = banner?.textContent ?? '';
    expect(text).toContain(CATALOGS.gu['notify.saveFailed.body'].replace('{reason}', 'EACCES'));
    expect(ENGLISH_PARTS.filter((part) => text.includes(part))).toEqual([]);
  });

  it('is absent when there is no problem', async () => {
    const servers = [makeEntry({ id: 1, name: 'web-server-01' }, [makeSnapshot()])];
    await app(signedInState(servers));
    expect(screen.queryByText(en['banner.settingsProblem'])).toBeNull();
    await app(makeState());
    expect(screen.queryByText(en['banner.settingsProblem'])).toBeNull();
  });
});
