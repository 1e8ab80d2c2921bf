import { CASE_SECTIONS, personInputSchema, REFERRAL_URGENCIES, SERVICE_AREAS } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { caseEvents, crossBorderReferrals } from '../db/schema/index.js';
import { type PacketApplier, PacketRefused, type ReceivedPacket } from '../federation/inbox.js';
import { threadIdTaken } from '../federation/threads.js';
import { localToday } from '../followUp/schedule.js';
import { notify } from '../notifications/notify.js';
import { StepOutOfOrder } from '../repatriation/steps.js';
import { openReferralContent, sealReferralContent } from './record.js';
import {
  isReferralStep,
  REFERRAL_STEPS,
  type ReferralStepKind,
  referralConsentLapsed,
  statusAfterReferralConsentWithdrawn,
  takeReferralStep,
} from './steps.js';
import { type CrossBorderReferralRow, saveCrossBorderReferral } from './thread.js';

const referralBodySchema = z.object({
  sendingCaseReference: z.string().min(1).max(100),
  serviceArea: z.enum(SERVICE_AREAS),
  urgency: z.enum(REFERRAL_URGENCIES),
  sections: z.array(z.enum(CASE_SECTIONS)).min(1),
  person: personInputSchema.nullable(),
  reason: z.string().min(1).max(1000),
  details: z.string().max(4000).nullable(),
});

const otherSide = (row: CrossBorderReferralRow) => (row.side === 'sending' ? 'receiving' : 'sending');

/**
 * Applies what a partner sent to this instance's referrals across the border: a referral opens
 * one in the receiving agency's queue; each answer moves the same state machine the sender ran; a
 * consent withdrawal stops the referral here too. Checked again here: only what the consent the
 * packet carries names is kept.
 */
export function crossBorderReferralApplier(keyRing: KeyRing, ownCountry: string): PacketApplier {
  const today = () => localToday(ownCountry, new Date());

  async function threadOf(tx: Tx, packet: ReceivedPacket): Promise<CrossBorderReferralRow> {
    const [row] = await tx.select().from(crossBorderReferrals).where(eq(crossBorderReferrals.id, packet.content.thread)).for('update');
    if (!row || row.partnerId !== packet.partner.id) throw new PacketRefused('unknown_thread');
    return row;
  }

  async function noteOnCase(tx: Tx, row: CrossBorderReferralRow, step: string, status: string) {
    if (row.caseId) {
      await tx.insert(caseEvents).values({
        caseId: row.caseId,
        kind: 'cross_border_referral.updated',
        details: { referralId: row.id, step, status, from: 'partner' },
        actorUserId: null,
        actorAgencyId: row.agencyId,
      });
    }
    await notify(tx, { kind: 'cross_border_referral_updated', agencyId: row.agencyId, caseId: row.caseId, subjectId: row.id });
  }

  async function receiveReferral(tx: Tx, packet: ReceivedPacket) {
    const parsed = referralBodySchema.safeParse(packet.content.body);
    if (!parsed.success) throw new PacketRefused('invalid_content');
    const body = parsed.data;
    const consent = packet.content.consent;
    const covered =
      !!consent &&
      consent.purpose === 'referral' &&
      consent.countries.includes(ownCountry) &&
      !referralConsentLapsed(consent, today()) &&
      body.sections.every((section) => consent.sections.includes(section)) &&
      (!body.person || body.sections.includes('identity')) &&
      // How to reach her family is the family section's, as in a repatriation request.
      (!body.person?.contacts?.length || body.sections.includes('family'));
    if (!covered) throw new PacketRefused('consent_not_covering');
    const id = packet.content.thread;
    if (await threadIdTaken(tx, id)) throw new PacketRefused('unknown_thread');
    await tx.insert(crossBorderReferrals).values({
      id,
      side: 'receiving',
      partnerId: packet.partner.id,
      agencyId: packet.partner.receivingAgencyId,
      sendingCaseReference: body.sendingCaseReference,
      serviceArea: body.serviceArea,
      urgency: body.urgency,
      status: 'sent',
      sections: body.sections,
      consent: consent!,
      contentEnc: sealReferralContent(keyRing, id, {
        reason: body.reason,
        details: body.details,
        person: body.person,
        answer: null,
        outcome: null,
        withdrawal: null,
      }),
    });
    await notify(tx, { kind: 'cross_border_referral_received', agencyId: packet.partner.receivingAgencyId, subjectId: id });
  }

  async function applyStep(tx: Tx, packet: ReceivedPacket, kind: ReferralStepKind) {
    const row = await threadOf(tx, packet);
    if (row.consentWithdrawnAt) throw new PacketRefused('consent_withdrawn');
    if (kind !== 'referral_withdrawal' && referralConsentLapsed(row.consent, today())) throw new PacketRefused('consent_not_covering');
    const parsed = REFERRAL_STEPS[kind].body.safeParse(packet.content.body);
    if (!parsed.success) throw new PacketRefused('invalid_content');
    let next: ReturnType<typeof takeReferralStep>;
    try {
      next = takeReferralStep(
        { status: row.status, content: openReferralContent(keyRing, row) },
        kind,
        parsed.data as never,
        otherSide(row),
        new Date(),
      );
    } catch (error) {
      if (error instanceof StepOutOfOrder) throw new PacketRefused('out_of_step');
      throw error;
    }
    await saveCrossBorderReferral(tx, keyRing, row, next);
    await noteOnCase(tx, row, kind, next.status);
  }

  /** Withdrawn consent ends the referral on this side as on the sender's: nothing more is done with it. */
  async function applyConsentWithdrawal(tx: Tx, packet: ReceivedPacket) {
    const row = await threadOf(tx, packet);
    // Only the side holding her consent withdraws it, and only the consent the referral rests on.
    if (row.side !== 'receiving' || packet.content.consent?.id !== row.consent.id) throw new PacketRefused('out_of_step');
    if (row.consentWithdrawnAt) return;
    const status = statusAfterReferralConsentWithdrawn(row.status);
    await saveCrossBorderReferral(tx, keyRing, row, { status, content: openReferralContent(keyRing, row), consentWithdrawnAt: new Date() });
    await noteOnCase(tx, row, 'consent_withdrawal', status);
  }

  return async (tx, packet) => {
    const { kind } = packet.content;
    if (kind === 'referral') return receiveReferral(tx, packet);
    if (kind === 'consent_withdrawal') return applyConsentWithdrawal(tx, packet);
    if (isReferralStep(kind)) return applyStep(tx, packet, kind);
    throw new PacketRefused('invalid_content');
  };
}
