import { randomUUID } from 'node:crypto';
import type { CrossBorderReferralInput } from '@seamless/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { sealReferralContent } from '../crossBorderReferral/record.js';
import { OPEN } from '../crossBorderReferral/steps.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { crossBorderReferrals } from '../db/schema/index.js';
import type { CaseView } from '../db/visibleCases.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { sendOnThread } from '../federation/threads.js';
import { conflict, fieldError, forbidden } from '../http/problem.js';
import type { Actor } from '../policies/actor.js';
import { canReadSection } from '../policies/case.js';
import { canReferAcrossBorder } from '../policies/crossBorderReferral.js';
import { personAsSent } from '../repatriation/asSent.js';
import { consentSnapshotOf } from '../repatriation/record.js';
import { crossBorderGrounds } from './crossBorderGrounds.js';
import { recordCaseEvent } from './recordCaseEvent.js';

export type ReferAcrossBorderProps = {
  tx: Tx;
  keyRing: KeyRing;
  outbox: OutboxSettings;
  actor: Actor;
  audit: AuditContext;
  view: CaseView;
  now?: Date;
};

/**
 * The agency that owns a case asks a partner country for one service (the Transnational Referral
 * Mechanism), on the strength of her consent to referral naming that country and the sections
 * sent. Only what that consent names crosses: who she is only with identity.
 */
export async function referAcrossBorder(
  { tx, keyRing, outbox, actor, audit, view, now = new Date() }: ReferAcrossBorderProps,
  input: Required<Pick<CrossBorderReferralInput, 'partnerId' | 'consentId' | 'serviceArea' | 'sections' | 'reason'>> &
    Pick<CrossBorderReferralInput, 'urgency' | 'details'>,
) {
  const { kase } = view;
  if (!canReferAcrossBorder(actor) || view.involvement?.kind !== 'owner')
    throw forbidden('Only the agency that owns the case refers it to a partner country.');
  const sections = [...new Set(input.sections)];
  const unread = sections.find((section) => !canReadSection(actor, section, view.involvement));
  if (unread) throw fieldError(403, 'forbidden', 'sections', `Your role does not open the ${unread} section, so you cannot send it.`);
  const { partner, consent } = await crossBorderGrounds(
    tx,
    view,
    { partnerId: input.partnerId, consentId: input.consentId, sections, purpose: 'referral' },
    now,
  );
  const [open] = await tx
    .select({ id: crossBorderReferrals.id })
    .from(crossBorderReferrals)
    .where(
      and(
        eq(crossBorderReferrals.caseId, kase.id),
        eq(crossBorderReferrals.partnerId, partner.id),
        eq(crossBorderReferrals.serviceArea, input.serviceArea),
        inArray(crossBorderReferrals.status, [...OPEN]),
      ),
    );
  if (open) throw conflict('This case is already referred to this partner for this service.');

  const id = randomUUID();
  const person = await personAsSent(tx, keyRing, view, sections);
  const details = input.details?.trim() || null;
  const snapshot = consentSnapshotOf(consent);
  const urgency = input.urgency ?? 'routine';
  await tx.insert(crossBorderReferrals).values({
    id,
    side: 'sending',
    partnerId: partner.id,
    agencyId: kase.ownerAgencyId,
    caseId: kase.id,
    sendingCaseReference: kase.reference,
    serviceArea: input.serviceArea,
    urgency,
    status: 'sent',
    sections,
    consent: snapshot,
    contentEnc: sealReferralContent(keyRing, id, {
      reason: input.reason,
      details,
      person,
      answer: null,
      outcome: null,
      withdrawal: null,
    }),
    sentBy: actor.userId,
    sentAt: now,
  });
  const packetId = await sendOnThread(
    tx,
    outbox,
    crossBorderReferrals,
    { id, partnerId: partner.id },
    {
      kind: 'referral',
      consent: snapshot,
      body: {
        sendingCaseReference: kase.reference,
        serviceArea: input.serviceArea,
        urgency,
        sections,
        person,
        reason: input.reason,
        details,
      },
      createdBy: actor.userId,
    },
  );
  const event = { referralId: id, partnerId: partner.id, serviceArea: input.serviceArea, consentId: snapshot.id, sections, packetId };
  await recordCaseEvent(tx, actor, kase.id, 'cross_border_referral.sent', event);
  await recordAudit(tx, audit, {
    action: 'cross_border_referral.send',
    resourceType: 'cross_border_referral',
    resourceId: id,
    details: { caseId: kase.id, ...event },
  });
  return id;
}
