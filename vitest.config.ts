import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `@/x` is the repository's x, as in tsconfig.json's paths (vite does not read those). */
export const resolve = { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }] };

/** What every test run shares; vitest.fuzz.config.ts runs the long fuzzing with the same settings. */
export const shared = {
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 60_000,
  env: {
    NODE_ENV: 'test',
    // A fixed test secret; real deployments generate theirs (server/env.ts).
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DATABASE_URL: './data/test-unused.db',
    // Each test process refreshes pages in a page cache of its own.
    PAGE_CACHE_FILE: ':memory:',
  },
} as const;

// `npx vitest run`: unit and integration tests, without the long fuzzing (tests/integration/fuzz.test.ts),
// which `npm test` runs after them (vitest.fuzz.config.ts).
export default defineConfig({
  resolve,
  test: {
    ...shared,
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['tests/integration/fuzz.test.ts', '**/node_modules/**'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
