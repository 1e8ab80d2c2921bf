import { z } from 'zod';
import { CASE_SECTIONS } from './permissions.js';
import { isoDate } from './person.js';
import { plainText } from './plausibility.js';
import { SERVICE_AREAS } from './vocabulary.js';

export const REFERRAL_KINDS = ['referral', 'transfer'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
/** Outgoing: made on the platform (or to an outside organisation); incoming: received from outside it. */
export const REFERRAL_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];
export const REFERRAL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];
/** pending → accepted | declined | withdrawn; accepted → completed (service delivered) | closed. */
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'completed', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Who may act on a referral in its current state (the inbox and the case tab offer only these). */
export const REFERRAL_ACTIONS = ['accept', 'decline', 'withdraw', 'complete', 'close'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];
/**
 * Why a referral no longer holds: the person withdrew the consent it relied on, the consent ran
 * past its last day, or the owner revoked the share its acceptance opened. The receiver then
 * reads neither its reason nor its details, and acts on it no more.
 */
export const REFERRAL_CONSENT_ENDS = ['consent_withdrawn', 'consent_expired', 'share_revoked'] as const;
export type ReferralConsentEnd = (typeof REFERRAL_CONSENT_ENDS)[number];

const serviceArea = z.enum(SERVICE_AREAS);
const sections = z.array(z.enum(CASE_SECTIONS)).max(CASE_SECTIONS.length).default([]);

/** Refer a case, or one service need of it, to another agency on the instance. */
export const referralInputSchema = z
  .object({
    toAgencyId: z.string().uuid(),
    directoryServiceId: z.string().uuid().nullable().optional(),
    serviceArea: serviceArea,
    consentId: z.string().uuid(),
    sections,
    reason: plainText(500, { min: 1 }),
    details: plainText(4000).nullable().optional(),
    urgency: z.enum(REFERRAL_URGENCIES).default('routine'),
    dueOn: isoDate.nullable().optional(),
  })
  .strict();
export type ReferralInput = z.input<typeof referralInputSchema>;

/**
 * Offer the case to another agency as its new owner. The consent must cover every section;
 * `sections` are what the former owner keeps reading once the offer is accepted (none: nothing).
 */
export const transferInputSchema = z
  .object({
    toAgencyId: z.string().uuid(),
    consentId: z.string().uuid(),
    sections,
    reason: plainText(500, { min: 1 }),
    details: plainText(4000).nullable().optional(),
    dueOn: isoDate.nullable().optional(),
  })
  .strict();
export type TransferInput = z.input<typeof transferInputSchema>;

/** A referral from (or to) an organisation outside the platform, kept for the record and HTCDS. */
export const externalReferralInputSchema = z
  .object({
    direction: z.enum(REFERRAL_DIRECTIONS),
    organisation: plainText(200, { min: 1 }),
    directoryOrganisationId: z.string().uuid().nullable().optional(),
    caseWorker: plainText(200).nullable().optional(),
    serviceArea: serviceArea.nullable().optional(),
    referredOn: isoDate,
    reason: plainText(500, { min: 1 }),
    details: plainText(4000).nullable().optional(),
  })
  .strict();
export type ExternalReferralInput = z.input<typeof externalReferralInputSchema>;

export const referralDeclineSchema = z.object({ reason: plainText(500, { min: 1 }) }).strict();
export const referralOutcomeSchema = z.object({ outcome: plainText(1000).nullable().optional() }).strict();
export const referralCloseSchema = z.object({ outcome: plainText(1000, { min: 1 }) }).strict();

const party = z.object({ id: z.string().uuid(), name: z.string() }).nullable();

/**
 * A referral as the reader may see it. Before accepting, the receiver sees the case by its
 * reference and the person's pseudonym only; `details` stays null until it accepted, and
 * `reason` and `details` are null for the receiver once the referral's consent ended.
 */
export const referralSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  caseReference: z.string(),
  pseudonym: z.string(),
  kind: z.enum(REFERRAL_KINDS),
  direction: z.enum(REFERRAL_DIRECTIONS),
  fromAgency: party,
  toAgency: party,
  externalOrganisation: z.string().nullable(),
  externalCaseWorker: z.string().nullable(),
  directoryOrganisationId: z.string().uuid().nullable(),
  directoryServiceId: z.string().uuid().nullable(),
  serviceArea: serviceArea.nullable(),
  consentId: z.string().uuid().nullable(),
  sections: z.array(z.enum(CASE_SECTIONS)),
  reason: z.string().nullable(),
  details: z.string().nullable(),
  urgency: z.enum(REFERRAL_URGENCIES),
  referredOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  consentEnded: z.enum(REFERRAL_CONSENT_ENDS).nullable(),
  /** Still pending after its due date, in the case's country. */
  overdue: z.boolean(),
  sentByName: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** What the reader's agency may do next. */
  actions: z.array(z.enum(REFERRAL_ACTIONS)),
});
export type Referral = z.infer<typeof referralSchema>;

export const REFERRAL_BOXES = ['incoming', 'outgoing'] as const;
export type ReferralBox = (typeof REFERRAL_BOXES)[number];
