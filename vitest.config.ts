import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Some files compute their fixtures once in beforeAll (every lesson's trace, trace-text.test.ts): that is a
    // test's work, and on two busy cores it took longer than vitest's 10 s hook default.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
