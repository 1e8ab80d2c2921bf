import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { fieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/actor.js';

type AssignedCase = { id: string; ownerAgencyId: string };

/** A case is assigned only to an active worker of the agency that owns it. */
export async function assertAssignable(tx: Tx, kase: AssignedCase, assigneeId: string): Promise<void> {
  const [assignee] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, assigneeId), eq(users.agencyId, kase.ownerAgencyId), eq(users.active, true)));
  if (!assignee) throw fieldError(422, 'invalid_reference', 'ownerUserId', 'Choose an active user of the agency that owns the case.');
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
