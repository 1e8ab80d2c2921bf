import { and, count, eq, gt, inArray, lt, max, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { loginFailures } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';
import { hashToken } from './tokens.js';

/**
 * How long sign-ins wait after failures counted under one key: the first `free` failures within
 * the window cost nothing, then each one doubles the wait, up to the cap.
 */
export type DelayRule = { free: number; firstDelayMs: number; maxDelayMs: number; windowMs: number };

/**
 * Per account name: short and capped, because anyone can fail on anyone's name — an outsider
 * can slow a worker down by half a minute at most, never lock her out.
 */
export const ACCOUNT_DELAYS: DelayRule = { free: 5, firstDelayMs: 1_000, maxDelayMs: 30_000, windowMs: 15 * 60_000 };
/**
 * Per client address: more free attempts (a whole office may share one address) but a wait
 * that grows to a quarter of an hour, so one machine cannot keep guessing.
 */
export const ADDRESS_DELAYS: DelayRule = { free: 20, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 };
/** Per account at the second-factor step, which only a holder of the password reaches. */
export const SECOND_FACTOR_DELAYS: DelayRule = { free: 5, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 };

export type ThrottleKey = { key: string; rule: DelayRule };

const LONGEST_WINDOW_MS = Math.max(ACCOUNT_DELAYS.windowMs, ADDRESS_DELAYS.windowMs, SECOND_FACTOR_DELAYS.windowMs);

/**
 * The account key is the name as typed, whether or not an account has it, so that waits are the
 * same for names that exist and names that do not.
 */
export const accountKey = (username: string): ThrottleKey => ({ key: `user:${username.trim().toLowerCase()}`, rule: ACCOUNT_DELAYS });
export const addressKey = (ip: string): ThrottleKey => ({ key: `ip:${ip}`, rule: ADDRESS_DELAYS });
export const signInKeys = (ip: string, username: string) => [addressKey(ip), accountKey(username)];
/**
 * A browser that signed in to the account before is not held back by failures others piled on
 * the account's name; its own failures count against it (at the account's pace) and its address.
 */
export const knownDeviceKeys = (ip: string, deviceToken: string) => [
  addressKey(ip),
  { key: `device:${hashToken(deviceToken)}`, rule: ACCOUNT_DELAYS },
];
export const secondFactorKeys = (ip: string, userId: string) => [
  addressKey(ip),
  { key: `second_factor:${userId}`, rule: SECOND_FACTOR_DELAYS },
];

export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstDelayMs * 2 ** (failures - rule.free), rule.maxDelayMs);
}

/** The earliest moment every key allows another attempt (in the past when none holds it back). */
export async function nextAttemptAt(db: Queryable, keys: readonly ThrottleKey[], now = new Date()): Promise<Date> {
  const rows = await db
    .select({ key: loginFailures.key, failures: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(
      or(...keys.map(({ key, rule }) => and(eq(loginFailures.key, key), gt(loginFailures.at, new Date(now.getTime() - rule.windowMs))))),
    )
    .groupBy(loginFailures.key);
  let allowedAt = 0;
  for (const row of rows) {
    const rule = keys.find((candidate) => candidate.key === row.key)!.rule;
    allowedAt = Math.max(allowedAt, (row.last?.getTime() ?? 0) + delayAfter(row.failures, rule));
  }
  return new Date(allowedAt);
}

/**
 * Refuses an attempt that comes before its keys allow, without checking the password: refused
 * attempts are not counted, so hammering during a wait neither guesses nor lengthens it. The
 * account keys are locked for the transaction so that parallel guesses wait their turn.
 */
export async function assertNotThrottled(db: Queryable, keys: readonly ThrottleKey[], now = new Date()): Promise<void> {
  for (const { key } of keys.filter(({ rule }) => rule !== ADDRESS_DELAYS)) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  }
  const waitMs = (await nextAttemptAt(db, keys, now)).getTime() - now.getTime();
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError(429, 'too_many_requests', `Too many failed sign-ins; try again in ${seconds} seconds.`, undefined, {
      'retry-after': String(seconds),
    });
  }
}

export async function recordLoginFailure(db: Queryable, keys: readonly ThrottleKey[], now = new Date()): Promise<void> {
  await db.insert(loginFailures).values(keys.map(({ key }) => ({ key, at: now })));
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - LONGEST_WINDOW_MS)));
}

/** An administrator lifts the waits of a colleague's account name. */
export async function forgetFailures(db: Queryable, keys: readonly ThrottleKey[]): Promise<void> {
  await db.delete(loginFailures).where(
    inArray(
      loginFailures.key,
      keys.map(({ key }) => key),
    ),
  );
}

/** Until when each of these account names waits, for administrators helping a colleague. */
export async function accountWaits(db: Queryable, usernames: readonly string[], now = new Date()): Promise<Map<string, Date>> {
  const waits = new Map<string, Date>();
  if (!usernames.length) return waits;
  const rows = await db
    .select({ key: loginFailures.key, failures: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(
      and(
        inArray(
          loginFailures.key,
          usernames.map((username) => accountKey(username).key),
        ),
        gt(loginFailures.at, new Date(now.getTime() - ACCOUNT_DELAYS.windowMs)),
      ),
    )
    .groupBy(loginFailures.key);
  for (const row of rows) {
    const until = (row.last?.getTime() ?? 0) + delayAfter(row.failures, ACCOUNT_DELAYS);
    if (until > now.getTime()) waits.set(row.key.slice('user:'.length), new Date(until));
  }
  return waits;
}
