import { CASE_SECTIONS, isoDate, type PacketKind, personInputSchema } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { type ConsentSnapshot, caseEvents, repatriations } from '../db/schema/index.js';
import { type PacketApplier, PacketRefused, type ReceivedPacket } from '../federation/inbox.js';
import { threadIdTaken } from '../federation/threads.js';
import type { AttachmentStore } from '../files/attachmentStore.js';
import { localToday } from '../followUp/schedule.js';
import { notify } from '../notifications/notify.js';
import { filesReceived } from './files.js';
import { emptyContent, sealContent } from './record.js';
import { consentLapsed, isStepKind, STEP_BODIES, type StepKind, StepOutOfOrder, statusAfterConsentWithdrawn, takeStep } from './steps.js';
import { contentOf, type RepatriationRow, saveRepatriation } from './thread.js';

const requestBodySchema = z.object({
  sendingCaseReference: z.string().min(1).max(100),
  sections: z.array(z.enum(CASE_SECTIONS)).min(1),
  person: personInputSchema.nullable(),
  identification: z
    .object({
      traffickingStatus: z.string().max(40).nullable(),
      exploitationForms: z.array(z.string().max(80)).max(30),
      identifiedOn: isoDate.nullable(),
      identifiedBy: z.string().max(300).nullable(),
      interviewSummary: z.string().max(20_000).nullable(),
    })
    .nullable(),
  reason: z.string().min(1).max(1000),
  proposedDate: isoDate.nullable(),
  attachments: z.unknown().optional(),
});

/** The consent a packet carries covers this country, this purpose and today, as the receiver reads it. */
function consentCovers(consent: ConsentSnapshot | null, purpose: string, country: string, today: string) {
  return (
    !!consent && consent.purpose === purpose && consent.countries.includes(country) && (!consent.expiresOn || consent.expiresOn >= today)
  );
}

/**
 * Checked again at the receiver (issue 12): the request carries only sections its consent names,
 * the person only with identity, her contacts only with family.
 */
function assertRequestCovered(body: z.infer<typeof requestBodySchema>, consent: ConsentSnapshot | null, country: string, today: string) {
  if (!consentCovers(consent, 'repatriation', country, today)) throw new PacketRefused('consent_not_covering');
  const sections = consent!.sections as readonly string[];
  if (body.sections.some((section) => !sections.includes(section))) throw new PacketRefused('consent_not_covering');
  if (body.person && !body.sections.includes('identity')) throw new PacketRefused('consent_not_covering');
  if (body.person?.contacts.length && !body.sections.includes('family')) throw new PacketRefused('consent_not_covering');
  // Her account of what happened is sent with who she is, never without.
  if (body.identification?.interviewSummary && !body.sections.includes('identity')) throw new PacketRefused('consent_not_covering');
}

async function noteOnCase(tx: Tx, row: Pick<RepatriationRow, 'caseId' | 'agencyId' | 'id'>, kind: PacketKind, status: string) {
  if (!row.caseId) return;
  await tx.insert(caseEvents).values({
    caseId: row.caseId,
    kind: 'repatriation.updated',
    details: { repatriationId: row.id, step: kind, status, from: 'partner' },
    actorUserId: null,
    actorAgencyId: row.agencyId,
  });
}

async function threadOf(tx: Tx, packet: ReceivedPacket): Promise<RepatriationRow> {
  const [row] = await tx.select().from(repatriations).where(eq(repatriations.id, packet.content.thread)).for('update');
  // A thread is the partner's only if the partner is the one it runs with.
  if (!row || row.partnerId !== packet.partner.id) throw new PacketRefused('unknown_thread');
  return row;
}

const otherSide = (row: RepatriationRow) => (row.side === 'sending' ? 'receiving' : 'sending');

/**
 * Applies what a partner sent to this instance's repatriations: a request opens one in the
 * receiving agency's queue; each step moves the same state machine the sender ran; a consent
 * withdrawal stops further sharing here too.
 */
export function repatriationApplier(keyRing: KeyRing, ownCountry: string, store: AttachmentStore): PacketApplier {
  const today = () => localToday(ownCountry, new Date());

  async function receiveRequest(tx: Tx, packet: ReceivedPacket) {
    const parsed = requestBodySchema.safeParse(packet.content.body);
    if (!parsed.success) throw new PacketRefused('invalid_content');
    const body = parsed.data;
    assertRequestCovered(body, packet.content.consent, ownCountry, today());
    if (await threadIdTaken(tx, packet.content.thread)) throw new PacketRefused('unknown_thread');
    const id = packet.content.thread;
    const files = await filesReceived(store, body.attachments, body.sections);
    const content = emptyContent(body.reason, body.person, body.identification, files);
    await tx.insert(repatriations).values({
      id,
      side: 'receiving',
      partnerId: packet.partner.id,
      agencyId: packet.partner.receivingAgencyId,
      sendingCaseReference: body.sendingCaseReference,
      status: 'requested',
      sections: body.sections,
      consent: packet.content.consent!,
      contentEnc: sealContent(keyRing, id, content),
      proposedDate: body.proposedDate,
    });
    await notify(tx, { kind: 'repatriation_received', agencyId: packet.partner.receivingAgencyId, subjectId: id });
  }

  async function applyStep(tx: Tx, packet: ReceivedPacket, kind: StepKind) {
    const row = await threadOf(tx, packet);
    if (row.consentWithdrawnAt) throw new PacketRefused('consent_withdrawn');
    if (kind !== 'repatriation_withdrawal' && consentLapsed(row.status, row.consent, today()))
      throw new PacketRefused('consent_not_covering');
    const parsed = STEP_BODIES[kind].body.safeParse(packet.content.body);
    if (!parsed.success) throw new PacketRefused('invalid_content');
    if (kind === 'follow_up_report' && !consentCovers(packet.content.consent, 'follow_up', ownCountry, today())) {
      throw new PacketRefused('consent_not_covering');
    }
    let next: ReturnType<typeof takeStep>;
    try {
      next = takeStep({ status: row.status, content: contentOf(keyRing, row) }, kind, parsed.data as never, otherSide(row), new Date());
    } catch (error) {
      if (error instanceof StepOutOfOrder) throw new PacketRefused('out_of_step');
      throw error;
    }
    const plan = kind === 'handover_plan' ? (parsed.data as { date: string }) : null;
    await saveRepatriation(tx, keyRing, row, { ...next, ...(plan ? { handoverDate: plan.date } : {}) });
    await noteOnCase(tx, row, kind, next.status);
    await notify(tx, { kind: 'repatriation_updated', agencyId: row.agencyId, caseId: row.caseId, subjectId: row.id });
  }

  async function applyConsentWithdrawal(tx: Tx, packet: ReceivedPacket) {
    const row = await threadOf(tx, packet);
    // The sender withdraws the consent the request rests on; the receiver only her consent to follow-up reports.
    const withdrawn = packet.content.consent;
    const held = row.side === 'receiving' ? withdrawn?.id === row.consent.id : withdrawn?.purpose === 'follow_up';
    if (!held) throw new PacketRefused('out_of_step');
    if (row.consentWithdrawnAt) return;
    const content = contentOf(keyRing, row);
    await saveRepatriation(tx, keyRing, row, { status: statusAfterConsentWithdrawn(row.status), content, consentWithdrawnAt: new Date() });
    await noteOnCase(tx, row, 'consent_withdrawal', statusAfterConsentWithdrawn(row.status));
    await notify(tx, { kind: 'repatriation_updated', agencyId: row.agencyId, caseId: row.caseId, subjectId: row.id });
  }

  return async (tx, packet) => {
    const { kind } = packet.content;
    if (kind === 'repatriation_request') return receiveRequest(tx, packet);
    if (kind === 'consent_withdrawal') return applyConsentWithdrawal(tx, packet);
    if (isStepKind(kind)) return applyStep(tx, packet, kind);
    throw new PacketRefused('invalid_content');
  };
}
