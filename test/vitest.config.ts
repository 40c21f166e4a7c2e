import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'deployment/**/*.test.ts'],
    globalSetup: ['../subgraphs/kit/src/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
