// `node --import tsx --import ./test/smoke/register-electron.mjs …` : installs the electron hook.
import { register } from 'node:module';

register('./electron-loader.mjs', import.meta.url);
