import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Queryable } from '../db/client.js';
import { users } from '../db/schema/index.js';

/**
 * The key that encrypts one user's unsaved form drafts in her browser: an HMAC of the user id and
 * her draft-key generation under a MAC key of its own purpose. It is stable across her sessions
 * and devices (a draft typed before a reload opens after it) yet never stored anywhere, one
 * user's key says nothing about another's, and a new generation makes every old draft unreadable.
 */
export function draftKeyFor(keyRing: KeyRing, userId: string, generation: number): string {
  return createHmac('sha256', keyRing.macKey('form-drafts')).update(`${userId}:${generation}`).digest('base64url');
}

/** The user's key as it stands now; null when there is no such account. */
export async function currentDraftKey(db: Queryable, keyRing: KeyRing, userId: string): Promise<string | null> {
  const [user] = await db.select({ generation: users.draftKeyGeneration }).from(users).where(eq(users.id, userId));
  return user ? draftKeyFor(keyRing, userId, user.generation) : null;
}

/**
 * Set on the account when a device she used may be in other hands: her password changed or was
 * reset, or the account was disabled. Drafts left on that device no longer open.
 */
export const nextDraftKeyGeneration = () => ({ draftKeyGeneration: sql`${users.draftKeyGeneration} + 1` });
