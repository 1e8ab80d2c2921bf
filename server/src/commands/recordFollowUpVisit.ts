import type { FollowUpVisitRecord } from '@seamless/contracts';
import { followUpVisitRecordSchema } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { agencies, caseAssessments, caseTasks, followUpVisits } from '../db/schema/index.js';
import { lockActiveFollowUp, lockOpenVisit } from '../followUp/caseFollowUps.js';
import { localToday } from '../followUp/schedule.js';
import type { CaseContext } from '../http/caseContext.js';
import { conflict, fieldError } from '../http/problem.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/** The assessment made on the visit must be one of this case's. */
async function assertAssessmentOfCase(context: CaseContext, assessmentId: string) {
  const [found] = await context.tx
    .select({ id: caseAssessments.id })
    .from(caseAssessments)
    .where(and(eq(caseAssessments.id, assessmentId), eq(caseAssessments.caseId, context.view.kase.id)));
  if (!found) throw fieldError(422, 'invalid_reference', 'assessmentId', 'Choose an assessment of this case.');
}

/**
 * Records a visit: the planned one named by `visitId` (its task is then done), or one made
 * outside the plan. The day is a past or present day in the case's country, within follow-up.
 */
export async function recordFollowUpVisit(context: CaseContext & { input: FollowUpVisitRecord }) {
  const { tx, actor, audit, view } = context;
  const input = followUpVisitRecordSchema.parse(context.input);
  const kase = view.kase;
  const followUp = await lockActiveFollowUp(tx, kase.id);
  if (!followUp) throw conflict('No follow-up is running on this case; start one first.');
  if (input.actualOn > localToday(kase.countryCode, new Date())) {
    throw fieldError(422, 'validation_failed', 'actualOn', 'A visit is recorded once it has taken place.');
  }
  if (input.actualOn < followUp.startOn) throw fieldError(422, 'validation_failed', 'actualOn', 'The visit is before follow-up started.');
  if (input.mode === 'partner_visit' && !input.visitingAgencyId) {
    throw fieldError(422, 'validation_failed', 'visitingAgencyId', 'Name the agency that visited.');
  }
  if (input.visitingAgencyId) {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.visitingAgencyId));
    if (!agency) throw fieldError(422, 'invalid_reference', 'visitingAgencyId', 'Choose a known agency.');
  }
  if (input.assessmentId) await assertAssessmentOfCase(context, input.assessmentId);
  const findings = {
    actualOn: input.actualOn,
    mode: input.mode,
    visitingAgencyId: input.visitingAgencyId ?? null,
    visitorName: input.visitorName,
    findings: input.findings,
    situation: input.situation,
    nextSteps: input.nextSteps,
    assessmentId: input.assessmentId ?? null,
  };
  let visitId: string;
  if (input.visitId) {
    const { row, open } = await lockOpenVisit(tx, followUp.id, input.visitId);
    if (!row) throw fieldError(422, 'invalid_reference', 'visitId', 'Choose a planned visit of the running follow-up.');
    if (!open) throw conflict('This visit is already recorded or was cancelled.');
    await tx
      .update(followUpVisits)
      .set({ ...findings, recordedBy: actor.userId, recordedByAgencyId: actor.agencyId, version: row.version + 1, updatedAt: new Date() })
      .where(eq(followUpVisits.id, row.id));
    if (row.taskId) await tx.update(caseTasks).set({ doneAt: new Date(), doneBy: actor.userId }).where(eq(caseTasks.id, row.taskId));
    visitId = row.id;
  } else {
    const [row] = await tx
      .insert(followUpVisits)
      .values({ ...findings, followUpId: followUp.id, caseId: kase.id, recordedBy: actor.userId, recordedByAgencyId: actor.agencyId })
      .returning({ id: followUpVisits.id });
    visitId = row!.id;
  }
  await recordCaseEvent(
    tx,
    actor,
    kase.id,
    'follow_up.visit_recorded',
    { followUpId: followUp.id, visitId, planned: !!input.visitId },
    'care',
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: kase.id,
    details: { part: 'follow_up', change: 'visit_recorded', followUpId: followUp.id, visitId, fields: Object.keys(findings) },
  });
  return visitId;
}
