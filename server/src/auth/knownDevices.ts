import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { knownDevices, users } from '../db/schema/index.js';
import { hashToken, newToken } from './tokens.js';

export const KNOWN_DEVICE_COOKIE = 'known_device';
export const KNOWN_DEVICE_DAYS = 90;

/**
 * Whether this browser signed in to the named account before. Only a correct password earns the
 * token, so the answer is the same "no" for a name without an account and for a stranger.
 */
export async function isKnownDevice(db: Queryable, token: string | undefined, username: string, now = new Date()): Promise<boolean> {
  if (!token) return false;
  const [row] = await db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(and(eq(knownDevices.tokenHash, hashToken(token)), eq(users.username, username), gt(knownDevices.expiresAt, now)));
  return !!row;
}

/** Remembers the browser of a sign-in whose password was right; answers the token for its cookie. */
export async function rememberDevice(db: Queryable, userId: string, now = new Date()): Promise<string> {
  const token = newToken();
  await db.insert(knownDevices).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + KNOWN_DEVICE_DAYS * 86_400_000),
  });
  return token;
}
