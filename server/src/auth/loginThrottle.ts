import { and, count, gt, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { loginFailures } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';

export const THROTTLE_WINDOW_MS = 60_000;
/** Per account: the sixth wrong attempt within a minute waits. */
export const THROTTLE_MAX_FAILURES_PER_ACCOUNT = 5;
/** Per address: higher, because a whole office often shares one address. */
export const THROTTLE_MAX_FAILURES_PER_ADDRESS = 30;
export const LOCKOUT_AFTER_FAILURES = 10;
export const LOCKOUT_MINUTES = 15;

/** Failures are counted per client address and per account, in the database so every app process agrees. */
export const throttleKeys = (ip: string, username: string) => [`ip:${ip}`, `user:${username.toLowerCase()}`];

export async function assertNotThrottled(db: Queryable, keys: string[], now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await db
    .select({ key: loginFailures.key, failures: count() })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  const limitOf = (key: string) => (key.startsWith('ip:') ? THROTTLE_MAX_FAILURES_PER_ADDRESS : THROTTLE_MAX_FAILURES_PER_ACCOUNT);
  if (rows.some((row) => row.failures >= limitOf(row.key))) {
    throw new AppError(429, 'too_many_requests', 'Too many failed sign-ins; wait a minute and try again.', undefined, {
      'retry-after': String(THROTTLE_WINDOW_MS / 1000),
    });
  }
}

export async function recordLoginFailure(db: Queryable, keys: string[], now = new Date()): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at: now })));
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 10 * THROTTLE_WINDOW_MS)));
}
