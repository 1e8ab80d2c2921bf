import { createHash } from 'node:crypto';
import {
  bilateralMeetingInputSchema,
  familyAssessmentInputSchema,
  followUpReportInputSchema,
  handoverPlanInputSchema,
  handoverSignatureInputSchema,
  meetingMinutesInputSchema,
  type PacketKind,
  type RepatriationSide,
  type RepatriationStatus,
  repatriationDecisionInputSchema,
  repatriationWithdrawInputSchema,
  verificationInputSchema,
} from '@seamless/contracts';
import { z } from 'zod';
import type { RepatriationContent, RepatriationState } from './record.js';

/**
 * What a signature signs: the handover plan as this side holds it. The other side applies a
 * signature only to the same plan, so a plan changed while a signature was on its way cannot end
 * in two sides each "handed over" on a different plan.
 */
export function planDigest(plan: RepatriationContent['plan']): string {
  const { date, channel, handoverPoint, notes } = plan ?? { date: '', channel: '', handoverPoint: '', notes: null };
  return createHash('sha256')
    .update(JSON.stringify([date, channel, handoverPoint, notes]))
    .digest('hex');
}

/** A step that the repatriation's state does not allow now, or that the other side may not take. */
export class StepOutOfOrder extends Error {
  constructor(readonly kind: PacketKind) {
    super(`${kind} does not fit the repatriation's current step`);
  }
}

/** Packets that move a repatriation, with who sends each and the body it carries. */
export const STEP_BODIES = {
  verification_result: { by: 'receiving', body: verificationInputSchema },
  family_assessment: { by: 'receiving', body: familyAssessmentInputSchema },
  repatriation_decision: { by: 'receiving', body: repatriationDecisionInputSchema },
  handover_plan: { by: 'receiving', body: handoverPlanInputSchema },
  handover_record: { by: 'either', body: handoverSignatureInputSchema.extend({ planDigest: z.string().regex(/^[0-9a-f]{64}$/) }) },
  follow_up_report: { by: 'receiving', body: followUpReportInputSchema.omit({ consentId: true }) },
  repatriation_withdrawal: { by: 'sending', body: repatriationWithdrawInputSchema },
  meeting_invitation: { by: 'either', body: bilateralMeetingInputSchema.extend({ meetingId: z.string().uuid() }) },
  meeting_minutes: { by: 'either', body: meetingMinutesInputSchema.extend({ meetingId: z.string().uuid() }) },
} as const;
export type StepKind = keyof typeof STEP_BODIES;
export type StepBody<K extends StepKind> = z.output<(typeof STEP_BODIES)[K]['body']>;

export const isStepKind = (kind: PacketKind): kind is StepKind => kind in STEP_BODIES;

/** A repatriation both sides still work on: meetings are held while it lives. */
export const LIVE: readonly RepatriationStatus[] = [
  'requested',
  'nationality_verified',
  'family_assessed',
  'accepted',
  'handover_planned',
  'handed_over',
];

const BEFORE_HANDOVER: readonly RepatriationStatus[] = [
  'requested',
  'nationality_verified',
  'family_assessed',
  'accepted',
  'handover_planned',
];

/**
 * The one state machine both sides run: a side takes a step locally and sends it; the other side
 * applies the same step when the packet arrives. Returns the new state or throws StepOutOfOrder.
 */
export function takeStep<K extends StepKind>(
  state: RepatriationState,
  kind: K,
  body: StepBody<K>,
  by: RepatriationSide,
  now: Date,
): RepatriationState {
  const rule = STEP_BODIES[kind];
  if (rule.by !== 'either' && rule.by !== by) throw new StepOutOfOrder(kind);
  const { status, content } = state;
  const at = (...allowed: RepatriationStatus[]) => {
    if (!allowed.includes(status)) throw new StepOutOfOrder(kind);
  };
  switch (kind) {
    case 'verification_result': {
      at('requested');
      const verification = body as StepBody<'verification_result'>;
      return {
        status: verification.outcome === 'confirmed' ? 'nationality_verified' : 'nationality_not_confirmed',
        content: { ...content, verification: { ...verification, notes: verification.notes ?? null } },
      };
    }
    case 'family_assessment':
      at('nationality_verified');
      return { status: 'family_assessed', content: { ...content, familyAssessment: body as StepBody<'family_assessment'> } };
    case 'repatriation_decision': {
      at('family_assessed');
      const decision = body as StepBody<'repatriation_decision'>;
      return { status: decision.decision === 'accept' ? 'accepted' : 'declined', content: { ...content, decision } };
    }
    case 'handover_plan': {
      // The plan may change until either side has signed.
      at('accepted', 'handover_planned');
      if (content.signatures.sending || content.signatures.receiving) throw new StepOutOfOrder(kind);
      const plan = body as StepBody<'handover_plan'>;
      return { status: 'handover_planned', content: { ...content, plan: { ...plan, notes: plan.notes ?? null } } };
    }
    case 'handover_record': {
      at('handover_planned');
      const { planDigest: signedPlan, ...signature } = body as StepBody<'handover_record'>;
      if (content.signatures[by] || signedPlan !== planDigest(content.plan)) throw new StepOutOfOrder(kind);
      const signatures = { ...content.signatures, [by]: { ...signature, officerTitle: signature.officerTitle ?? null } };
      return {
        status: signatures.sending && signatures.receiving ? 'handed_over' : 'handover_planned',
        content: { ...content, signatures },
      };
    }
    case 'follow_up_report': {
      at('handed_over');
      const report = body as StepBody<'follow_up_report'>;
      return {
        status,
        content: { ...content, followUpReports: [...content.followUpReports, { ...report, receivedAt: now.toISOString() }] },
      };
    }
    case 'meeting_invitation': {
      if (!LIVE.includes(status)) throw new StepOutOfOrder(kind);
      const { meetingId, ...meeting } = body as StepBody<'meeting_invitation'>;
      if (content.meetings.some((known) => known.id === meetingId)) throw new StepOutOfOrder(kind);
      return {
        status,
        content: {
          ...content,
          meetings: [...content.meetings, { id: meetingId, proposedBy: by, ...meeting, agreed: null, ownNotes: null }],
        },
      };
    }
    case 'meeting_minutes': {
      if (!LIVE.includes(status)) throw new StepOutOfOrder(kind);
      const { meetingId, agreed } = body as StepBody<'meeting_minutes'>;
      const meeting = content.meetings.find((known) => known.id === meetingId);
      if (!meeting || meeting.agreed) throw new StepOutOfOrder(kind);
      const minuted = { ...meeting, agreed: { text: agreed, recordedBy: by, at: now.toISOString() } };
      return { status, content: { ...content, meetings: content.meetings.map((known) => (known.id === meetingId ? minuted : known)) } };
    }
    case 'repatriation_withdrawal': {
      if (!BEFORE_HANDOVER.includes(status)) throw new StepOutOfOrder(kind);
      const { reason } = body as StepBody<'repatriation_withdrawal'>;
      return { status: 'withdrawn', content: { ...content, withdrawal: { reason, at: now.toISOString() } } };
    }
  }
  throw new StepOutOfOrder(kind);
}

/**
 * Until the handover the repatriation lives on the consent it was requested under: once that
 * consent is past its last day, neither side sends nor applies another step of it. After the
 * handover, reports back rely on a consent of their own.
 */
export const consentLapsed = (status: RepatriationStatus, consent: { expiresOn: string | null }, today: string) =>
  BEFORE_HANDOVER.includes(status) && consent.expiresOn !== null && consent.expiresOn < today;

/** Until handover, withdrawing consent ends the repatriation; after it, only the reports back stop. */
export const statusAfterConsentWithdrawn = (status: RepatriationStatus): RepatriationStatus =>
  BEFORE_HANDOVER.includes(status) ? 'withdrawn' : status;
