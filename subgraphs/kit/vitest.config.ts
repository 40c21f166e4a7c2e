import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The outbox's tests need PostgreSQL: DATABASE_URL, or an embedded server for the run.
    globalSetup: ['src/vitest-global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Conditions are waited for, never a fixed time: this only stops a test that would wait forever.
    expect: { poll: { timeout: 60_000, interval: 20 } },
  },
});
