import { randomUUID } from 'node:crypto';
import { CASE_SECTIONS, type CaseSection, type ReferralKind, type referralInputSchema, type ServiceArea } from '@seamless/contracts';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { agencies, caseAccess, caseTasks, consents, referrals } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import { localToday } from '../followUp/schedule.js';
import { fieldError } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import { consentRefusal, consentRefused } from '../policies/consent.js';
import { REFERRAL_PURPOSES } from '../policies/referral.js';
import { type CaseEventActor, recordCaseEvent } from './recordCaseEvent.js';

export type ReferralOffer = {
  kind: ReferralKind;
  toAgencyId: string;
  consentId: string;
  sections: CaseSection[];
  reason: string;
  details?: string | null;
  dueOn?: string | null;
  urgency?: ReferralBody['urgency'];
  serviceArea?: ServiceArea | null;
  directoryServiceId?: string | null;
};

/** The parsed body: defaults applied. */
export type ReferralBody = z.output<typeof referralInputSchema>;

export type OfferProps = { tx: Tx; keyRing: KeyRing; actor: CaseEventActor; audit: AuditContext; view: CaseView; now?: Date };

/** The directory service is one the receiving agency itself lists (service directory, migration 0009). */
async function offeredBy(tx: Tx, serviceId: string, agencyId: string) {
  const result = await tx.execute(sql`select 1 as found from directory_services s
    join directory_organisations o on o.id = s.organisation_id
    where s.id = ${serviceId}::uuid and o.agency_id = ${agencyId}::uuid and s.active`);
  return rowsOf(result).length > 0;
}

/** The receiver sees the case row already (shared, intake agency): its task list can carry the answer. */
async function receiverSeesCase(tx: Tx, view: CaseView, agencyId: string) {
  if (view.kase.intakeByAgencyId === agencyId) return true;
  const [share] = await tx
    .select({ agencyId: caseAccess.agencyId })
    .from(caseAccess)
    .leftJoin(consents, eq(consents.id, caseAccess.consentId))
    .where(
      and(
        eq(caseAccess.caseId, view.kase.id),
        eq(caseAccess.agencyId, agencyId),
        isNull(caseAccess.revokedAt),
        or(
          isNull(consents.id),
          and(isNull(consents.withdrawnAt), sql`(${consents.expiresOn} is null or ${consents.expiresOn} >= current_date)`),
        ),
      ),
    );
  return !!share;
}

/**
 * Asks another agency on the instance to take on the case (a transfer) or one need of it (a
 * referral), on the strength of one recorded consent (DESIGN.md §4): refused with what the
 * consent lacks, so the caseworker knows what to ask the person for.
 */
export async function offerReferral({ tx, keyRing, actor, audit, view, now = new Date() }: OfferProps, offer: ReferralOffer) {
  const { kase } = view;
  if (offer.toAgencyId === kase.ownerAgencyId) {
    throw fieldError(422, 'validation_failed', 'toAgencyId', 'The agency that owns the case already has all of it.');
  }
  const [agency] = await tx
    .select({ id: agencies.id, countryCode: agencies.countryCode, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, offer.toAgencyId));
  if (!agency?.active) throw fieldError(422, 'invalid_reference', 'toAgencyId', 'No such active agency.');

  if (offer.directoryServiceId && !(await offeredBy(tx, offer.directoryServiceId, agency.id))) {
    throw fieldError(422, 'invalid_reference', 'directoryServiceId', 'The receiving agency lists no such service in the directory.');
  }
  const today = localToday(kase.countryCode, now);
  const [consent] = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, offer.consentId), eq(consents.caseId, kase.id)));
  const sections = [...new Set(offer.sections)];
  // The new owner of a transferred case reads all of it, so the consent must cover every section.
  const covered = offer.kind === 'transfer' ? [...CASE_SECTIONS] : sections;
  const request = { agencyId: agency.id, agencyCountry: agency.countryCode, caseCountry: kase.countryCode, sections: covered };
  const refusal =
    consentRefusal(consent ?? null, request, today) ??
    (REFERRAL_PURPOSES.includes(consent!.purpose as never) ? null : 'purpose_not_covered');
  if (refusal) throw consentRefused(refusal);

  const id = randomUUID();
  const [referral] = await tx
    .insert(referrals)
    .values({
      id,
      caseId: kase.id,
      kind: offer.kind,
      direction: 'outgoing',
      fromAgencyId: kase.ownerAgencyId,
      toAgencyId: agency.id,
      directoryServiceId: offer.directoryServiceId ?? null,
      serviceArea: offer.serviceArea ?? null,
      consentId: consent!.id,
      sections,
      reason: offer.reason,
      detailsEnc: keyRing.encrypt(offer.details ?? null, placeOf(referrals.detailsEnc, id)),
      urgency: offer.urgency ?? 'routine',
      referredOn: today,
      dueOn: offer.dueOn ?? null,
      caseReference: kase.reference,
      pseudonym: view.person.pseudonym,
      countryCode: kase.countryCode,
      recordedByAgencyId: actor.agencyId,
      sentBy: actor.userId,
    })
    .returning();

  const details = {
    referralId: referral!.id,
    toAgencyId: agency.id,
    sections,
    consentId: consent!.id,
    serviceArea: offer.serviceArea ?? null,
  };
  await recordCaseEvent(tx, actor, kase.id, offer.kind === 'transfer' ? 'transfer.offered' : 'referral.sent', details);
  await recordAudit(tx, audit, {
    action: 'referral.send',
    resourceType: 'referral',
    resourceId: referral!.id,
    details: { caseId: kase.id, kind: offer.kind, ...details },
  });
  if (offer.dueOn && (await receiverSeesCase(tx, view, agency.id))) {
    await tx
      .insert(caseTasks)
      .values({ caseId: kase.id, kind: 'referral_response', dueOn: offer.dueOn, agencyId: agency.id, createdBy: actor.userId });
  }
  await notify(tx, {
    kind: offer.kind === 'transfer' ? 'transfer_offered' : 'referral_received',
    agencyId: agency.id,
    caseId: kase.id,
    subjectId: referral!.id,
    dueOn: offer.dueOn ?? null,
  });
  return referral!;
}

/** Refers the case, or one service need of it, to another agency. */
export const sendReferral = (props: OfferProps, input: ReferralBody) => offerReferral(props, { ...input, kind: 'referral' });
