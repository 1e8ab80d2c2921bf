import {
  type CrossBorderReferralStatus,
  crossBorderReferralAnswerSchema,
  crossBorderReferralOutcomeSchema,
  crossBorderReferralWithdrawSchema,
  type PacketKind,
  type RepatriationSide,
} from '@seamless/contracts';
import type { z } from 'zod';
import { StepOutOfOrder } from '../repatriation/steps.js';
import type { CrossBorderReferralContent } from './record.js';

/** Packets that move a referral across a border, with who sends each and the body it carries. */
export const REFERRAL_STEPS = {
  referral_answer: { by: 'receiving', body: crossBorderReferralAnswerSchema },
  referral_outcome: { by: 'receiving', body: crossBorderReferralOutcomeSchema },
  referral_withdrawal: { by: 'sending', body: crossBorderReferralWithdrawSchema },
} as const;
export type ReferralStepKind = keyof typeof REFERRAL_STEPS;
export type ReferralStepBody<K extends ReferralStepKind> = z.output<(typeof REFERRAL_STEPS)[K]['body']>;

/** Every packet kind a referral's thread carries (a consent withdrawal may run on either kind of thread). */
export const REFERRAL_PACKET_KINDS: readonly PacketKind[] = ['referral', ...(Object.keys(REFERRAL_STEPS) as ReferralStepKind[])];

export const isReferralStep = (kind: PacketKind): kind is ReferralStepKind => kind in REFERRAL_STEPS;

export type CrossBorderReferralState = { status: CrossBorderReferralStatus; content: CrossBorderReferralContent };

/** Still open: answered or not, the service is not yet reported done. */
export const OPEN: readonly CrossBorderReferralStatus[] = ['sent', 'accepted'];

/** Withdrawn consent ends a referral still open; one answered or done keeps its last status. */
export const statusAfterReferralConsentWithdrawn = (status: CrossBorderReferralStatus): CrossBorderReferralStatus =>
  OPEN.includes(status) ? 'withdrawn' : status;

/** A referral lives on the consent it was sent under: past its last day, no side answers or reports on it. */
export const referralConsentLapsed = (consent: { expiresOn: string | null }, today: string) =>
  consent.expiresOn !== null && consent.expiresOn < today;

/**
 * The one state machine both sides run, as for a repatriation: a side takes a step and sends it;
 * the other side applies the same step when the packet arrives. Throws StepOutOfOrder.
 */
export function takeReferralStep<K extends ReferralStepKind>(
  state: CrossBorderReferralState,
  kind: K,
  body: ReferralStepBody<K>,
  by: RepatriationSide,
  now: Date,
): CrossBorderReferralState {
  if (REFERRAL_STEPS[kind].by !== by) throw new StepOutOfOrder(kind);
  const { status, content } = state;
  const at = now.toISOString();
  switch (kind) {
    case 'referral_answer': {
      if (status !== 'sent') throw new StepOutOfOrder(kind);
      const { decision, note } = body as ReferralStepBody<'referral_answer'>;
      return {
        status: decision === 'accept' ? 'accepted' : 'declined',
        content: { ...content, answer: { decision, note: note?.trim() || null, at } },
      };
    }
    case 'referral_outcome': {
      if (status !== 'accepted') throw new StepOutOfOrder(kind);
      const { completedOn, outcome } = body as ReferralStepBody<'referral_outcome'>;
      return { status: 'completed', content: { ...content, outcome: { completedOn, outcome, at } } };
    }
    case 'referral_withdrawal': {
      if (!OPEN.includes(status)) throw new StepOutOfOrder(kind);
      const { reason } = body as ReferralStepBody<'referral_withdrawal'>;
      return { status: 'withdrawn', content: { ...content, withdrawal: { reason, at } } };
    }
  }
  throw new StepOutOfOrder(kind);
}
