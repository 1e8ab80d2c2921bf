// The browser journeys drive Debian's Chromium (playwright.config.ts): Playwright's own browser
// downloads are not reachable from every machine we test on. Installs it when it is missing, so that
// `npm test` stays the whole set-up; without root, says the one command to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

const executable = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
const present = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

if (present(executable)) process.exit(0);

function fail(reason) {
  console.error(`Chromium for the browser journeys is missing (${executable}): ${reason}`);
  process.exit(1);
}

if (executable !== DEBIAN_CHROMIUM) fail('CHROMIUM_PATH names a file that is not there or not executable.');
if (process.platform !== 'linux' || !present('/usr/bin/apt-get')) {
  fail('install Chromium at /usr/bin/chromium, or point CHROMIUM_PATH at a Chromium or Chrome executable.');
}
if (process.getuid?.() !== 0) fail(`run as root: ${INSTALL}`);

console.log(`Installing Chromium for the browser journeys: ${INSTALL}`);
const result = spawnSync('sh', ['-c', INSTALL], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (result.status !== 0 || !present(DEBIAN_CHROMIUM)) fail(`the installation failed; run it by hand as root: ${INSTALL}`);
