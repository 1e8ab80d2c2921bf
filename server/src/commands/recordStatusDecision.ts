import {
  CASE_STAGES,
  type CaseStage,
  decideTraffickingStatus,
  isAllowedStatusTransition,
  procedureForCountry,
  type StatusDecisionRequest,
  type StatusRulingRefusal,
  type TraffickingStatus,
} from '@seamless/contracts';
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { agencies, cases, caseTasks, identificationInterviews, traffickingStatusDecisions } from '../db/schema/index.js';
import { lockVersion, saveVersion } from '../db/versioned.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, fieldError } from '../http/problem.js';
import { addDays } from './openCase.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { ageAtTimeOf, assertCaseOpen, checkPastDay, refuse } from './recordInterview.js';

/** Which field of the request each refusal of the rules is about, so the form can point at it. */
const REFUSAL_PATHS: Record<StatusRulingRefusal, string> = {
  same_status: 'toStatus',
  transition_not_allowed: 'toStatus',
  elements_missing: 'interviewId',
  no_indicators: 'interviewId',
  unknown_indicator: 'interviewId',
  agency_not_competent: 'decidingAgencyId',
  reason_required: 'reasons',
};

const identificationRefused = (path: string, code: string, message: string) =>
  new AppError(422, 'identification_refused', message, [{ path, code, message }]);

const stageIndex = (stage: string) => CASE_STAGES.indexOf(stage as CaseStage);

/** The interview a decision rests on: the one named, or the latest completed one. */
async function interviewFor(tx: Tx, caseId: string, interviewId: string | null | undefined) {
  if (interviewId) {
    const [named] = await tx
      .select()
      .from(identificationInterviews)
      .where(and(eq(identificationInterviews.id, interviewId), eq(identificationInterviews.caseId, caseId)));
    if (!named) throw fieldError(422, 'invalid_reference', 'interviewId', 'No such interview on this case.');
    if (named.status !== 'completed') {
      throw identificationRefused('interviewId', 'interview_not_completed', 'A decision rests on a completed interview.');
    }
    return named;
  }
  const [latest] = await tx
    .select()
    .from(identificationInterviews)
    .where(and(eq(identificationInterviews.caseId, caseId), eq(identificationInterviews.status, 'completed')))
    .orderBy(desc(identificationInterviews.conductedOn), desc(identificationInterviews.createdAt))
    .limit(1);
  return latest ?? null;
}

/**
 * A presumption and an identification can each be certified (the certificate protects the person
 * while identification runs): `<case reference>/C<n>` for an identification, `/P<n>` for a
 * presumption, numbered per case so a reprint carries the same number.
 */
const CERTIFICATE_PREFIX: Partial<Record<TraffickingStatus, string>> = { Identified: 'C', Presumed: 'P' };

async function nextCertificateNumber(tx: Tx, caseId: string, reference: string, status: TraffickingStatus) {
  const [issued] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(traffickingStatusDecisions)
    .where(
      and(
        eq(traffickingStatusDecisions.caseId, caseId),
        eq(traffickingStatusDecisions.toStatus, status),
        isNotNull(traffickingStatusDecisions.certificateNumber),
      ),
    );
  return `${reference}/${CERTIFICATE_PREFIX[status]}${(issued?.count ?? 0) + 1}`;
}

export type RecordStatusDecisionProps = { context: CaseContext; keyRing: KeyRing; input: StatusDecisionRequest; now?: Date };

/**
 * Records a trafficking-status decision made by the competent agency of the case's country (often
 * written down by the social worker for the MDT or the inquiry officer), on the case version the
 * decision was made on, and applies what it sets in motion: the reflection period and protection
 * on a presumption, the end of the identification deadline on an identification, and the
 * certificate number of either.
 */
export async function recordStatusDecision({ context, keyRing, input, now = new Date() }: RecordStatusDecisionProps) {
  const { tx, actor, view, audit } = context;
  assertCaseOpen(view);
  const current = await lockVersion(tx, cases, view.kase.id, input.caseVersion);
  const from = current.traffickingStatus;
  const to = input.toStatus;
  if (from === to) throw identificationRefused('toStatus', 'same_status', `The status is already ${to}.`);
  // Checked before anything else so a skipped step is the one error reported: potential → presumed →
  // identified, one step at a time; an identification is changed only by an administrator's correction.
  if (!isAllowedStatusTransition(from, to)) {
    throw identificationRefused(
      'toStatus',
      'transition_not_allowed',
      from === 'Identified'
        ? 'An identified status can only be changed by an administrator’s correction.'
        : `The status moves potential → presumed → identified, one step at a time; it cannot change from ${from} to ${to}.`,
    );
  }

  const dateError = checkPastDay(input.decidedOn, 'decidedOn', now);
  if (dateError) throw refuse(422, [dateError]);
  const [decidingAgency] = await tx
    .select({ id: agencies.id, name: agencies.name, agencyFunction: agencies.agencyFunction })
    .from(agencies)
    .where(eq(agencies.id, input.decidingAgencyId));
  if (!decidingAgency) throw fieldError(422, 'invalid_reference', 'decidingAgencyId', 'No such agency.');
  const interview = await interviewFor(tx, current.id, input.interviewId);
  if (interview && input.decidedOn < interview.conductedOn) {
    throw refuse(422, [{ path: 'decidedOn', code: 'before_interview', message: 'The decision cannot precede the interview it rests on.' }]);
  }

  const procedure = procedureForCountry(current.countryCode);
  const birthDate = personIdentityValue(keyRing, view.person, 'birthDateEnc');
  const ruling = decideTraffickingStatus({
    from,
    to,
    indicators: interview?.indicators ?? {},
    ageAtTime: await ageAtTimeOf(tx, view, birthDate, interview?.conductedOn ?? input.decidedOn),
    // The deciding agency's function, not the recorder's: the MDT or inquiry officer decides.
    deciderFunction: decidingAgency.agencyFunction,
    procedure,
    reason: input.reasons,
  });
  if (!ruling.ok) throw identificationRefused(REFUSAL_PATHS[ruling.code], ruling.code, ruling.message);

  const changes: Partial<typeof cases.$inferInsert> = { traffickingStatus: to };
  const certificateNumber = CERTIFICATE_PREFIX[to] ? await nextCertificateNumber(tx, current.id, current.reference, to) : null;
  if (to === 'Presumed') {
    if (procedure.reflectionPeriodDays) {
      const endsOn = addDays(input.decidedOn, procedure.reflectionPeriodDays);
      changes.reflectionPeriodEndsOn = endsOn;
      await tx.insert(caseTasks).values({
        caseId: current.id,
        kind: 'reflection_period_end',
        dueOn: endsOn,
        agencyId: current.ownerAgencyId,
        createdBy: actor.userId,
      });
    }
    if (stageIndex(current.stage) < stageIndex('protection')) changes.stage = 'protection';
  }
  if (to === 'Identified') {
    await tx
      .update(caseTasks)
      .set({ doneAt: now, doneBy: actor.userId })
      .where(and(eq(caseTasks.caseId, current.id), eq(caseTasks.kind, 'identification_deadline'), isNull(caseTasks.doneAt)));
  }
  const updated = await saveVersion(tx, cases, current, changes);
  const [decision] = await tx
    .insert(traffickingStatusDecisions)
    .values({
      caseId: current.id,
      fromStatus: from,
      toStatus: to,
      decidingAgencyId: decidingAgency.id,
      decidedOn: input.decidedOn,
      decidedByName: input.decidedByName,
      reasons: input.reasons,
      interviewId: interview?.id ?? null,
      indicators: interview?.indicators ?? null,
      certificateNumber,
      recordedBy: actor.userId,
    })
    .returning();
  await recordCaseEvent(tx, actor, current.id, 'trafficking_status.decided', {
    decisionId: decision!.id,
    from,
    to,
    decidingAgencyId: decidingAgency.id,
    certificateNumber,
  });
  await recordAudit(tx, audit, {
    action: 'case.identification',
    resourceType: 'case',
    resourceId: current.id,
    details: {
      decisionId: decision!.id,
      from,
      to,
      decidingAgencyId: decidingAgency.id,
      interviewId: interview?.id ?? null,
      elements: ruling.elements.present,
      meansWaived: ruling.elements.meansWaived,
      ...(changes.stage ? { stage: changes.stage } : {}),
    },
  });
  return { decision: decision!, decidingAgencyName: decidingAgency.name, caseVersion: updated.version };
}
