import { randomUUID } from 'node:crypto';
import type { CaseEventKind, CaseSection, ReferralStatus, ReferralUrgency, ServiceArea } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { caseAccess, caseEvents, cases, consents, persons, referrals } from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import type { DemoIds } from './demoIds.js';

type DemoReferral = {
  personIndex: number;
  from: string;
  to: string;
  serviceArea: ServiceArea;
  sections: CaseSection[];
  reason: string;
  details: string;
  urgency: ReferralUrgency;
  sentDaysAgo: number;
  dueInDays: number;
  status: ReferralStatus;
  declineReason?: string;
  /** The person withdrew the consent this many days ago: the referral ended with it (closed). */
  consentWithdrawnDaysAgo?: number;
};

/**
 * Referrals in the demo (Thailand), chosen so that no agency sees a case the demo's access rules
 * keep from it: Chiang Rai's urgent counselling referral waits in the NGO's inbox (pseudonym
 * only), one to the shelter was declined with its reason, and the shelter's referral to the
 * police for the victim's statement was accepted (summary only). An NGO training referral ended
 * when the person withdrew her consent: the NGO keeps the reference and pseudonym, not the text.
 * One case also records the outside foundation that first referred the person.
 */
const DEMO_REFERRALS: DemoReferral[] = [
  {
    personIndex: 13,
    from: 'chiangrai',
    to: 'ngo',
    serviceArea: 'psychosocial',
    sections: ['care'],
    reason: 'Trauma counselling in Burmese; nightmares and panic since the rescue',
    details: 'Prefers a female counsellor. Available on weekday mornings; needs transport from the village.',
    urgency: 'urgent',
    sentDaysAgo: 1,
    dueInDays: 2,
    status: 'pending',
  },
  {
    personIndex: 9,
    from: 'chiangrai',
    to: 'shelter',
    serviceArea: 'safe_housing',
    sections: ['care'],
    reason: 'Safe place to stay while the family is traced',
    details: 'Boy aged 16; the family home is near the recruiter.',
    urgency: 'routine',
    sentDaysAgo: 9,
    dueInDays: -2,
    status: 'declined',
    declineReason: 'No bed in the boys’ unit this month; the Songkhla shelter has space.',
  },
  {
    personIndex: 15,
    from: 'shelter',
    to: 'police',
    serviceArea: 'legal',
    sections: [],
    reason: 'She is ready to give her statement for the prosecution of the recruiter',
    details: 'A female investigator and a Lao interpreter please; statement at the shelter.',
    urgency: 'routine',
    sentDaysAgo: 14,
    dueInDays: -7,
    status: 'accepted',
  },
  {
    personIndex: 9,
    from: 'chiangrai',
    to: 'ngo',
    serviceArea: 'economic_empowerment',
    sections: ['care'],
    reason: 'Sewing course and a start-up kit once he is back with his family',
    details: 'He wants to work with his uncle in Mae Chan; the course runs on Saturdays.',
    urgency: 'routine',
    sentDaysAgo: 20,
    dueInDays: -13,
    status: 'closed',
    consentWithdrawnDaysAgo: 3,
  },
];

const EVENT_OF: Partial<Record<ReferralStatus, CaseEventKind>> = {
  accepted: 'referral.accepted',
  declined: 'referral.declined',
};

export async function seedDemoReferrals(tx: Tx, keyRing: KeyRing, ids: DemoIds) {
  if (ids.countryCode !== 'TH') return;
  const today = localToday('TH', ids.now);
  for (const demo of DEMO_REFERRALS) {
    const caseId = ids.caseIds[demo.personIndex];
    const from = ids.agencyIds.get(demo.from);
    const to = ids.agencyIds.get(demo.to);
    const sender = ids.userIds.get(demo.from);
    const receiver = ids.userIds.get(demo.to);
    if (!caseId || !from || !to || !sender || !receiver) continue;
    const [kase] = await tx
      .select({ reference: cases.reference, pseudonym: persons.pseudonym })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(eq(cases.id, caseId));
    if (!kase) continue;
    const sentOn = addCalendarDays(today, -demo.sentDaysAgo);
    const sentAt = new Date(`${sentOn}T03:00:00Z`);
    const answeredAt = new Date(sentAt.getTime() + 86_400_000);
    const withdrawnAt =
      demo.consentWithdrawnDaysAgo === undefined ? null : new Date(`${addCalendarDays(today, -demo.consentWithdrawnDaysAgo)}T04:00:00Z`);
    const [consent] = await tx
      .insert(consents)
      .values({
        caseId,
        purpose: 'referral',
        sections: demo.sections,
        givenBy: 'victim',
        givenOn: sentOn,
        recordedBy: sender,
        withdrawnAt,
        withdrawnBy: withdrawnAt ? sender : null,
        withdrawalReason: withdrawnAt ? 'He no longer wants the NGO to hold his file.' : null,
      })
      .returning({ id: consents.id });
    const id = randomUUID();
    const answered = demo.status !== 'pending';
    await tx.insert(referrals).values({
      id,
      caseId,
      fromAgencyId: from,
      toAgencyId: to,
      serviceArea: demo.serviceArea,
      consentId: consent!.id,
      sections: demo.sections,
      reason: demo.reason,
      detailsEnc: keyRing.encrypt(demo.details, placeOf(referrals.detailsEnc, id)),
      urgency: demo.urgency,
      referredOn: sentOn,
      dueOn: addCalendarDays(today, demo.dueInDays),
      status: demo.status,
      caseReference: kase.reference,
      pseudonym: kase.pseudonym,
      countryCode: 'TH',
      recordedByAgencyId: from,
      sentBy: sender,
      answeredBy: answered ? receiver : null,
      answeredAt: answered ? answeredAt : null,
      declineReason: demo.declineReason ?? null,
      finishedBy: withdrawnAt ? sender : null,
      finishedAt: withdrawnAt,
      createdAt: sentAt,
      updatedAt: withdrawnAt ?? (answered ? answeredAt : sentAt),
    });
    const details = { referralId: id, toAgencyId: to, fromAgencyId: from, sections: demo.sections };
    await tx
      .insert(caseEvents)
      .values({ caseId, kind: 'referral.sent', details, actorUserId: sender, actorAgencyId: from, occurredAt: sentAt });
    const answer = EVENT_OF[demo.status];
    if (answer) {
      await tx
        .insert(caseEvents)
        .values({ caseId, kind: answer, details, actorUserId: receiver, actorAgencyId: to, occurredAt: answeredAt });
    }
    if (withdrawnAt) {
      const ended = { ...details, cause: 'consent_withdrawn' };
      await tx.insert(caseEvents).values([
        { caseId, kind: 'referral.accepted', details, actorUserId: receiver, actorAgencyId: to, occurredAt: answeredAt },
        {
          caseId,
          kind: 'consent.withdrawn',
          details: { consentId: consent!.id, revokedAgencyIds: [to] },
          actorUserId: sender,
          actorAgencyId: from,
          occurredAt: withdrawnAt,
        },
        { caseId, kind: 'referral.closed', details: ended, actorUserId: sender, actorAgencyId: from, occurredAt: withdrawnAt },
      ]);
    }
    if (demo.status === 'accepted' || withdrawnAt) {
      await tx.insert(caseAccess).values({
        caseId,
        agencyId: to,
        kind: 'referral',
        sections: demo.sections,
        consentId: consent!.id,
        purpose: 'referral',
        grantedAt: answeredAt,
        grantedBy: receiver,
        revokedAt: withdrawnAt,
      });
    }
  }
  await seedIncomingReferral(tx, keyRing, ids, today);
}

/** The outside foundation that sent one of Chiang Rai's cases: the HTCDS incoming-referral fields. */
async function seedIncomingReferral(tx: Tx, keyRing: KeyRing, ids: DemoIds, today: string) {
  const caseId = ids.caseIds[8];
  const chiangrai = ids.agencyIds.get('chiangrai');
  const worker = ids.userIds.get('chiangrai');
  if (!caseId || !chiangrai || !worker) return;
  const [kase] = await tx
    .select({ reference: cases.reference, pseudonym: persons.pseudonym })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(cases.id, caseId));
  if (!kase) return;
  const id = randomUUID();
  await tx.insert(referrals).values({
    id,
    caseId,
    direction: 'incoming',
    toAgencyId: chiangrai,
    externalOrganisation: 'Foundation for Women and Children, Mae Sai',
    externalCaseWorker: 'Outreach worker on the border crossing',
    serviceArea: 'case_management',
    reason: 'Met at the Mae Sai crossing after escaping a karaoke bar; asked for protection',
    detailsEnc: keyRing.encrypt(
      'Brought to the office by the foundation’s outreach worker with her bag only.',
      placeOf(referrals.detailsEnc, id),
    ),
    referredOn: addCalendarDays(today, -30),
    status: 'accepted',
    caseReference: kase.reference,
    pseudonym: kase.pseudonym,
    countryCode: 'TH',
    recordedByAgencyId: chiangrai,
    sentBy: worker,
  });
}
