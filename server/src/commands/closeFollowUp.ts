import { CASE_CLOSURE_FOR_FOLLOW_UP, type FollowUpClose, followUpCloseSchema } from '@seamless/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { caseTasks, followUps, followUpVisits } from '../db/schema/index.js';
import { lockActiveFollowUp, openVisitsOf } from '../followUp/caseFollowUps.js';
import { localToday } from '../followUp/schedule.js';
import type { CaseContext } from '../http/caseContext.js';
import { conflict, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canCase } from '../policies/case.js';
import { canFollowUp } from '../policies/followUp.js';
import { changeCaseStatus } from './changeCaseStatus.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/** Visits not yet made are cancelled with their tasks (a task has no other way to end than done). */
async function cancelOpenVisits(tx: Tx, actor: Actor, followUpId: string) {
  const now = new Date();
  const cancelled = await tx
    .update(followUpVisits)
    .set({ cancelledAt: now, updatedAt: now })
    .where(openVisitsOf(followUpId))
    .returning({ taskId: followUpVisits.taskId });
  const taskIds = cancelled.flatMap(({ taskId }) => (taskId ? [taskId] : []));
  if (taskIds.length) {
    await tx
      .update(caseTasks)
      .set({ doneAt: now, doneBy: actor.userId })
      .where(and(inArray(caseTasks.id, taskIds), isNull(caseTasks.doneAt)));
  }
  return cancelled.length;
}

/**
 * Ends follow-up because the plan is met or she cannot (or will not) be followed further. The
 * owner may close the case with it; otherwise a case in status FollowUp goes back to Active.
 */
export async function closeFollowUp(context: CaseContext & { input: FollowUpClose }) {
  const { tx, actor, audit, view } = context;
  const input = followUpCloseSchema.parse(context.input);
  if (input.closeCase && !canFollowUp(actor, 'closeCase', view.involvement))
    throw forbidden('Only the agency that owns the case closes it.');
  const followUp = await lockActiveFollowUp(tx, view.kase.id);
  if (!followUp) throw conflict('No follow-up is running on this case.');
  await tx
    .update(followUps)
    .set({
      status: 'closed',
      closedOn: localToday(view.kase.countryCode, new Date()),
      closureReason: input.reason,
      closureNote: input.note || null,
      closedBy: actor.userId,
      version: followUp.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(followUps.id, followUp.id));
  const cancelled = await cancelOpenVisits(tx, actor, followUp.id);
  if (input.closeCase) {
    await changeCaseStatus({
      tx,
      actor,
      audit,
      caseId: view.kase.id,
      status: 'Closed',
      closureReason: CASE_CLOSURE_FOR_FOLLOW_UP[input.reason],
    });
  } else if (view.kase.status === 'FollowUp' && canCase(actor, 'update', view.involvement)) {
    await changeCaseStatus({ tx, actor, audit, caseId: view.kase.id, status: 'Active' });
  }
  await recordCaseEvent(
    tx,
    actor,
    view.kase.id,
    'follow_up.closed',
    { followUpId: followUp.id, reason: input.reason, caseClosed: input.closeCase, visitsCancelled: cancelled },
    'care',
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'follow_up', change: 'closed', followUpId: followUp.id, reason: input.reason, caseClosed: input.closeCase },
  });
}
