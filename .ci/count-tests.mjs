// Sums the test results every suite wrote (vitest and Playwright JSON reports), so a run that
// executed no test shows "0 passed" instead of looking green.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

let passed = 0;
let failed = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

for (const file of existsSync('test-results') ? readdirSync('test-results') : []) {
  if (!file.endsWith('.json')) continue;
  const report = read(`test-results/${file}`);
  if (report?.numTotalTests !== undefined) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (report?.stats?.expected !== undefined) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  } else if (report?.passed !== undefined && report?.failed !== undefined) {
    // Our own scripted suites (crash safety, backups) write { passed, failed }.
    passed += report.passed;
    failed += report.failed;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
