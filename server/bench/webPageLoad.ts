import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestApp } from '../test/harness.js';
import { type Bench, type BenchEntry, ceilingEntry, entry, percentile } from './context.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Issue 15: what a cold sign-in and the case list may download, and how soon the list must answer. */
const INITIAL_KB_BUDGET = 250;
const CASE_LIST_TTI_BUDGET_MS = 3000;

/** DevTools' "Fast 3G" preset and a mid-range phone's CPU. */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

type Load = { scripts: string[]; styles: string[]; signInReadyMs: number; caseListMs: number };

/** The Thai interface the demo instance works in: its catalogue is among the heaviest the page can load. */
const thaiSignIn = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../web/src/locales/th/translation.json', import.meta.url)), 'utf8'))
  .signIn as { username: string; submit: string };

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/**
 * The main thread has painted and run its queued work: a click now gets its answer. Passed as text:
 * it runs in the page, and the server's compiler knows no DOM.
 */
const settled = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))');

/**
 * One cold visit in a fresh browser context: the case list asked for, the sign-in page shown
 * instead, the caseworker signing in, the list drawn. Times are wall-clock under throttling.
 */
async function coldVisit(browser: Browser, baseUrl: string): Promise<Load> {
  const context = await browser.newContext({ locale: 'th-TH', viewport: { width: 1366, height: 820 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  const styles = new Set<string>();
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const file = new URL(response.url()).pathname;
    if (type === 'script') scripts.add(file);
    if (type === 'stylesheet') styles.add(file);
  });
  await throttle(page);
  try {
    const started = performance.now();
    await page.goto(`${baseUrl}/cases`);
    const submit = page.getByRole('button', { name: thaiSignIn.submit });
    await submit.waitFor();
    await settled(page);
    const signInReadyMs = performance.now() - started;
    await page.getByLabel(thaiSignIn.username).fill('th.socialworker');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    const submitted = performance.now();
    await submit.click();
    await page.locator('main table tbody tr a[href^="/cases/"]').first().waitFor({ timeout: 60_000 });
    await settled(page);
    return { scripts: [...scripts], styles: [...styles], signInReadyMs, caseListMs: performance.now() - submitted };
  } finally {
    await context.close();
  }
}

/** The bytes a browser asking for gzip receives: the build's .gz beside the file (scripts/precompress.mjs), else the file. */
function gzipBytes(urlPath: string): number {
  const file = path.join(WEB_DIST, urlPath);
  return fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : fs.statSync(file).size;
}
const brotliBytes = (urlPath: string) => {
  const file = path.join(WEB_DIST, urlPath);
  return fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : fs.statSync(file).size;
};
const kb = (bytes: number) => bytes / 1024;
const sum = (paths: readonly string[], size: (urlPath: string) => number) => paths.reduce((total, urlPath) => total + size(urlPath), 0);

/**
 * The web app as a phone on a slow network meets it, in headless Chromium against the built bundle
 * (`node scripts/build.mjs` first) served by the app: the JavaScript and CSS a cold sign-in and the
 * case list load, and how long the case list takes to answer after signing in.
 */
export const webPageLoad: Bench = {
  name: 'web-page-load',
  async run({ quick }) {
    if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
      throw new Error(`No web bundle in ${WEB_DIST}: run node scripts/build.mjs first`);
    const app = await startTestApp({ WEB_DIST });
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const loads: Load[] = [];
      for (let visit = 0; visit < (quick ? 3 : 5); visit++) loads.push(await coldVisit(browser, app.baseUrl));
      const first = loads[0] as Load;
      const scriptKb = kb(sum(first.scripts, gzipBytes));
      const styleKb = kb(sum(first.styles, gzipBytes));
      const entries: BenchEntry[] = [
        ceilingEntry(
          'web-initial-js',
          scriptKb + styleKb,
          INITIAL_KB_BUDGET,
          'KB',
          first.scripts.length + first.styles.length,
          'gzip JS + CSS',
        ),
        entry('web-initial-js', 'gzip JS', scriptKb, INITIAL_KB_BUDGET, 'KB', first.scripts.length),
        entry('web-initial-js', 'gzip CSS', styleKb, INITIAL_KB_BUDGET, 'KB', first.styles.length),
        entry(
          'web-initial-js',
          'brotli JS + CSS (as sent to Chromium)',
          kb(sum([...first.scripts, ...first.styles], brotliBytes)),
          INITIAL_KB_BUDGET,
          'KB',
          1,
        ),
      ];
      const caseList = loads.map((load) => load.caseListMs);
      const signIn = loads.map((load) => load.signInReadyMs);
      entries.push(
        ceilingEntry(
          'web-case-list-tti',
          percentile(caseList, 50),
          CASE_LIST_TTI_BUDGET_MS,
          'ms',
          loads.length,
          'p50 after sign-in, Fast 3G, 4× CPU',
        ),
        entry('web-sign-in-ready', 'p50 cold load, Fast 3G, 4× CPU', percentile(signIn, 50), 0, 'ms', loads.length),
      );
      return entries;
    } finally {
      await browser.close();
      await app.close();
    }
  },
};
