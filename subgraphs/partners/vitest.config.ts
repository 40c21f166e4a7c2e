import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time: most of a file's time is spent waiting for PostgreSQL and the
    // services it starts, so a second file keeps the other core busy (each file has databases of
    // its own). Vitest's default on a 2-core machine is one.
    maxWorkers: 2,
    globalSetup: ['../kit/src/vitest-global-setup.ts'],
    // Only a test that would wait forever is stopped: `pnpm test` runs two packages at once, and a
    // busy 2-core machine makes a test that waits for a second service take several times as long.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
