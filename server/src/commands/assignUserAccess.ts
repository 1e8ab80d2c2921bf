import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { roles, userGroupMembers, userGroups, userRoles } from '../db/schema/index.js';
import { fieldError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canGrantRole } from '../policies/user.js';

/**
 * Replaces a user's roles and groups. Refuses unknown roles, roles the acting admin may not hand
 * out (policies/user.ts), and groups of another agency.
 */
export async function assignUserAccess(
  tx: Tx,
  actor: Actor,
  user: { id: string; agencyId: string },
  access: { roleKeys?: string[]; groupIds?: string[] },
): Promise<void> {
  if (access.roleKeys) {
    const wanted = [...new Set(access.roleKeys)];
    const found = wanted.length ? await tx.select().from(roles).where(inArray(roles.key, wanted)) : [];
    const missing = wanted.filter((key) => !found.some((role) => role.key === key));
    if (missing.length) throw fieldError(422, 'invalid_reference', 'roleKeys', `Unknown roles: ${missing.join(', ')}`);
    const tooPowerful = found.filter((role) => !canGrantRole(actor, role));
    if (tooPowerful.length) throw forbidden(`You may not hand out these roles: ${tooPowerful.map((r) => r.key).join(', ')}`);
    await tx.delete(userRoles).where(eq(userRoles.userId, user.id));
    if (found.length) await tx.insert(userRoles).values(found.map((role) => ({ userId: user.id, roleId: role.id })));
  }
  if (access.groupIds) {
    const wanted = [...new Set(access.groupIds)];
    const found = wanted.length
      ? await tx
          .select({ id: userGroups.id })
          .from(userGroups)
          .where(and(inArray(userGroups.id, wanted), eq(userGroups.agencyId, user.agencyId)))
      : [];
    if (found.length !== wanted.length)
      throw fieldError(422, 'invalid_reference', 'groupIds', "Groups must exist and belong to the user's agency.");
    await tx.delete(userGroupMembers).where(eq(userGroupMembers.userId, user.id));
    if (found.length) await tx.insert(userGroupMembers).values(found.map((group) => ({ groupId: group.id, userId: user.id })));
  }
}
