import { type ServiceArea, sectionOfServiceArea } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { carePlanActions, carePlanGoals, referrals } from '../db/schema/index.js';
import type { CaseContext } from '../http/caseContext.js';
import { fieldError, forbidden, notFound } from '../http/problem.js';
import { careReach, readsArea, recordsArea } from '../policies/care.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { assertCaseOpen } from './recordInterview.js';
import { closeActionTask, currentPlanVersion } from './reviseCarePlan.js';

export type CareActionChange = { status?: (typeof carePlanActions.$inferSelect)['status']; referralId?: string | null };

/**
 * Progress on an action of the current plan (its status, the referral that carries it to
 * another agency) is recorded in place: it is what happened, not a revision of what was agreed.
 */
export async function updateCareAction(context: CaseContext, actionId: string, change: CareActionChange) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  const current = await currentPlanVersion(tx, view.kase.id);
  const [found] = current
    ? await tx
        .select({ action: carePlanActions, serviceArea: carePlanGoals.serviceArea })
        .from(carePlanActions)
        .innerJoin(carePlanGoals, eq(carePlanGoals.id, carePlanActions.goalId))
        .where(and(eq(carePlanActions.id, actionId), eq(carePlanGoals.planVersionId, current.id)))
    : [];
  // An action is of its goal's section: one the actor does not read is not there for her.
  const reach = careReach(actor, view.involvement);
  if (!found || !readsArea(reach, found.serviceArea)) throw notFound();
  if (!recordsArea(reach, found.serviceArea)) throw forbidden();
  if (change.referralId) {
    const [referral] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.id, change.referralId), eq(referrals.caseId, view.kase.id)));
    if (!referral) throw fieldError(422, 'invalid_reference', 'referralId', 'No such referral on this case.');
  }
  const [updated] = await tx
    .update(carePlanActions)
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.referralId !== undefined ? { referralId: change.referralId } : {}),
    })
    .where(eq(carePlanActions.id, actionId))
    .returning();
  if (change.status === 'done' || change.status === 'cancelled') await closeActionTask(tx, actor.userId, updated!.taskId);
  const fields = Object.keys(change).filter((key) => change[key as keyof CareActionChange] !== undefined);
  await recordCaseEvent(
    tx,
    actor,
    view.kase.id,
    'care_action.updated',
    { actionId, fields, status: updated!.status },
    sectionOfServiceArea(found.serviceArea as ServiceArea),
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'care_action', actionId, fields },
  });
  return updated!;
}
