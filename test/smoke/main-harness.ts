// Child process of the smoke test: loads the BUILT main bundle with `electron` resolved to the
// recording fake, then answers 'report' messages with what the fake has recorded so far.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { recordingSummary } from '../support/fake-electron';

const bundle = process.argv[2] ?? resolve('out/main/index.js');

process.on('message', (message) => {
  if (message === 'report') process.send?.({ type: 'report', summary: recordingSummary() });
  if (message === 'exit') process.exit(0);
});

try {
  await import(pathToFileURL(bundle).href);
  process.send?.({ type: 'loaded' });
} catch (error) {
  process.send?.({ type: 'load-error', message: error instanceof Error ? error.message : String(error) });
}
