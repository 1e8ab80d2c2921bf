import { z } from 'zod';
import { CASE_SECTIONS } from './permissions.js';
import { isoDate } from './person.js';
import { plainText } from './plausibility.js';
import { REFERRAL_URGENCIES } from './referrals.js';
import { REPATRIATION_SIDES } from './repatriation.js';
import { SERVICE_AREAS } from './vocabulary.js';

/**
 * A referral across a border (the region's Transnational Referral Mechanism): the agency that owns
 * a case asks a partner country for one service — family tracing, legal help at home, a medical
 * follow-up — without a repatriation. The partner's receiving agency accepts or declines and
 * reports the outcome; each step travels as a packet, and both sides hold the same status.
 *
 * sent → accepted | declined | withdrawn; accepted → completed | withdrawn.
 */
export const CROSS_BORDER_REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type CrossBorderReferralStatus = (typeof CROSS_BORDER_REFERRAL_STATUSES)[number];

/** What the side holding the referral may do next (the screen offers only these). */
export const CROSS_BORDER_REFERRAL_ACTIONS = ['answer', 'report_outcome', 'withdraw'] as const;
export type CrossBorderReferralAction = (typeof CROSS_BORDER_REFERRAL_ACTIONS)[number];

export const crossBorderReferralInputSchema = z
  .object({
    partnerId: z.string().uuid(),
    consentId: z.string().uuid(),
    serviceArea: z.enum(SERVICE_AREAS),
    /** The sections sent with the referral, each named by the consent; identity sends who she is. */
    sections: z.array(z.enum(CASE_SECTIONS)).min(1).max(CASE_SECTIONS.length),
    urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
    reason: plainText(1000, { min: 1 }),
    details: plainText(4000).nullable().optional(),
  })
  .strict();
export type CrossBorderReferralInput = z.input<typeof crossBorderReferralInputSchema>;

export const crossBorderReferralAnswerSchema = z
  .object({ decision: z.enum(['accept', 'decline']), note: plainText(1000).nullable().optional() })
  .strict()
  .refine((answer) => answer.decision === 'accept' || !!answer.note?.trim(), {
    path: ['note'],
    message: 'Say why the referral is declined.',
  });
export type CrossBorderReferralAnswer = z.input<typeof crossBorderReferralAnswerSchema>;

export const crossBorderReferralOutcomeSchema = z.object({ completedOn: isoDate, outcome: plainText(4000, { min: 1 }) }).strict();
export type CrossBorderReferralOutcome = z.input<typeof crossBorderReferralOutcomeSchema>;

export const crossBorderReferralWithdrawSchema = z.object({ reason: plainText(1000, { min: 1 }) }).strict();

export const crossBorderReferralSchema = z.object({
  id: z.string().uuid(),
  side: z.enum(REPATRIATION_SIDES),
  status: z.enum(CROSS_BORDER_REFERRAL_STATUSES),
  partner: z.object({ id: z.string().uuid(), name: z.string(), country: z.string() }),
  /** The case here: on the sending side the one referred; none on the receiving side. */
  caseId: z.string().uuid().nullable(),
  sendingCaseReference: z.string(),
  serviceArea: z.enum(SERVICE_AREAS),
  urgency: z.enum(REFERRAL_URGENCIES),
  sections: z.array(z.enum(CASE_SECTIONS)),
  /** Null for a reader once her consent was withdrawn: what was sent is not worked on any more. */
  reason: z.string().nullable(),
  details: z.string().nullable(),
  /** Who she is, as sent: only when identity was sent and the reader holds identity here. */
  person: z
    .object({
      name: z.string().nullable(),
      sex: z.string().nullable(),
      birthDate: z.string().nullable(),
      citizenship: z.string().nullable(),
      homeAddress: z.string().nullable(),
    })
    .nullable(),
  answer: z.object({ decision: z.enum(['accept', 'decline']), note: z.string().nullable(), at: z.string() }).nullable(),
  outcome: z.object({ completedOn: z.string(), outcome: z.string(), at: z.string() }).nullable(),
  withdrawal: z.object({ reason: z.string(), at: z.string() }).nullable(),
  consentWithdrawn: z.boolean(),
  actions: z.array(z.enum(CROSS_BORDER_REFERRAL_ACTIONS)),
  sentAt: z.string(),
  updatedAt: z.string(),
});
export type CrossBorderReferral = z.infer<typeof crossBorderReferralSchema>;

export const crossBorderReferralSummarySchema = crossBorderReferralSchema.pick({
  id: true,
  side: true,
  status: true,
  partner: true,
  caseId: true,
  sendingCaseReference: true,
  serviceArea: true,
  urgency: true,
  sentAt: true,
  updatedAt: true,
});
export type CrossBorderReferralSummary = z.infer<typeof crossBorderReferralSummarySchema>;
