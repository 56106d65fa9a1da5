/** Renderer entry: builds the store on `window.vps`, sets the language, mounts the app, asks for the state. */
import { mount } from 'svelte';
import App from './App.svelte';
import { AppStore } from './lib/app-store.svelte';
import { prepareFormats, setLanguage } from './lib/i18n/index.svelte';

setLanguage('system');
const store = new AppStore(window.vps);
const target = document.getElementById('app');
if (target) mount(App, { target, props: { store } });
void store.start();
// While the first state travels from main, not during the first render that follows it.
prepareFormats(Date.now());
