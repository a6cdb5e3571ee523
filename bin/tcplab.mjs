#!/usr/bin/env node
// Runs the tcplab CLI. In a source checkout it runs the TypeScript sources directly (through tsx), so the
// CLI is never older than the code; a packaged install runs the bundled dist/cli/main.mjs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src-main/cli/main.ts');
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  await import(pathToFileURL(path.join(root, 'dist/cli/main.mjs')).href);
}
