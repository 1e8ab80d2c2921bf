import type { Permission } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { roles, userRoles, users } from '../db/schema/index.js';
import { fieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/actor.js';

type AssignedCase = { id: string; ownerAgencyId: string };

/** What the worker who owns a case must be able to do with it: open it and work on it. */
const OWNER_PERMISSIONS: Permission[] = ['case:read', 'case:update'];

const holds = (permission: Permission) =>
  sql`exists (select 1 from ${userRoles} join ${roles} on ${roles.id} = ${userRoles.roleId}
    where ${userRoles.userId} = ${users.id} and ${permission} = any(${roles.permissions}))`;

/**
 * A case is assigned only to an active worker of the agency that owns it whose roles let her open
 * and work on cases: an account administrator or a data officer would own a case she cannot read.
 */
export async function assertAssignable(tx: Tx, kase: AssignedCase, assigneeId: string): Promise<void> {
  const [assignee] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, assigneeId), eq(users.agencyId, kase.ownerAgencyId), eq(users.active, true), ...OWNER_PERMISSIONS.map(holds)));
  if (!assignee)
    throw fieldError(422, 'invalid_reference', 'ownerUserId', 'Choose an active case worker of the agency that owns the case.');
}

/**
 * Tells the worker a case is now hers, in the assignment's transaction. The notice holds its kind
 * and the case id, nothing about the person; the reference is shown to her as to any reader of the
 * case. Taking a case oneself tells nobody, and unassigning tells nobody.
 */
export async function notifyCaseAssigned(tx: Tx, actor: Actor, kase: AssignedCase, assigneeId: string | null): Promise<void> {
  if (!assigneeId || assigneeId === actor.userId) return;
  await notify(tx, { kind: 'case_assigned', agencyId: kase.ownerAgencyId, userId: assigneeId, caseId: kase.id });
}
