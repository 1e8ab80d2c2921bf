import { z } from 'zod';
import { ATTACHMENT_MEDIA_TYPES } from './caseRecord.js';
import { PACKET_KINDS } from './federation.js';
import { CASE_SECTIONS } from './permissions.js';
import { isoDate } from './person.js';
import { plainText } from './plausibility.js';

/**
 * DESIGN.md §2 step 6: the sending country asks, the receiving country verifies nationality,
 * traces and assesses the family, accepts, agrees date, channel and handover point; both sign
 * the handover; the receiving agency opens its own case from what was sent. Both sides hold the
 * same status, moved by the packets each sends.
 */
export const REPATRIATION_STATUSES = [
  'requested',
  'nationality_verified',
  'nationality_not_confirmed',
  'family_assessed',
  'accepted',
  'declined',
  'handover_planned',
  'handed_over',
  'withdrawn',
] as const;
export type RepatriationStatus = (typeof REPATRIATION_STATUSES)[number];

export const REPATRIATION_SIDES = ['sending', 'receiving'] as const;
export type RepatriationSide = (typeof REPATRIATION_SIDES)[number];

export const REPATRIATION_CHANNELS = ['g2g', 'border_liaison', 'airport'] as const;
export type RepatriationChannel = (typeof REPATRIATION_CHANNELS)[number];

export const VERIFICATION_OUTCOMES = ['confirmed', 'not_confirmed'] as const;
export const FAMILY_ASSESSMENT_OUTCOMES = ['safe_to_return', 'return_with_support', 'not_safe'] as const;
export type FamilyAssessmentOutcome = (typeof FAMILY_ASSESSMENT_OUTCOMES)[number];
export const REINTEGRATION_OUTLOOKS = ['reintegrating', 'needs_support', 'at_risk', 'lost_contact'] as const;
export type ReintegrationOutlook = (typeof REINTEGRATION_OUTLOOKS)[number];

/** What the side holding the repatriation may do next (the screen offers only these). */
export const REPATRIATION_ACTIONS = [
  'verify',
  'assess_family',
  'decide',
  'plan_handover',
  'sign_handover',
  'open_case',
  'report_follow_up',
  'withdraw',
  'schedule_meeting',
  'record_meeting',
] as const;
export type RepatriationAction = (typeof REPATRIATION_ACTIONS)[number];

export const repatriationRequestInputSchema = z
  .object({
    partnerId: z.string().uuid(),
    consentId: z.string().uuid(),
    sections: z.array(z.enum(CASE_SECTIONS)).min(1).max(CASE_SECTIONS.length),
    reason: plainText(1000, { min: 1 }),
    proposedDate: isoDate.nullable().optional(),
    /** Files of the case sent with the request (identity papers, the identification certificate), each filed under a consented section. */
    attachmentIds: z.array(z.string().uuid()).max(10).default([]),
  })
  .strict();
export type RepatriationRequestInput = z.input<typeof repatriationRequestInputSchema>;

export const verificationInputSchema = z
  .object({
    outcome: z.enum(VERIFICATION_OUTCOMES),
    method: plainText(500, { min: 1 }),
    verifiedOn: isoDate,
    notes: plainText(2000).nullable().optional(),
  })
  .strict();

export const familyAssessmentInputSchema = z
  .object({
    outcome: z.enum(FAMILY_ASSESSMENT_OUTCOMES),
    familyTraced: z.boolean(),
    assessedOn: isoDate,
    summary: plainText(4000, { min: 1 }),
  })
  .strict();

export const repatriationDecisionInputSchema = z
  .object({ decision: z.enum(['accept', 'decline']), reason: plainText(1000, { min: 1 }) })
  .strict();

export const handoverPlanInputSchema = z
  .object({
    date: isoDate,
    channel: z.enum(REPATRIATION_CHANNELS),
    handoverPoint: plainText(300, { min: 1 }),
    notes: plainText(2000).nullable().optional(),
  })
  .strict();

/** One side's signature on the handover: who handed over or received her, when, where, with what. */
export const handoverSignatureInputSchema = z
  .object({
    officerName: plainText(200, { min: 1 }),
    officerTitle: plainText(200).nullable().optional(),
    signedAt: z.string().datetime({ offset: true }),
    place: plainText(300, { min: 1 }),
    belongings: plainText(2000),
    documents: plainText(2000),
  })
  .strict();
export type HandoverSignatureInput = z.input<typeof handoverSignatureInputSchema>;

/** Opening the receiving case keeps the sending country's identification; re-verifying is optional and recorded. */
export const openRepatriatedCaseInputSchema = z
  .object({
    reverified: z.boolean().default(false),
    reverificationNote: plainText(2000).nullable().optional(),
  })
  .strict();

export const followUpReportInputSchema = z
  .object({
    consentId: z.string().uuid(),
    visitedOn: isoDate,
    outlook: z.enum(REINTEGRATION_OUTLOOKS),
    summary: plainText(4000, { min: 1 }),
  })
  .strict();

export const BILATERAL_MEETING_MODES = ['video', 'phone', 'in_person'] as const;

/** A bilateral case meeting between the two countries' workers on this repatriation. */
export const bilateralMeetingInputSchema = z
  .object({
    scheduledFor: z.string().datetime({ offset: true }),
    mode: z.enum(BILATERAL_MEETING_MODES),
    /** The link, number or place: what the other side needs to join. */
    where: plainText(500, { min: 1 }),
    agenda: plainText(2000, { min: 1 }),
  })
  .strict();

/** What both sides agreed at the meeting: shared with the other side. */
export const meetingMinutesInputSchema = z.object({ agreed: plainText(4000, { min: 1 }) }).strict();

/** This side's own notes of the meeting: never sent. */
export const meetingNotesInputSchema = z.object({ notes: plainText(4000) }).strict();

export const repatriationWithdrawInputSchema = z.object({ reason: plainText(1000, { min: 1 }) }).strict();

const signatureSchema = z.object({
  officerName: z.string(),
  officerTitle: z.string().nullable(),
  signedAt: z.string(),
  place: z.string(),
  belongings: z.string(),
  documents: z.string(),
});

const packetTrace = z.object({
  packetId: z.string().uuid(),
  kind: z.enum(PACKET_KINDS),
  direction: z.enum(['outgoing', 'incoming']),
  sequence: z.number().int(),
  status: z.string(),
  at: z.string(),
});

export const repatriationSchema = z.object({
  id: z.string().uuid(),
  side: z.enum(REPATRIATION_SIDES),
  status: z.enum(REPATRIATION_STATUSES),
  partner: z.object({ id: z.string().uuid(), name: z.string(), country: z.string() }),
  agency: z.object({ id: z.string().uuid(), name: z.string() }),
  /** The case here: on the sending side the one repatriated, on the receiving side the one opened from the request. */
  caseId: z.string().uuid().nullable(),
  sendingCaseReference: z.string(),
  sections: z.array(z.enum(CASE_SECTIONS)),
  consent: z.object({
    id: z.string().uuid(),
    purpose: z.string(),
    givenOn: z.string(),
    expiresOn: z.string().nullable(),
    withdrawn: z.boolean(),
  }),
  /** Who she is, as sent: only for a reader holding identity here (on the receiving side, from the packet). */
  person: z
    .object({
      name: z.string().nullable(),
      otherNames: z.array(z.string()),
      sex: z.string().nullable(),
      birthDate: z.string().nullable(),
      citizenship: z.string().nullable(),
      documents: z.array(z.object({ type: z.string(), number: z.string(), country: z.string().nullable() })),
      homeAddress: z.string().nullable(),
    })
    .nullable(),
  identification: z
    .object({
      traffickingStatus: z.string().nullable(),
      exploitationForms: z.array(z.string()),
      identifiedOn: z.string().nullable(),
      identifiedBy: z.string().nullable(),
      interviewSummary: z.string().nullable(),
    })
    .nullable(),
  reason: z.string(),
  proposedDate: z.string().nullable(),
  /** Files that came with the request; `index` names one for download. */
  attachments: z.array(
    z.object({
      index: z.number().int(),
      fileName: z.string(),
      mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
      sizeBytes: z.number().int(),
      section: z.enum(CASE_SECTIONS),
    }),
  ),
  verification: verificationInputSchema.extend({ notes: z.string().nullable() }).nullable(),
  familyAssessment: familyAssessmentInputSchema.nullable(),
  decision: z.object({ decision: z.enum(['accept', 'decline']), reason: z.string() }).nullable(),
  plan: z
    .object({ date: z.string(), channel: z.enum(REPATRIATION_CHANNELS), handoverPoint: z.string(), notes: z.string().nullable() })
    .nullable(),
  signatures: z.object({ sending: signatureSchema.nullable(), receiving: signatureSchema.nullable() }),
  reverified: z.boolean().nullable(),
  /** Bilateral meetings: both sides see the meeting and what was agreed; `ownNotes` are this side's only. */
  meetings: z.array(
    z.object({
      id: z.string().uuid(),
      proposedBy: z.enum(REPATRIATION_SIDES),
      scheduledFor: z.string(),
      mode: z.enum(BILATERAL_MEETING_MODES),
      where: z.string(),
      agenda: z.string(),
      agreed: z.object({ text: z.string(), recordedBy: z.enum(REPATRIATION_SIDES), at: z.string() }).nullable(),
      ownNotes: z.string().nullable(),
    }),
  ),
  followUpReports: z.array(
    z.object({ visitedOn: z.string(), outlook: z.enum(REINTEGRATION_OUTLOOKS), summary: z.string(), receivedAt: z.string() }),
  ),
  packets: z.array(packetTrace),
  actions: z.array(z.enum(REPATRIATION_ACTIONS)),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export type Repatriation = z.infer<typeof repatriationSchema>;

export const repatriationSummarySchema = repatriationSchema.pick({
  id: true,
  side: true,
  status: true,
  partner: true,
  caseId: true,
  sendingCaseReference: true,
  requestedAt: true,
  updatedAt: true,
});
export type RepatriationSummary = z.infer<typeof repatriationSummarySchema>;
