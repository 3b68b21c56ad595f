import { defineConfig } from 'vitest/config';

/** builds dist/ when stale: the tests that start the CLI run the compiled one (tests/support/cli.ts) */
const BUILD = 'tests/support/build-global-setup.ts';
const DB_SETUP = [
  BUILD,
  'tests/support/postgres-global-setup.ts',
  'tests/support/pglite-dump-global-setup.ts',
];

/**
 * Tests that measure time against a fixed bound (a health check under 500 ms during uploads, an answer file read
 * within its thread's time limit, a sign-in countdown read to the second): they run last, one file at a time with
 * nothing else beside them, so the other tests running two-wide never slow them down.
 */
const ALONE = {
  unit: ['src/packs/xlsx-limits.test.ts'],
  db: ['src/features/assessments/uploads.api.test.ts'],
  browser: ['tests/e2e/sign-in-throttle.e2e.ts'],
};

/**
 * Two files at a time where that is safe: on a 2-core machine vitest's default is one worker (cores − 1), and a
 * project with fileParallelism: false goes into one sequential group with every other such project, so the suite ran
 * one file after another. Each database file has its own databases (a PGlite in memory, a PostgreSQL database of a
 * random name), so two never share state. Browser files run one at a time: each has a server and a Chromium, and two
 * of them side by side on two cores made a page's own timing (a CSP report, a poll) fail a test that is right.
 *
 * Groups run one after another (sequence.groupOrder); the projects of one group share its workers:
 *   0 — unit and install, 1 — database tests, 2 — browser tests, 3 — the timing tests above, alone.
 */
const WIDE = 2;

const DB = {
  environment: 'node' as const,
  globalSetup: DB_SETUP,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

const BROWSER = {
  environment: 'node' as const,
  globalSetup: [BUILD],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // a page waits on the server (a password hashed, a plan solved): on a busy 2-core machine one second is
  // not always enough for expect.poll, and a wait that ends early fails a test that is right
  expect: { poll: { timeout: 10_000 } },
};

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
          exclude: ['**/*.api.test.ts', '**/node_modules/**', ...ALONE.unit],
          environment: 'node',
          globalSetup: [BUILD],
          // two files side by side on two cores: a property test or a solver thread can take longer than vitest's 5 s
          testTimeout: 30_000,
          maxWorkers: WIDE,
          sequence: { groupOrder: 0 },
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
          maxWorkers: WIDE,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts', 'tests/api/**/*.test.ts', 'src/features/**/*.api.test.ts'],
          exclude: ['**/node_modules/**', ...ALONE.db],
          ...DB,
          maxWorkers: WIDE,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.e2e.ts'],
          exclude: ['**/node_modules/**', ...ALONE.browser],
          ...BROWSER,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'unit-alone',
          include: ALONE.unit,
          environment: 'node',
          globalSetup: [BUILD],
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
        },
      },
      {
        test: {
          name: 'db-alone',
          include: ALONE.db,
          ...DB,
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
        },
      },
      {
        test: {
          name: 'browser-alone',
          include: ALONE.browser,
          ...BROWSER,
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
