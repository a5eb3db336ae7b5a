import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['tests/e2e/analytics.e2e.ts', 'tests/e2e/teacher-monitor.e2e.ts'],
    testTimeout: 120000,
    hookTimeout: 240000,
    fileParallelism: false,
    provide: { appUrl: 'http://127.0.0.1:8931' },
  },
});
