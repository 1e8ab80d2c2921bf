import type { Permission } from '@seamless/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { roles, userRoles, users } from '../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import { ACCOUNT_ADMIN_PERMISSIONS, receivesResetRequestOf } from '../policies/user.js';

/**
 * Records that the holder of an account forgot her password and tells the administrators of her
 * account, who set a new one with the administrator's reset. Nothing else changes on the account, so a
 * stranger who types her name can neither sign in nor lock her out. Returns the account asked
 * about, or null when no active account has that name (the caller answers the same either way).
 */
export async function requestPasswordReset(tx: Tx, username: string, now: Date): Promise<{ userId: string } | null> {
  const [user] = await tx
    .select({ id: users.id, agencyId: users.agencyId })
    .from(users)
    .where(and(eq(users.username, username.trim().toLowerCase()), eq(users.active, true)));
  if (!user) return null;
  // Not a versioned edit: an administrator's open form on the account must not go stale for it.
  await tx.update(users).set({ passwordResetRequestedAt: now }).where(eq(users.id, user.id));

  const candidates = await tx
    .selectDistinct({ id: users.id, agencyId: users.agencyId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(users.active, true), sql`${roles.permissions} && ${sql.param([...ACCOUNT_ADMIN_PERMISSIONS])}::text[]`));
  const roleRows = await tx
    .select({ userId: userRoles.userId, permissions: roles.permissions })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(
      inArray(
        userRoles.userId,
        candidates.map((candidate) => candidate.id),
      ),
    );
  const permissionsOf = (userId: string) =>
    new Set<Permission>(roleRows.filter((row) => row.userId === userId).flatMap((row) => row.permissions));

  for (const admin of candidates) {
    if (!receivesResetRequestOf({ ...admin, permissions: permissionsOf(admin.id) }, user)) continue;
    await notify(tx, {
      kind: 'password_reset_requested',
      agencyId: admin.agencyId,
      userId: admin.id,
      subjectId: user.id,
      // One notice a day however often she asks: the request itself stays until it is answered.
      onceKey: `password_reset:${user.id}:${now.toISOString().slice(0, 10)}`,
    });
  }
  return { userId: user.id };
}
