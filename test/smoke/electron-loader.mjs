// Node module hook (registered by register-electron.mjs): resolves the bare specifier `electron`
// to the recording stand-in, since Electron's binary cannot run here.
const standIn = new URL('./electron-stand-in.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  // Passed on down the chain so tsx's own hooks see the .ts file and compile it.
  if (specifier === 'electron') return nextResolve(standIn, context);
  return nextResolve(specifier, context);
}
