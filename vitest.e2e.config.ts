import { defineConfig } from 'vitest/config';

// End-to-end tests drive browser mode in Debian's Chromium; they expect `npm run build` to have run.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One retry: a real browser on a loaded 2-core machine can be slower than a poll allows (docs/ARCHITECTURE.md,
    // "Known test flakiness": the one known race is fixed). A test that is really broken still fails twice.
    retry: 1,
    pool: 'forks',
  },
});
