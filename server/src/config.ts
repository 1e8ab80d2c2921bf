import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_SHEET_LIMITS } from './htcds/sheet/cells.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  /** Unset: the demo (and its published password) only on the embedded database, never on a real server. */
  SEED_DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(8).default('Seamless-demo-2026'),
  INSTANCE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('TH'),
  /** JSON key ring (see README); when absent a demo key file is generated in DATA_DIR. */
  SEAMLESS_KEYS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: z.string().default('false'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  WEB_DIST: z.string().optional(),
  /** The zone whose wall clock the daily schedules follow (an IANA name). */
  SCHEDULE_TIME_ZONE: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Bangkok').default('Asia/Bangkok'),
  IMPORT_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  IMPORT_CHECKED_FILE_HOURS: z.coerce.number().min(0).default(24),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(DEFAULT_SHEET_LIMITS.maxRows),
  IMPORT_MAX_INFLATED_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_SHEET_LIMITS.maxInflatedBytes),
  /** What partners call this instance, e.g. "Seamless Thailand". */
  INSTANCE_NAME: z.string().trim().min(1).max(200).optional(),
  /** The base URL partners push packets to; unset, http://localhost:PORT. */
  INSTANCE_URL: z.string().url().optional(),
  /** JSON of the instance's private signing and encryption keys; when absent a key file is generated in DATA_DIR. */
  SEAMLESS_INSTANCE_KEYS: z.string().optional(),
  /** Seconds before the first retry of a packet; each retry waits twice as long, up to an hour. */
  FEDERATION_RETRY_SECONDS: z.coerce.number().min(0.05).max(3600).default(15),
  /** How long a sealed packet stays valid (a file carried across the border may take days). */
  FEDERATION_PACKET_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Server processes sharing the port (node:cluster); more than one needs DATABASE_URL. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** When the daily scans run (a cron expression on SCHEDULE_TIME_ZONE's clock); the digest follows at 06:30. */
  DAILY_SCANS_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'a five-field cron expression such as "0 6 * * *"')
    .default('0 6 * * *'),
  /** Shown on the sign-in page and in the user menu: who to call or write to for help (a phone, an address). */
  HELP_CONTACT: z.string().trim().min(1).max(300).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  demoPassword: string;
  instanceCountry: string;
  keyRingJson: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cookieSecure: boolean;
  /** Fastify's trustProxy: whether (true), how many hops (number) or which addresses (list) may set X-Forwarded-*. */
  trustProxy: boolean | number | string[];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  webDist: string;
  /** Daily work runs at a local hour of this zone, whatever the server's own clock says. */
  scheduleTimeZone: string;
  /** How long an import worker holds a job between progress reports before another may resume it. */
  importLeaseSeconds: number;
  /** How long a checked (dry-run) file waits to be imported before it is deleted: it holds identities. */
  importCheckedFileHours: number;
  /** The most rows one import file may hold. */
  importMaxRows: number;
  /** The most bytes the parts of one imported workbook may inflate to. */
  importMaxInflatedBytes: number;
  instanceName: string | undefined;
  instanceUrl: string | undefined;
  instanceKeysJson: string | undefined;
  federationRetrySeconds: number;
  federationPacketDays: number;
  helpContact: string | null;
  /** How many server processes share the port; one on the embedded database, which only one process may open. */
  workers: number;
  dailyScansCron: string;
};

const PROXY_ADDRESS = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;

function parseTrustProxy(value: string): boolean | number | string[] | string {
  const trimmed = value.trim().toLowerCase();
  if (['false', '0', 'no', ''].includes(trimmed)) return false;
  if (['true', 'yes'].includes(trimmed)) return true;
  if (/^[1-9]\d?$/.test(trimmed)) return Number(trimmed);
  const addresses = trimmed.split(',').map((part) => part.trim());
  if (addresses.every((address) => PROXY_ADDRESS.test(address))) return addresses;
  return `TRUST_PROXY: expected false, true, a hop count or comma-separated proxy addresses/CIDRs, got "${value}"`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${fields.join('; ')}`);
  }
  const e = parsed.data;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'string') throw new Error(`Invalid configuration: ${trustProxy}`);
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new Error(
      `Invalid configuration: WORKERS: ${e.WORKERS} processes need a PostgreSQL server (DATABASE_URL); the embedded database serves one process only`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    // Unset, data lives in ./data of the repository, whichever workspace npm started us from.
    dataDir: e.DATA_DIR ? path.resolve(e.DATA_DIR) : fileURLToPath(new URL('../../data', import.meta.url)),
    databaseUrl: e.DATABASE_URL,
    seedDemo: e.SEED_DEMO ?? e.DATABASE_URL === undefined,
    demoPassword: e.DEMO_PASSWORD,
    instanceCountry: e.INSTANCE_COUNTRY,
    keyRingJson: e.SEAMLESS_KEYS,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? false,
    trustProxy,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    scheduleTimeZone: e.SCHEDULE_TIME_ZONE,
    importLeaseSeconds: e.IMPORT_LEASE_SECONDS,
    importCheckedFileHours: e.IMPORT_CHECKED_FILE_HOURS,
    importMaxRows: e.IMPORT_MAX_ROWS,
    importMaxInflatedBytes: e.IMPORT_MAX_INFLATED_BYTES,
    instanceName: e.INSTANCE_NAME,
    instanceUrl: e.INSTANCE_URL,
    instanceKeysJson: e.SEAMLESS_INSTANCE_KEYS,
    federationRetrySeconds: e.FEDERATION_RETRY_SECONDS,
    federationPacketDays: e.FEDERATION_PACKET_DAYS,
    helpContact: e.HELP_CONTACT ?? null,
    workers: e.WORKERS,
    dailyScansCron: e.DAILY_SCANS_CRON,
    webDist: path.resolve(e.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url))),
  };
}
