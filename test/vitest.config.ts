import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../subgraphs/kit/src/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts', 'deployment/**/*.test.ts'] } },
      // Fault injection on a stack of its own (`pnpm test:faults`; FAULT_WRITES scales it up).
      { extends: true, test: { name: 'faults', include: ['faults/**/*.test.ts'], testTimeout: 300_000 } },
    ],
  },
});
