// Starts the real server for the browser tests on a fresh data directory, and on a fresh
// database when DATABASE_URL points at a PostgreSQL server (CI's second run).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-e2e-'));
if (process.env.DATABASE_URL) {
  const name = `seamless_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}
const port = process.env.E2E_PORT ?? '8181';
Object.assign(process.env, {
  PORT: port,
  HOST: '127.0.0.1',
  // The federation journey runs a second instance, Cambodia's, beside Thailand's.
  INSTANCE_COUNTRY: process.env.E2E_COUNTRY ?? 'TH',
  INSTANCE_URL: `http://127.0.0.1:${port}`,
  FEDERATION_RETRY_SECONDS: '1',
  DATA_DIR: dataDir,
  SEED_DEMO: 'true',
  LOG_LEVEL: 'warn',
  // Every journey's browsers come from 127.0.0.1: one address's per-minute budget would throttle
  // the later journeys (a 429 on saving a language choice) rather than protect anything.
  RATE_LIMIT_PER_MINUTE: '100000',
  HELP_CONTACT: 'Seamless help desk: 1300 (24 hours), help@seamless.example',
});
// The compiled server, as `npm start` runs it: `npm run test:e2e` builds it first.
await import('../server/dist/main.js');
