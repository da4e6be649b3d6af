import { defineConfig } from 'vitest/config';

// Two tiers (CONVENTIONS.md §8): pure unit tests, and integration tests that run against a real
// database — PGlite by default, a PostgreSQL server when DATABASE_URL is set (see `npm run test:pg`).
// Plus the CLI as child processes (`npm run test:cli`) and browser journeys in Debian's Chromium
// (`npm run test:e2e`), which `npm test` leaves out: its script names the unit and integration projects.
export default defineConfig({
  test: {
    // Vitest's default on a 2-core machine is one worker; the integration tier spends much of its time
    // waiting on child processes (the CLI, servers being killed), which a second worker overlaps.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts', 'apps/*/src/**/*.int.test.ts', 'apps/*/test/**/*.int.test.ts'],
          // The CLI's own tier below: it always runs on PGlite, so the PostgreSQL run would repeat it.
          exclude: ['apps/cli/test/**', '**/node_modules/**'],
          globalSetup: ['scripts/vitest-global-setup.ts'],
          // Generous on purpose: a limit is a safety net for a hung test, and must not fail a healthy
          // one on a loaded machine (child processes there take many times longer to start).
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // `ptrack` run as a child process, the way a user runs it (every README command included): each
        // test spends seconds starting processes, so this tier runs on its own (`npm run test:cli`, and
        // in CI) and keeps `npm test` short.
        test: {
          name: 'cli',
          include: ['apps/cli/test/**/*.int.test.ts'],
          globalSetup: ['scripts/vitest-global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          // Builds apps/web once if its sources changed since the last build, and the PGlite template
          // the servers' fresh data directories start from.
          globalSetup: ['e2e/support/global-setup.ts', 'scripts/vitest-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file starts a server and a browser: one at a time on a small machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
