import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // CI collects every runner's JSON report to print one summary line (.ci/summarize.mjs).
    reporters: process.env.TEST_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: { json: `${process.env.TEST_REPORT_DIR}/web.json` },
  },
});
