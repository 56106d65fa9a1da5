import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CreateSnapshotDialog from '../../../src/renderer/components/dialogs/CreateSnapshotDialog.svelte';
import DeleteSnapshotDialog from '../../../src/renderer/components/dialogs/DeleteSnapshotDialog.svelte';
import { setLanguage } from '../../../src/renderer/lib/i18n/index.svelte';
import { dialogsEn } from '../../../src/shared/i18n/messages/dialogs.en';
import { dialogsFi } from '../../../src/shared/i18n/messages/dialogs.fi';
import { dialogsGu } from '../../../src/shared/i18n/messages/dialogs.gu';
import { NOW, makeEntry, makeSnapshot } from './fixtures';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

afterEach(() => setLanguage('en', []));

describe('the shared dialog frame', () => {
  it('tells the parent once when Esc arrives as keydown, cancel and close together', async () => {
    const onclose = vi.fn();
    render(DeleteSnapshotDialog, {
      entry: makeEntry(),
      snapshot: makeSnapshot(),
      api: { deleteSnapshot: vi.fn() },
      onclose,
    });
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')?.id);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    await fireEvent(dialog, new Event('cancel', { cancelable: true }));
    dialog.close();
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('keeps other keys to the fields', async () => {
    const onclose = vi.fn();
    render(CreateSnapshotDialog, {
      entry: makeEntry(),
      nameTemplate: '{server}',
      now: NOW,
      api: { createSnapshot: vi.fn() },
      onclose,
    });
    await fireEvent.keyDown(screen.getByLabelText('Snapshot name'), { key: 'Enter' });
    await fireEvent.keyDown(screen.getByLabelText('Snapshot name'), { key: 'a' });
    expect(onclose).not.toHaveBeenCalled();
  });

  it('follows the chosen language', () => {
    setLanguage('fi', []);
    render(CreateSnapshotDialog, {
      entry: makeEntry(),
      nameTemplate: '{server}',
      now: NOW,
      api: { createSnapshot: vi.fn() },
      onclose: vi.fn(),
    });
    expect(screen.getByRole('dialog', { name: 'Uusi tilannevedos: web-server-01' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ota tilannevedos' })).toBeTruthy();
  });
});

describe('dialog catalogs', () => {
  it('have the same keys and placeholders in Finnish and Gujarati as in English', () => {
    for (const [lang, catalog] of [
      ['fi', dialogsFi],
      ['gu', dialogsGu],
    ] as const) {
      expect(Object.keys(catalog).sort(), lang).toEqual(Object.keys(dialogsEn).sort());
      for (const [key, text] of Object.entries(dialogsEn)) {
        const translated = (catalog as Record<string, string>)[key] ?? '';
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
        expect(translated.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('Gujarati text is written in Gujarati script', () => {
    const gujarati = /[\u0A80-\u0AFF]/;
    const untranslated = Object.entries(dialogsGu).filter(
      ([key, text]) => key !== 'dialog.listSeparator' && !gujarati.test(text),
    );
    expect(untranslated).toEqual([]);
  });
});
