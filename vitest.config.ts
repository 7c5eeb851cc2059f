import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The Action tests run dist/index.js: build-dist.ts also rebuilds when it is missing or older
    // than the lockfile or the rollup config.
    globalSetup: ['test/global-setup.ts', 'test/action/build-dist.ts'],
  },
});
