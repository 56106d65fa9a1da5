/**
 * The browser preview's system tray, drawn beside the window (development only: served by the
 * preview host, never part of the app's bundles). It draws what the host sends: the real tray
 * model (icon state, tooltip, the menu with its submenus) and the notifications the core asked
 * for, and sends back which item the user chose. Like a real tray it holds no logic of its own.
 */
import type { TrayMenuItem } from '../../main/core/tray-model';
import type { ChooseRequest, NotificationClick, PanelConfig, TrayView } from './protocol';

declare const __TRAY_PANEL_CONFIG__: PanelConfig;
const config = __TRAY_PANEL_CONFIG__;

// Read before the bridge script (which runs next) removes the tag.
const key = document.querySelector(`meta[name="${config.keyMeta}"]`)?.getAttribute('content') ?? '';

async function call<T>(name: string, payload?: ChooseRequest | NotificationClick): Promise<T | null> {
  try {
    const response = await fetch(config.callPrefix + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [config.keyHeader]: key },
      body: payload === undefined ? '' : JSON.stringify(payload),
      cache: 'no-store',
      credentials: 'omit',
    });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

const STYLE = `
:host { all: initial; }
.desktop {
  position: fixed; top: 0; right: 0; bottom: 0; width: var(--tray-width);
  display: flex; flex-direction: column; gap: 10px; padding: 0 10px 10px;
  background: #2b2f36; color: #e8eaed; font: 13px/1.35 system-ui, sans-serif;
  overflow-y: auto; box-shadow: -2px 0 8px rgba(0,0,0,.25);
}
.bar {
  position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 8px;
  margin: 0 -10px; padding: 6px 10px; background: #16181c; min-height: 28px;
}
.bar h2 { flex: 1; margin: 0; font-size: 12px; font-weight: 600; color: #b9bec7; }
.icon { display: grid; place-items: center; width: 28px; height: 24px; padding: 0; border: 0;
  border-radius: 4px; background: #3a3f47; cursor: pointer; }
.icon img { width: 18px; height: 18px; }
.tooltip { margin: 0; padding: 4px 8px; border-radius: 4px; background: #111; color: #fff; font-size: 12px;
  align-self: flex-end; }
ul { list-style: none; margin: 0; padding: 4px 0; }
.menu { background: #f7f7f8; color: #1d1f23; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.35); }
.menu ul { margin: 2px 0 4px 14px; padding: 2px 0; border-left: 2px solid #c9ccd3; }
[role='separator'] { height: 1px; margin: 4px 0; background: #d4d6db; }
button.item { display: block; width: 100%; padding: 4px 12px; border: 0; background: none; color: inherit;
  font: inherit; text-align: left; cursor: pointer; }
button.item:hover:not([aria-disabled='true']), button.item:focus-visible { background: #1f5fbf; color: #fff; outline: none; }
button.item[aria-disabled='true'] { color: #80858e; cursor: default; }
button.item[aria-haspopup]::after { content: ' ▸'; }
button.item[aria-expanded='true']::after { content: ' ▾'; }
section h3 { margin: 4px 0; font-size: 12px; color: #b9bec7; }
.notes { display: grid; gap: 6px; margin: 0; padding: 0; list-style: none; }
.note { display: grid; gap: 2px; width: 100%; padding: 8px 10px; border: 0; border-radius: 6px; text-align: left;
  background: #3a3f47; color: #e8eaed; font: inherit; cursor: pointer; }
.note strong { font-size: 13px; }
.none { color: #9aa0a9; margin: 0; }
`;

/** The panel: a shadow root beside the window, redrawn when the host's view changes. */
class TrayPanel {
  private readonly root: ShadowRoot;
  private last = '';
  private view: TrayView | null = null;
  /** Open submenus, by the index path of their item. */
  private readonly open = new Set<string>();

  constructor() {
    const host = document.createElement('div');
    host.id = 'vps-preview-tray';
    document.body.append(host);
    this.root = host.attachShadow({ mode: 'open' });
    const width = '380px';
    const style = document.createElement('style');
    // The window keeps the rest of the page; the tray takes a column on the right.
    style.textContent = `#app { margin-right: ${width}; } #vps-preview-tray { --tray-width: ${width}; }`;
    document.head.append(style);
  }

  async refresh(): Promise<void> {
    const view = await call<TrayView>('tray');
    if (view === null) return;
    const json = JSON.stringify(view);
    if (json === this.last) return;
    this.last = json;
    this.view = view;
    this.draw();
  }

  private draw(): void {
    const view = this.view;
    if (view === null) return;
    const desktop = el('aside', { class: 'desktop', lang: view.lang, 'aria-label': view.words.title });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const img = el('img', { src: view.icon, alt: '' });
    const icon = el('button', {
      class: 'icon',
      type: 'button',
      title: view.model.tooltip,
      'aria-label': view.model.tooltip,
      'data-state': view.model.icon,
    });
    icon.append(img);
    const title = el('h2');
    title.textContent = view.words.title;
    const bar = el('div', { class: 'bar' });
    bar.append(title, icon);
    const tooltip = el('p', { class: 'tooltip', role: 'tooltip' });
    tooltip.textContent = view.model.tooltip;
    const menu = this.menu(view.model.items, [], view.words.title);
    menu.classList.add('menu');
    desktop.append(style, bar, tooltip, menu, this.notifications(view));
    this.root.replaceChildren(desktop);
  }

  private menu(items: readonly TrayMenuItem[], path: number[], label: string): HTMLUListElement {
    const list = el('ul', { role: 'menu', 'aria-label': label }) as HTMLUListElement;
    items.forEach((item, index) => {
      const li = el('li', { role: 'none' });
      if (item.kind === 'separator') {
        li.setAttribute('role', 'separator');
        list.append(li);
        return;
      }
      const here = [...path, index];
      const id = here.join('.');
      const button = el('button', { class: 'item', type: 'button', role: 'menuitem' });
      button.textContent = item.label;
      if (!item.enabled) button.setAttribute('aria-disabled', 'true');
      li.append(button);
      if (item.submenu) {
        const expanded = this.open.has(id);
        button.setAttribute('aria-haspopup', 'menu');
        button.setAttribute('aria-expanded', String(expanded));
        button.addEventListener('click', () => {
          if (expanded) this.open.delete(id);
          else this.open.add(id);
          this.draw();
        });
        if (expanded) li.append(this.menu(item.submenu, here, item.label));
      } else if (item.enabled && item.action) {
        button.addEventListener('click', () => void this.choose(here, item.label));
      }
      list.append(li);
    });
    return list;
  }

  private async choose(path: number[], label: string): Promise<void> {
    // A real menu closes once an item is chosen.
    this.open.clear();
    this.draw();
    await call('choose', { path, label });
    await this.refresh();
  }

  private notifications(view: TrayView): HTMLElement {
    const section = el('section', { 'aria-label': view.words.notifications });
    const heading = el('h3');
    heading.textContent = view.words.notifications;
    section.append(heading);
    if (view.notifications.length === 0) {
      const none = el('p', { class: 'none' });
      none.textContent = view.words.none;
      section.append(none);
      return section;
    }
    const list = el('ol', { class: 'notes' });
    for (const note of view.notifications) {
      const button = el('button', { class: 'note', type: 'button' });
      const title = el('strong');
      title.textContent = note.title;
      const body = el('span');
      body.textContent = note.body;
      button.append(title, body);
      button.addEventListener('click', () => void call('clickNotification', { id: note.id }));
      const li = el('li');
      li.append(button);
      list.append(li);
    }
    section.append(list);
    return section;
  }
}

function el(tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function start(): void {
  const panel = new TrayPanel();
  void panel.refresh();
  setInterval(() => void panel.refresh(), config.refreshMs);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
