import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The app's pure modules (API client, offline rules, i18n tables) are unit-tested here, in Node.
    alias: { $lib: fileURLToPath(new URL('./app/src/lib', import.meta.url)) },
  },
  test: {
    include: ['worker/**/*.test.ts', 'db/**/*.test.ts', 'tests/integration/**/*.test.ts', 'app/src/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores: more workers only queue on the embedded database's single session.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
