import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    setupFiles: ['test/oneStatementAtATime.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // CI collects every runner's JSON report to print one summary line (.ci/summarize.mjs).
    reporters: process.env.TEST_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: { json: `${process.env.TEST_REPORT_DIR}/server.json` },
  },
});
