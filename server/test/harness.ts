import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { bootstrapDatabase } from '../src/bootstrap.js';
import { type Config, loadConfig } from '../src/config.js';
import { generateKeyRingFile, KeyRing, type KeyRingFile } from '../src/crypto/keyRing.js';
import { type DatabaseHandle, openDatabase } from '../src/db/client.js';
import { localToday } from '../src/followUp/schedule.js';

export const DEMO_PASSWORD = 'Seamless-demo-2026';

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (how CI runs the same suite against a real server).
 */
async function freshDatabase(): Promise<{ database: DatabaseHandle; url?: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    return { database, drop: async () => undefined };
  }
  const name = `seamless_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  baseUrl: string;
  database: DatabaseHandle;
  keyRing: KeyRing;
  /** The key ring's secrets, for tests that rotate keys. */
  keyRingFile: KeyRingFile;
  config: Config;
  /**
   * Another pool of `size` connections to the same database, for more transactions at once than
   * the app's pool of 4 allows; on PGlite, its one connection (closing it leaves it open).
   */
  connections(size: number): Promise<DatabaseHandle>;
  client(): ApiClient;
  login(username: string, password?: string): Promise<ApiClient>;
  close(): Promise<void>;
};

/** Routes a caller adds to the app before it listens (the benchmarks' bare baselines). */
export type ExtraRoutes = (app: FastifyInstance, database: DatabaseHandle, keyRing: KeyRing) => void;

export async function startTestApp(overrides: Record<string, string> = {}, extraRoutes?: ExtraRoutes): Promise<TestApp> {
  const { database, url, drop } = await freshDatabase();
  const keyRingFile = generateKeyRingFile('test1');
  const keyRing = new KeyRing(keyRingFile);
  // Each test app gets its own data directory (attachments), removed again by close().
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    DEMO_PASSWORD,
    WEB_DIST: '/nonexistent-web-dist',
    ...overrides,
  });
  await bootstrapDatabase(database, keyRing, { seedDemo: true, demoPassword: DEMO_PASSWORD, instanceCountry: config.instanceCountry });
  const app = await buildApp({ config, database, keyRing });
  extraRoutes?.(app, database, keyRing);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const client = () => new ApiClient(baseUrl);
  return {
    app,
    baseUrl,
    database,
    keyRing,
    keyRingFile,
    config,
    client,
    connections: async (size) => (url ? openDatabase({ databaseUrl: url, poolSize: size }) : { ...database, close: async () => undefined }),
    async login(username, password = DEMO_PASSWORD) {
      const c = client();
      const response = await c.post('/api/auth/login', { username, password });
      if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return c;
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/** A browser-like client over real HTTP: keeps cookies, sends Origin and the CSRF header. */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const csrf = this.cookies.get('csrf_token');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (!value || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies (HTML, empty) are returned as text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  private headersFor(method: string): Record<string, string> {
    const csrf = this.cookies.get('csrf_token');
    return {
      origin: this.baseUrl,
      ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
    };
  }

  /** A GET whose answer is bytes (PDF, attachments): body untouched, with status and headers. */
  async download(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headersFor('GET') });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  /** A multipart/form-data POST as a browser's file input sends it. */
  async upload<T = any>(
    path: string,
    file: { field?: string; name: string; type: string; bytes: Uint8Array },
    fields: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(file.field ?? 'file', new Blob([file.bytes], { type: file.type }), file.name);
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: this.headersFor('POST'), body: form });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies are returned as text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

/** Asserts an RFC 9457 problem document and returns it. */
export function expectProblem(response: ApiResponse, status: number, code: string) {
  if (
    response.status !== status ||
    response.body?.code !== code ||
    !String(response.headers.get('content-type')).includes('application/problem+json')
  ) {
    throw new Error(`expected ${status} ${code}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as {
    type: string;
    title: string;
    status: number;
    code: string;
    detail?: string;
    errors?: { path: string; code: string; message: string }[];
  };
}

/**
 * The owner records the victim's consent to exactly these sections, given today in Thailand, and
 * shares the case with the agency on it.
 */
export async function shareWithConsent(owner: ApiClient, caseId: string, agencyId: string, sections: string[]) {
  const consent = await owner.post(`/api/cases/${caseId}/consents`, {
    purpose: 'services',
    sections,
    givenBy: 'victim',
    givenOn: localToday('TH', new Date()),
  });
  if (consent.status !== 201) throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
  const shared = await owner.post(`/api/cases/${caseId}/shares`, { agencyId, consentId: consent.body.id, sections });
  if (shared.status !== 200) throw new Error(`share: ${shared.status} ${JSON.stringify(shared.body)}`);
}

/** The demo agencies the person tests share cases with, by the system administrator's listing. */
export async function demoAgencyIds(admin: ApiClient): Promise<Record<'chiangrai' | 'ngo' | 'shelter', string>> {
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as {
    id: string;
    acronym: string;
    agencyFunction: string;
  }[];
  return {
    chiangrai: agencies.find((a) => a.acronym === 'PSDHS Chiang Rai')!.id,
    ngo: agencies.find((a) => a.agencyFunction === 'ngo')!.id,
    shelter: agencies.find((a) => a.agencyFunction === 'shelter')!.id,
  };
}
