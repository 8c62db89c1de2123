import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: 'test',
      // A fixed test secret; real deployments generate theirs (server/env.ts).
      AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      DATABASE_URL: './data/test-unused.db',
    },
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
