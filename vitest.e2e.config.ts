import { defineConfig } from 'vitest/config';

// End-to-end tests drive browser mode in Debian's Chromium; they expect `npm run build` to have run.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
