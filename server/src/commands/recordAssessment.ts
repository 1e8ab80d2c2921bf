import { type AssessmentDomain, type AssessmentInput, type FieldError, sectionPermission } from '@seamless/contracts';
import { and, desc, eq, lte } from 'drizzle-orm';
import { scheduleReassessment } from '../assessments/reassessment.js';
import { domainScores, risksOf, scoreErrors } from '../assessments/scoring.js';
import { recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { assessmentInstruments, caseAssessments } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, fieldError, forbidden } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { type CareReach, careReach } from '../policies/care.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { assertCaseOpen, refuse } from './recordInterview.js';

/**
 * The instrument's domains the recorder may score. Scores or notes for a domain of a section she
 * does not hold are refused by name: she cannot record what she may not read back.
 */
function recordableDomains(domains: AssessmentDomain[], input: AssessmentInput, reach: CareReach) {
  const recordable = domains.filter((domain) => reach.write.includes(domain.section));
  const closed = domains.filter((domain) => !reach.write.includes(domain.section));
  const refused: FieldError[] = closed.flatMap((domain) => [
    ...domain.items
      .filter((item) => input.scores[item.key] !== undefined)
      .map((item) => ({ path: `scores.${item.key}`, code: 'forbidden', message: `Recording this needs the ${domain.section} section.` })),
    ...(input.domainNotes[domain.key] !== undefined
      ? [{ path: `domainNotes.${domain.key}`, code: 'forbidden', message: `Recording this needs the ${domain.section} section.` }]
      : []),
  ]);
  if (refused.length) throw new AppError(403, 'forbidden', 'Your role or agency does not hold the section of these domains.', refused);
  if (!recordable.length) throw forbidden();
  return recordable;
}

/**
 * Each domain's score before this one, from the latest earlier assessment that scored it: one
 * discipline's assessment does not reset another's trend.
 */
async function previousDomainScores(tx: Tx, caseId: string, instrumentKey: string, assessedOn: string) {
  const earlier = await tx
    .select({ domainScores: caseAssessments.domainScores })
    .from(caseAssessments)
    .innerJoin(assessmentInstruments, eq(assessmentInstruments.id, caseAssessments.instrumentId))
    .where(
      and(eq(caseAssessments.caseId, caseId), eq(assessmentInstruments.key, instrumentKey), lte(caseAssessments.assessedOn, assessedOn)),
    )
    .orderBy(desc(caseAssessments.assessedOn), desc(caseAssessments.recordedAt));
  if (!earlier.length) return null;
  return Object.assign({}, ...[...earlier].reverse().map((row) => row.domainScores)) as Record<string, number>;
}

/**
 * One reintegration assessment of the domains the recorder's sections reach: scores checked
 * against the instrument version used, domain and overall scores computed, and domains at risk
 * flagged against the assessments before it — the case owner's people are told when one is.
 */
export async function recordAssessment(context: CaseContext, input: AssessmentInput) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  if (input.assessedOn > localToday(view.kase.countryCode, new Date())) {
    throw fieldError(422, 'validation_failed', 'assessedOn', 'The date is in the future.');
  }
  const [instrument] = await tx.select().from(assessmentInstruments).where(eq(assessmentInstruments.id, input.instrumentId));
  if (!instrument?.active) throw fieldError(422, 'invalid_reference', 'instrumentId', 'No such instrument in use.');
  const recordable = { ...instrument, domains: recordableDomains(instrument.domains, input, careReach(actor, view.involvement)) };
  const errors = scoreErrors(recordable, input.scores, input.domainNotes);
  if (errors.length) throw refuse(422, errors);
  const scored = domainScores(recordable, input.scores);
  const previous = await previousDomainScores(tx, view.kase.id, instrument.key, input.assessedOn);
  const risks = risksOf(scored.domainScores, previous, instrument.scaleMin);

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
  const sectionOf = new Map(recordable.domains.map((domain) => [domain.key, domain.section]));
  // Told are the owner's people who may read a domain at risk: a psychosocial risk goes to those
  // holding psychosocial, and no one learns of a risk she could not then see. Once each.
  for (const riskSection of new Set(riskDomains.map((domain) => sectionOf.get(domain)!))) {
    await notify(tx, {
      kind: 'assessment_risk',
      agencyId: view.kase.ownerAgencyId,
      caseId: view.kase.id,
      subjectId: assessment!.id,
      permission: sectionPermission(riskSection),
      onceKey: `assessment_risk:${assessment!.id}`,
    });
  }
  // The timeline entry is read under one section: a specialist's assessment under hers, a mixed
  // one under `care`, naming only the risk domains that section may read.
  const sections = new Set(recordable.domains.map((domain) => domain.section));
  const section = sections.size === 1 ? [...sections][0]! : 'care';
  const timelineRisks = riskDomains.filter((domain) => sectionOf.get(domain) === section);
  await recordCaseEvent(
    tx,
    actor,
    view.kase.id,
    'assessment.recorded',
    { assessmentId: assessment!.id, riskDomains: timelineRisks },
    section,
  );
  await recordAudit(tx, audit, {
    action: 'case.update',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { part: 'assessment', assessmentId: assessment!.id, instrumentId: instrument.id, riskDomains },
  });
  return assessment!;
}
