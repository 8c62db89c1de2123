import { defineConfig } from 'vitest/config';
import { resolve, shared } from './vitest.config';

// The fuzzing of every procedure (tests/integration/fuzz.test.ts): over a minute of the test run, so
// it is its own run, part of `npm test` (and CI) but not of a developer's `npx vitest run`.
export default defineConfig({
  resolve,
  test: {
    ...shared,
    include: ['tests/integration/fuzz.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-fuzz.json' }]],
  },
});
