// Entry point of browser mode (`npm run web`, and `npm start`'s fallback when Electron cannot run).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLabHost } from '../host/create-host.js';
import { defaultDataDir } from '../host/autosave.js';
import { openBrowser } from './open-browser.js';
import { startWebServer } from './server.js';

const DEFAULT_PORT = 5178;

function rendererDir(): string {
  if (process.env.TCPLAB_RENDERER_DIR) return path.resolve(process.env.TCPLAB_RENDERER_DIR);
  // dist/web/main.mjs → dist/renderer
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}

async function main(): Promise<void> {
  const port = process.env.TCPLAB_PORT ? Number(process.env.TCPLAB_PORT) : DEFAULT_PORT;
  const dataDir = defaultDataDir(process.env, os.homedir());
  const host = createLabHost('browser', dataDir);
  const server = await startWebServer({ host, staticDir: rendererDir(), port });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    host.shutdown(); // a clean stop leaves nothing to recover
    console.log(`tcplab stopped (${signal}).`);
    process.exit(0);
  };
  // Before the URL is printed: a Ctrl-C as soon as it shows must stop cleanly (an autosave then leaves nothing
  // to recover), not find the default action or, under a script's background job, an ignored signal.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  console.log(`tcplab browser mode: ${server.url}`);
  console.log(`  ${openBrowser(server.url)}; press Ctrl-C to stop. Autosave: ${dataDir}`);
}

main().catch((err: unknown) => {
  console.error(`tcplab: could not start browser mode: ${(err as Error).message}`);
  process.exit(1);
});
