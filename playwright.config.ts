import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

// Playwright cannot download its own browsers here; use the system Chromium when there is one,
// and Playwright's bundled browser everywhere else.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const asRoot = process.getuid?.() === 0;

export const chromiumLaunchOptions = {
  executablePath: systemChromium,
  args: [
    ...(asRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  // One production server and one database for the whole run: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions } }],
  webServer: {
    // The production build (npm run test:e2e builds first) on a database of its own, seeded fresh.
    command: 'node tests/e2e/serve.mjs',
    url: `${E2E_BASE_URL}/en/labs`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: `data/e2e-${E2E_PORT}/app.db`,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
      // Every anonymous request of the run comes from one address, and the leak walk alone searches
      // for some eighty words twice (the search page and the API) within a minute. The budget itself
      // is tested on a server of its own (security.spec.ts).
      ANONYMOUS_BUDGET_PER_MINUTE: '1000',
    },
  },
});
