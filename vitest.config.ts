import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests run the bundled commands (dist/): rebuild it first when any input of the build is newer.
    globalSetup: ['test/support/build-dist.ts'],
  },
});
