import type { FollowUpStart } from '@seamless/contracts';
import { recordAudit } from '../audit/record.js';
import { caseTasks, followUps, followUpVisits } from '../db/schema/index.js';
import { lockActiveFollowUp } from '../followUp/caseFollowUps.js';
import { policyForFollowUp } from '../followUp/policies.js';
import { followUpDates } from '../followUp/schedule.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, conflict } from '../http/problem.js';
import { canCase } from '../policies/case.js';
import { CLOSED_CASE_STATUSES, changeCaseStatus } from './changeCaseStatus.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/**
 * Starts follow-up on a case: the policy's schedule from the start day (the day she returned
 * home), one visit and one task for the owner agency per date, and the case moves to HTCDS
 * status FollowUp when its owner starts it.
 */
export async function startFollowUp(context: CaseContext & { input: FollowUpStart }) {
  const { tx, actor, audit, view, input } = context;
  const kase = view.kase;
  if (CLOSED_CASE_STATUSES.includes(kase.status)) {
    throw new AppError(409, 'case_closed', 'The case is closed; reopen it before following up.');
  }
  if (await lockActiveFollowUp(tx, kase.id)) throw conflict('Follow-up is already running on this case; close it before starting another.');
  const policy = await policyForFollowUp(tx, kase.countryCode, actor.agencyId, input.policyId);
  const [followUp] = await tx
    .insert(followUps)
    .values({
      caseId: kase.id,
      policyId: policy.id,
      policyName: policy.name,
      steps: policy.steps,
      defaultMode: policy.defaultMode,
      graceDays: policy.graceDays,
      startOn: input.startOn,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning();
  const dates = followUpDates(input.startOn, policy.steps);
  if (dates.length) {
    const tasks = await tx
      .insert(caseTasks)
      .values(
        dates.map((dueOn) => ({ caseId: kase.id, kind: 'follow_up_visit', dueOn, agencyId: kase.ownerAgencyId, createdBy: actor.userId })),
      )
      .returning({ id: caseTasks.id });
    await tx.insert(followUpVisits).values(
      dates.map((scheduledOn, index) => ({
        followUpId: followUp!.id,
        caseId: kase.id,
        sequence: index + 1,
        scheduledOn,
        taskId: tasks[index]!.id,
        recordedBy: actor.userId,
        recordedByAgencyId: actor.agencyId,
      })),
    );
  }
  if (kase.status === 'Active' && canCase(actor, 'update', view.involvement)) {
    await changeCaseStatus({ tx, actor, audit, caseId: kase.id, status: 'FollowUp' });
  }
  await recordCaseEvent(
    tx,
    actor,
    kase.id,
    'follow_up.started',
    { followUpId: followUp!.id, policyId: policy.id, visits: dates.length },
    'care',
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: kase.id,
    details: { part: 'follow_up', change: 'started', followUpId: followUp!.id, policyId: policy.id, visits: dates.length },
  });
  return followUp!;
}
