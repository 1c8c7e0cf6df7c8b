import { defineConfig } from 'vitest/config';

/**
 * Three projects, all run by `npm test`:
 * - unit: pure code (engine, runner, puzzles, client modules) — no sockets, no browser;
 * - integration: real servers on ephemeral ports with SDK clients (Redis/Postgres when configured);
 * - browser: Debian chromium via playwright-core against a client built once per run
 *   (test/browser/globalSetup.ts).
 * `.ci/run` runs them one after another and prints each one's time.
 */
const BROWSER = ['test/browser/**/*.test.ts', 'test/hardening/xss.test.ts'];
const INTEGRATION = ['test/{server,live,leaderboard,scale,hardening}/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...BROWSER, ...INTEGRATION],
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: INTEGRATION, exclude: BROWSER },
      },
      {
        extends: true,
        test: { name: 'browser', include: BROWSER, globalSetup: ['test/browser/globalSetup.ts'] },
      },
    ],
  },
});
