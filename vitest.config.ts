import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 30_000, hookTimeout: 180_000 };
// The app's pure modules (API client, offline rules, i18n tables) are unit-tested here, in Node.
const resolve = { alias: { $lib: fileURLToPath(new URL('./app/src/lib', import.meta.url)) } };

export default defineConfig({
  test: {
    // Once for the whole run (the projects below inherit what it provides): one worker over one database.
    globalSetup: ['tests/support/global-setup.ts'],
    // Two cores: more workers only queue on the embedded database's single session.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        resolve,
        test: {
          ...timeouts,
          name: 'shared',
          include: [
            'worker/**/*.test.ts',
            'db/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'app/src/**/*.test.ts',
          ],
          exclude: ['tests/integration/**/*.exclusive.test.ts'],
        },
      },
      {
        // Files that flip a school-wide switch other files depend on (closing registration) run after every
        // other file, in one process, one after another.
        test: {
          ...timeouts,
          name: 'exclusive',
          include: ['tests/integration/**/*.exclusive.test.ts'],
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
