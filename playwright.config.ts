import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8181);
/** Cambodia's instance beside Thailand's: the federation journey works across both. */
const partnerPort = Number(process.env.E2E_PARTNER_PORT ?? port + 1);
const reportDir = process.env.TEST_REPORT_DIR;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  reporter: reportDir ? [['list'], ['json', { outputFile: `${reportDir}/e2e.json` }]] : [['list']],
  outputDir: 'test-results',
  use: {
    // A click on something that never comes fails in half a minute with its call log, not at the test's end.
    actionTimeout: 30_000,
    baseURL: `http://127.0.0.1:${port}`,
    // Debian's Chromium: this machine cannot download Playwright's own browser builds.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
  },
  webServer: [
    {
      command: 'node_modules/.bin/tsx e2e/serve.ts',
      url: `http://127.0.0.1:${port}/healthz`,
      env: { E2E_PORT: String(port) },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // Cambodia's instance, for the cross-border journey (e2e/federation.spec.ts).
    {
      command: 'node_modules/.bin/tsx e2e/serve.ts',
      url: `http://127.0.0.1:${partnerPort}/healthz`,
      env: { E2E_PORT: String(partnerPort), E2E_COUNTRY: 'KH' },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
