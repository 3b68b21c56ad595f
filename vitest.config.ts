import { defineConfig } from 'vitest/config';

/** builds dist/ when stale: the tests that start the CLI run the compiled one (tests/support/cli.ts) */
const BUILD = 'tests/support/build-global-setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'web/src/**/*.test.ts',
            'packs/**/*.test.ts',
            'tests/lint/**/*.test.ts',
          ],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
          environment: 'node',
          globalSetup: [BUILD],
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts', 'tests/api/**/*.test.ts', 'src/features/**/*.api.test.ts'],
          environment: 'node',
          globalSetup: [
            BUILD,
            'tests/support/postgres-global-setup.ts',
            'tests/support/pglite-dump-global-setup.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: [BUILD],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // a page waits on the server (a password hashed, a plan solved): on a busy 2-core machine one second is
          // not always enough for expect.poll, and a wait that ends early fails a test that is right
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          // npm pack, npm install --omit=dev in a temporary folder, run the installed tupu (needs the npm registry)
          name: 'install',
          include: ['tests/install/**/*.test.ts'],
          environment: 'node',
          globalSetup: [BUILD],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
