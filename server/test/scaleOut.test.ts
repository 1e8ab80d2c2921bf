import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, DEMO_PASSWORD } from './harness.js';
import { type ServerProcess, startServerProcess } from './serverProcesses.js';

const serverUrl = process.env.DATABASE_URL;
/** Free ports for this file's processes, away from the dev server and the e2e instances. */
const PORT_A = 18_431;
const PORT_B = 18_432;
const PORT_CLUSTER = 18_433;
const RATE_LIMIT = 40;
const SCANS_DONE = 'daily scans ended expired sharing and wrote notices';

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function signIn(baseUrl: string, username: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const answer = await client.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  if (answer.status !== 200) throw new Error(`login ${username} failed: ${answer.status}`);
  return client;
}

/** The same browser talking to the other process: its cookies, that process's address. */
function sameBrowserOn(client: ApiClient, baseUrl: string): ApiClient {
  const moved = new ApiClient(baseUrl);
  for (const [name, value] of client.cookies) moved.cookies.set(name, value);
  return moved;
}

describe.skipIf(!serverUrl)('several server processes on one PostgreSQL (needs DATABASE_URL: PGlite serves one process only)', () => {
  let databaseUrl: string;
  let databaseName: string;
  let dataDir: string;
  let env: Record<string, string>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    databaseName = `seamless_t_${randomBytes(6).toString('hex')}`;
    await onServer(serverUrl!, (client) => client.query(`create database ${databaseName}`));
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    // The directory all processes share: key files, attachments, import files.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-scaleout-'));
    env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      WEB_DIST: '/nonexistent-web-dist',
      DAILY_SCANS_CRON: '* * * * *',
    };
    // Started together: one migrates, seeds and writes the key files, the other waits and reads them.
    [a, b] = await Promise.all([startServerProcess(env, PORT_A), startServerProcess(env, PORT_B)]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (databaseName) await onServer(serverUrl!, (client) => client.query(`drop database if exists ${databaseName} with (force)`));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a session signed in on one process valid on the other, and a sign-out on either ends it on both', async () => {
    const onA = await signIn(a.baseUrl, 'th.socialworker');
    const onB = sameBrowserOn(onA, b.baseUrl);
    expect((await onB.get('/api/auth/me')).status).toBe(200);
    expect((await onB.post('/api/auth/logout')).status).toBeLessThan(300);
    expect((await onA.get('/api/auth/me')).status).toBe(401);
  });

  it('hands out through one process an attachment uploaded through the other', async () => {
    const onA = await signIn(a.baseUrl, 'th.socialworker');
    const caseId = (await onA.get('/api/cases')).body.items[0].id as string;
    const bytes = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const uploaded = await onA.upload(
      `/api/cases/${caseId}/attachments`,
      { name: 'statement.pdf', type: 'application/pdf', bytes },
      { section: 'general' },
    );
    expect(uploaded.status).toBe(201);
    const download = await sameBrowserOn(onA, b.baseUrl).download(`/api/cases/${caseId}/attachments/${uploaded.body.id}`);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(bytes)).toBe(true);
  });

  it('counts one rate limit over both processes', async () => {
    // The limit is counted in fixed minutes: start early in one, so the whole sequence falls within it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 200));
    const ask = (server: ServerProcess) => fetch(`${server.baseUrl}/api/help/contact`);
    let remaining = Number.NaN;
    for (let i = 0; i < RATE_LIMIT / 2; i += 1) {
      const answer = await ask(a);
      expect(answer.status).toBe(200);
      remaining = Number(answer.headers.get('x-ratelimit-remaining'));
    }
    const firstOnB = await ask(b);
    expect(firstOnB.status).toBe(200);
    // B continues A's count instead of starting its own.
    expect(Number(firstOnB.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
    for (let i = 1; i < remaining; i += 1) expect((await ask(b)).status).toBe(200);
    expect((await ask(b)).status).toBe(429);
    expect((await ask(a)).status).toBe(429);
  });

  it('runs a scheduled job once for both processes, not once in each', async () => {
    const jobs = () =>
      onServer(databaseUrl, async (client) => {
        const { rows } = await client.query<{ state: string; slot: string }>(
          `select state, date_trunc('minute', created_on)::text as slot from pgboss.job where name = 'daily-scans'`,
        );
        return rows;
      });
    const deadline = Date.now() + 180_000;
    let seen = await jobs();
    while (!(seen.some((job) => job.state === 'completed') && seen.every((job) => job.state === 'completed'))) {
      if (Date.now() > deadline) throw new Error(`no daily scan completed: ${JSON.stringify(seen)}`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      seen = await jobs();
    }
    const slots = seen.map((job) => job.slot);
    expect(new Set(slots).size).toBe(slots.length);
    const runs = [...a.logs(), ...b.logs()].filter((line) => line.msg === SCANS_DONE);
    expect(runs).toHaveLength(seen.length);
  }, 300_000);
});

describe.skipIf(!serverUrl)('WORKERS processes on one port (needs DATABASE_URL: PGlite serves one process only)', () => {
  let databaseName: string;
  let dataDir: string;
  let cluster: ServerProcess;

  beforeAll(async () => {
    databaseName = `seamless_t_${randomBytes(6).toString('hex')}`;
    await onServer(serverUrl!, (client) => client.query(`create database ${databaseName}`));
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-cluster-'));
    cluster = await startServerProcess(
      {
        DATABASE_URL: url.toString(),
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        DEMO_PASSWORD,
        LOG_LEVEL: 'info',
        WEB_DIST: '/nonexistent-web-dist',
        WORKERS: '2',
      },
      PORT_CLUSTER,
    );
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop();
    if (databaseName) await onServer(serverUrl!, (client) => client.query(`drop database if exists ${databaseName} with (force)`));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers on one port from two worker processes, and stops them all on SIGTERM', async () => {
    const deadline = Date.now() + 120_000;
    while (cluster.logs().filter((line) => line.msg === 'worker listening').length < 2) {
      if (Date.now() > deadline) throw new Error('the second worker never listened');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const requestIds = Array.from({ length: 12 }, (_, i) => `scaleout-${randomBytes(4).toString('hex')}-${i}`);
    // A connection of its own for each request: the primary hands out connections, not requests, so
    // a kept-alive connection would reach one worker only.
    const healthOnNewConnection = (id: string) =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        http
          .get(`${cluster.baseUrl}/healthz`, { agent: false, headers: { 'x-request-id': id } }, (answer) => {
            answer.resume();
            answer.on('end', () => resolve(answer));
          })
          .on('error', reject);
      });
    for (const id of requestIds) {
      const answer = await healthOnNewConnection(id);
      expect(answer.statusCode).toBe(200);
      // The worker's process id stays in its log: no answer carries it.
      expect(Object.values(answer.headers).join(' ')).not.toMatch(/\bpid\b/);
    }
    // Each worker logs the requests it served, under its own process id.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const servedBy = new Set(
      cluster
        .logs()
        .filter((line) => requestIds.includes(line.reqId as string))
        .map((line) => line.pid),
    );
    expect(servedBy.size).toBe(2);

    expect(await cluster.stop()).toBe(0);
    const stopped = cluster.logs().filter((line) => line.msg === 'shutting down');
    expect(stopped).toHaveLength(2);
  }, 180_000);
});
