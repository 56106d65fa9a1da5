/** Renderer entry: builds the store on `window.vps`, sets the language, and mounts the app. */
import { mount } from 'svelte';
import App from './App.svelte';
import { AppStore } from './lib/app-store.svelte';
import { setLanguage } from './lib/i18n/index.svelte';

setLanguage('system');
const store = new AppStore(window.vps);
const target = document.getElementById('app');
if (target) mount(App, { target, props: { store } });
void store.start();
