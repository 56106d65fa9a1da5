/**
 * `npm run web`: the whole app in a browser. Builds first (see package.json), then starts the demo
 * simulator, the real core and the page host, prints the URL and runs until Ctrl-C.
 */
import { startPreview } from '../src/preview/index';

const port = Number(process.env['PORT'] ?? 0);

async function main(): Promise<void> {
  const preview = await startPreview({
    port: Number.isInteger(port) && port > 0 ? port : 0,
    speed: 20,
    ipcLogLimit: 500,
    tray: true,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    preview.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Only now: whoever reads the URL may stop the preview at once.
  console.log(
    `VPS Snapshot Tray preview: ${preview.url}  (the window with the system tray beside it; demo simulator at speed 20; Ctrl-C stops)`,
  );
}

main().catch((error: unknown) => {
  console.error(`The preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
