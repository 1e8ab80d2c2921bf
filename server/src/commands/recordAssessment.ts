import type { AssessmentInput } from '@seamless/contracts';
import { and, desc, eq, lte } from 'drizzle-orm';
import { scheduleReassessment } from '../assessments/reassessment.js';
import { domainScores, risksOf, scoreErrors } from '../assessments/scoring.js';
import { recordAudit } from '../audit/record.js';
import { assessmentInstruments, caseAssessments } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import type { CaseContext } from '../http/caseContext.js';
import { fieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { assertCaseOpen, refuse } from './recordInterview.js';

/**
 * One reintegration assessment: scores checked against the instrument version used, domain and
 * overall scores computed, and domains at risk flagged against the assessment before it — the
 * case owner's people are told when one is.
 */
export async function recordAssessment(context: CaseContext, input: AssessmentInput) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  if (input.assessedOn > localToday(view.kase.countryCode, new Date())) {
    throw fieldError(422, 'validation_failed', 'assessedOn', 'The date is in the future.');
  }
  const [instrument] = await tx.select().from(assessmentInstruments).where(eq(assessmentInstruments.id, input.instrumentId));
  if (!instrument?.active) throw fieldError(422, 'invalid_reference', 'instrumentId', 'No such instrument in use.');
  const errors = scoreErrors(instrument, input.scores, input.domainNotes);
  if (errors.length) throw refuse(422, errors);
  const scored = domainScores(instrument, input.scores);

  const [previous] = await tx
    .select({ domainScores: caseAssessments.domainScores })
    .from(caseAssessments)
    .innerJoin(assessmentInstruments, eq(assessmentInstruments.id, caseAssessments.instrumentId))
    .where(
      and(
        eq(caseAssessments.caseId, view.kase.id),
        eq(assessmentInstruments.key, instrument.key),
        lte(caseAssessments.assessedOn, input.assessedOn),
      ),
    )
    .orderBy(desc(caseAssessments.assessedOn), desc(caseAssessments.recordedAt))
    .limit(1);
  const risks = risksOf(scored.domainScores, previous?.domainScores ?? null, instrument.scaleMin);

  const [assessment] = await tx
    .insert(caseAssessments)
    .values({
      caseId: view.kase.id,
      instrumentId: instrument.id,
      assessedOn: input.assessedOn,
      assessorName: input.assessorName,
      scores: input.scores,
      domainNotes: input.domainNotes,
      ...scored,
      risks,
      recordedBy: actor.userId,
      recordedByAgencyId: actor.agencyId,
    })
    .returning();
  await scheduleReassessment(tx, {
    caseId: view.kase.id,
    agencyId: actor.agencyId,
    assessedOn: input.assessedOn,
    userId: actor.userId,
  });
  const riskDomains = [...new Set(risks.map((risk) => risk.domain))];
  if (riskDomains.length) {
    await notify(tx, { kind: 'assessment_risk', agencyId: view.kase.ownerAgencyId, caseId: view.kase.id, subjectId: assessment!.id });
  }
  await recordCaseEvent(tx, actor, view.kase.id, 'assessment.recorded', { assessmentId: assessment!.id, riskDomains }, 'care');
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'assessment', assessmentId: assessment!.id, instrumentId: instrument.id, riskDomains },
  });
  return assessment!;
}
