// The federation demo (README, "Federation demo"): Thailand's and Cambodia's instances side by side,
// each with its own database, keys and demo data, registered as each other's partners. Run after the
// build (`npm run demo:federation` does both); Ctrl-C stops both instances. A second run on the same
// data directories finds the partners registered and only starts the instances.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const password = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';
const BOOT_MINUTES = 5;

/**
 * Cambodia answers on 127.0.0.1 and Thailand on localhost: a browser keeps cookies per host name,
 * not per port, so on one host name signing in to one instance would sign the other out.
 */
const INSTANCES = [
  {
    country: 'TH',
    label: 'Thailand',
    host: 'localhost',
    port: process.env.TH_PORT ?? '8080',
    admin: 'admin',
    focalPoint: 'th.socialworker',
  },
  {
    country: 'KH',
    label: 'Cambodia',
    host: '127.0.0.1',
    port: process.env.KH_PORT ?? '8081',
    admin: 'kh.admin',
    focalPoint: 'kh.socialworker',
  },
].map((instance) => ({
  ...instance,
  url: `http://${instance.host}:${instance.port}`,
  dataDir: path.join(root, 'data', 'federation', instance.country.toLowerCase()),
}));
const [thailand, cambodia] = INSTANCES;

/** Settings that would make the two instances share a database or keys stay out of both. */
const NOT_SHARED = ['DATABASE_URL', 'SEAMLESS_KEYS', 'SEAMLESS_INSTANCE_KEYS', 'INSTANCE_NAME', 'SEED_DEMO'];

function environmentOf(instance) {
  const env = { ...process.env };
  for (const name of NOT_SHARED) delete env[name];
  return {
    ...env,
    PORT: instance.port,
    DATA_DIR: instance.dataDir,
    INSTANCE_COUNTRY: instance.country,
    INSTANCE_URL: instance.url,
    // A packet that found its partner down goes out again within seconds, not the production quarter minute.
    FEDERATION_RETRY_SECONDS: '2',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
}

/** Each line of a child's output, marked with its country. */
function relay(stream, prefix, target) {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) target.write(`${prefix} ${line}\n`);
  });
  stream.on('end', () => {
    if (partial) target.write(`${prefix} ${partial}\n`);
  });
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

const running = new Map();
let stopping = false;
let failed = false;

function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of running.values()) child.kill(signal);
}

function start(instance) {
  fs.mkdirSync(instance.dataDir, { recursive: true });
  const child = spawn(process.execPath, [path.join(root, 'server', 'dist', 'main.js')], {
    cwd: root,
    env: environmentOf(instance),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay(child.stdout, `[${instance.country}]`, process.stdout);
  relay(child.stderr, `[${instance.country}]`, process.stderr);
  running.set(instance.country, child);
  child.on('exit', (code, signal) => {
    running.delete(instance.country);
    if (!stopping) {
      console.error(`${instance.label} stopped (${signal ?? `exit code ${code}`}): stopping the other instance too.`);
      failed = true;
      stopAll('SIGTERM');
    }
    if (running.size === 0) process.exit(failed ? 1 : 0);
  });
  return child;
}

async function waitUntilUp(instance, child) {
  const deadline = Date.now() + BOOT_MINUTES * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${instance.label} did not start.`);
    if (await answers(`${instance.url}/healthz`)) return;
    await sleep(500);
  }
  throw new Error(`${instance.label} did not answer on ${instance.url}/healthz within ${BOOT_MINUTES} minutes.`);
}

/** A signed-in session as the browser holds one: cookies, the Origin header and the CSRF token echoed back. */
async function signIn(instance, username) {
  const cookies = new Map();
  async function call(method, pathname, body) {
    const csrf = cookies.get('csrf_token');
    const response = await fetch(`${instance.url}${pathname}`, {
      method,
      headers: {
        origin: instance.url,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookies.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathname} on ${instance.label} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
  const login = await call('POST', '/api/auth/login', { username, password });
  if (login.stage !== 'active') {
    throw new Error(`${username} on ${instance.label} needs a second factor: register the partners on the federation admin page instead.`);
  }
  return { call, signOut: () => call('POST', '/api/auth/logout') };
}

/**
 * Registers the partner with this instance unless it is there already (in any status: a partner an
 * admin suspended or revoked stays so). Here the script plays both administrators, who in real use
 * read the fingerprint to each other over a channel they already trust before confirming it.
 */
async function trust(instance, partner) {
  const session = await signIn(instance, instance.admin);
  try {
    const document = await (await fetch(`${partner.url}/api/federation/identity`)).json();
    const { partners } = await session.call('GET', '/api/admin/federation');
    if (partners.some((known) => known.instanceId === document.instanceId)) return false;
    const { items } = await session.call('GET', `/api/admin/users?q=${encodeURIComponent(instance.focalPoint)}`);
    const focalPoint = items.find((user) => user.username === instance.focalPoint);
    if (!focalPoint) throw new Error(`No account ${instance.focalPoint} on ${instance.label} to receive what ${partner.label} sends.`);
    await session.call('POST', '/api/admin/federation/partners', {
      documentUrl: `${partner.url}/api/federation/identity`,
      confirmedFingerprint: document.fingerprint,
      receivingAgencyId: focalPoint.agencyId,
    });
    return true;
  } finally {
    await session.signOut();
  }
}

/** The demo's Cambodian woman in Chiang Rai, identified and consenting to go home (while her case there is open). */
async function caseToRepatriate() {
  const session = await signIn(thailand, thailand.focalPoint);
  try {
    const { items } = await session.call('GET', '/api/cases?scope=mine&status=Active&nationality=KH&traffickingStatus=Identified');
    return items[0] ?? null;
  } finally {
    await session.signOut();
  }
}

async function main() {
  if (!fs.existsSync(path.join(root, 'server', 'dist', 'main.js'))) {
    throw new Error('server/dist is missing: run `npm run demo:federation`, which builds first.');
  }
  for (const instance of INSTANCES) {
    if (await answers(`${instance.url}/healthz`)) {
      throw new Error(`Something already answers on ${instance.url}: stop it, or set TH_PORT and KH_PORT.`);
    }
  }
  const children = INSTANCES.map((instance) => [instance, start(instance)]);
  for (const [instance, child] of children) await waitUntilUp(instance, child);

  const registered = [await trust(thailand, cambodia), await trust(cambodia, thailand)];
  const kase = await caseToRepatriate();
  const lines = [
    '',
    registered.some(Boolean)
      ? 'Thailand and Cambodia now trust each other as federation partners.'
      : 'Thailand and Cambodia already trust each other as federation partners.',
    `  Thailand  ${thailand.url}  th.socialworker (case manager, Chiang Rai), admin (federation admin page)`,
    `  Cambodia  ${cambodia.url}  kh.socialworker (repatriation focal point, MoSVY), kh.admin (federation admin page), kh.data and kh.director (statistics)`,
    `  Password: the DEMO_PASSWORD setting, default "Seamless-demo-2026"; data in ${path.join(root, 'data', 'federation')}`,
    kase
      ? `  Case to repatriate: ${kase.reference} (${kase.displayName}), in th.socialworker's cases on Thailand`
      : "  No open case of an identified Cambodian victim in th.socialworker's cases: delete data/federation to start the demo over.",
    'Ctrl-C stops both instances.',
    '',
  ];
  console.log(lines.join('\n'));
}

process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  failed = true;
  if (running.size === 0) process.exit(1);
  stopAll('SIGTERM');
});
