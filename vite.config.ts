import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const page = (name: string) => fileURLToPath(new URL(`./src-renderer/${name}`, import.meta.url));

// The renderer is a static bundle: browser mode serves it over HTTP, Electron over app://.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // fixture.html renders the diagrams on a fixed trace for the screenshot tests (tests/e2e/diagrams.e2e.ts).
    rolldownOptions: { input: { main: page('index.html'), fixture: page('fixture.html') } },
  },
  logLevel: 'warn',
});
