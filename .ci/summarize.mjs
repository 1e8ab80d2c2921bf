// Adds up the JSON reports of every test runner (Vitest, Playwright) under a folder.
import fs from 'node:fs';
import path from 'node:path';

const files = (dir) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? files(full) : entry.name.endsWith('.json') ? [full] : [];
      })
    : [];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files(process.argv[2])) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof report.numPassedTests === 'number') {
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed before or outside its tests (setup, import) counts as one failure.
    failed += (report.testResults ?? []).filter(
      (suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
    ).length;
  } else if (report.stats && typeof report.stats.expected === 'number') {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped ?? 0;
    failed += (report.errors ?? []).length;
  }
}
// A run that failed without a report saying so (a runner that wrote none, a build that broke
// before the browser tests) still fails the summary.
const failedRuns = Number(process.argv[3] ?? 0);
if (failed === 0 && failedRuns > 0) failed = failedRuns;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
