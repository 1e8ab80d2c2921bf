import { z } from 'zod';
import { countryCode, isoDate, plainText } from './plausibility.js';
import type { CaseClosureReason } from './vocabulary.js';

/** How a follow-up visit takes place; a partner visit names the agency that went. */
export const FOLLOW_UP_VISIT_MODES = ['in_person', 'phone', 'partner_visit'] as const;
export type FollowUpVisitMode = (typeof FOLLOW_UP_VISIT_MODES)[number];

/** Her situation as the visit found it (DESIGN.md §2 step 7). */
export const FOLLOW_UP_SITUATIONS = ['safe', 'at_risk', 'unreachable'] as const;
export type FollowUpSituation = (typeof FOLLOW_UP_SITUATIONS)[number];

/** A visit's place in the schedule on a given day: computed, never stored. */
export const FOLLOW_UP_VISIT_STATUSES = ['upcoming', 'due', 'missed', 'done', 'cancelled'] as const;
export type FollowUpVisitStatus = (typeof FOLLOW_UP_VISIT_STATUSES)[number];

/** Why follow-up ends: the plan was met, or she cannot (or does not want to) be followed further. */
export const FOLLOW_UP_CLOSURE_REASONS = ['plan_completed', 'unreachable', 'declined', 'moved_away', 'deceased', 'other'] as const;
export type FollowUpClosureReason = (typeof FOLLOW_UP_CLOSURE_REASONS)[number];

/** The reason a case closed with its follow-up carries (HTCDS `cas_ReasonForCaseClosure`, our codes). */
export const CASE_CLOSURE_FOR_FOLLOW_UP: Record<FollowUpClosureReason, CaseClosureReason> = {
  plan_completed: 'follow_up_period_ended',
  unreachable: 'lost_contact',
  declined: 'victim_declined_services',
  moved_away: 'relocated',
  deceased: 'deceased',
  other: 'other',
};

/** Days after its date that a visit not recorded is still "due"; after that it is missed. */
export const DEFAULT_FOLLOW_UP_GRACE_DAYS = 7;

/**
 * One stretch of a policy: a visit every `everyMonths` calendar months, either `times` visits or
 * until `untilMonths` after the start. Stretches follow each other from where the last ended.
 */
export const followUpStepSchema = z
  .object({
    everyMonths: z.number().int().min(1).max(24),
    times: z.number().int().min(1).max(60).optional(),
    untilMonths: z.number().int().min(1).max(120).optional(),
  })
  .strict()
  .refine((step) => (step.times === undefined) !== (step.untilMonths === undefined), {
    message: 'Give either a number of visits or how long after the start.',
    path: ['times'],
  });
export type FollowUpStep = z.infer<typeof followUpStepSchema>;

export const followUpPolicyInputSchema = z
  .object({
    countryCode,
    agencyId: z.string().uuid().nullable().optional(),
    name: plainText(200, { min: 2 }),
    steps: z.array(followUpStepSchema).min(1).max(10),
    defaultMode: z.enum(FOLLOW_UP_VISIT_MODES),
    graceDays: z.number().int().min(0).max(60).default(DEFAULT_FOLLOW_UP_GRACE_DAYS),
    source: plainText(500).nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type FollowUpPolicyInput = z.input<typeof followUpPolicyInputSchema>;
export const followUpPolicyUpdateSchema = followUpPolicyInputSchema
  .omit({ countryCode: true, agencyId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const followUpPolicySchema = z.object({
  id: z.string().uuid(),
  countryCode: z.string(),
  agencyId: z.string().uuid().nullable(),
  agencyName: z.string().nullable(),
  name: z.string(),
  steps: z.array(z.object({ everyMonths: z.number(), times: z.number().optional(), untilMonths: z.number().optional() })),
  defaultMode: z.enum(FOLLOW_UP_VISIT_MODES),
  graceDays: z.number().int(),
  source: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type FollowUpPolicy = z.infer<typeof followUpPolicySchema>;

export const followUpPreviewQuerySchema = z.object({ startOn: isoDate, policyId: z.string().uuid().optional() }).strict();
export const followUpPreviewSchema = z.object({
  policy: followUpPolicySchema,
  dates: z.array(z.string()),
});
export type FollowUpPreview = z.infer<typeof followUpPreviewSchema>;

/** Follow-up starts on the day she returned home (or left the shelter), under a policy. */
export const followUpStartSchema = z
  .object({
    startOn: isoDate,
    /** The agency's policy, else the country's, when not chosen. */
    policyId: z.string().uuid().optional(),
  })
  .strict();
export type FollowUpStart = z.infer<typeof followUpStartSchema>;

/** A visit as recorded: the scheduled one named by `visitId`, or an unscheduled one without it. */
export const followUpVisitRecordSchema = z
  .object({
    visitId: z.string().uuid().optional(),
    actualOn: isoDate,
    mode: z.enum(FOLLOW_UP_VISIT_MODES),
    visitingAgencyId: z.string().uuid().nullable().optional(),
    visitorName: plainText(200, { min: 1 }),
    findings: plainText(4000).default(''),
    situation: z.enum(FOLLOW_UP_SITUATIONS),
    nextSteps: plainText(2000).default(''),
    assessmentId: z.string().uuid().nullable().optional(),
  })
  .strict();
export type FollowUpVisitRecord = z.input<typeof followUpVisitRecordSchema>;

export const followUpRescheduleSchema = z
  .object({ scheduledOn: isoDate, reason: plainText(500, { min: 1 }), version: z.number().int().min(1) })
  .strict();
export type FollowUpReschedule = z.infer<typeof followUpRescheduleSchema>;

export const followUpCloseSchema = z
  .object({
    reason: z.enum(FOLLOW_UP_CLOSURE_REASONS),
    note: plainText(1000).default(''),
    /** Closes the case as well, with the matching closure reason (the owner agency only). */
    closeCase: z.boolean().default(false),
  })
  .strict()
  .refine((body) => body.reason !== 'other' || body.note.length > 0, { message: 'Say why follow-up ends.', path: ['note'] });
export type FollowUpClose = z.input<typeof followUpCloseSchema>;

export const followUpReopenSchema = z
  .object({
    reason: plainText(1000, { min: 1 }),
    /** A new schedule from this day; without it, follow-up is reopened and a schedule started later. */
    restart: followUpStartSchema.optional(),
  })
  .strict();
export type FollowUpReopen = z.infer<typeof followUpReopenSchema>;

export const followUpVisitSchema = z.object({
  id: z.string().uuid(),
  sequence: z.number().int().nullable(),
  scheduledOn: z.string().nullable(),
  originallyScheduledOn: z.string().nullable(),
  rescheduleReason: z.string().nullable(),
  status: z.enum(FOLLOW_UP_VISIT_STATUSES),
  actualOn: z.string().nullable(),
  mode: z.enum(FOLLOW_UP_VISIT_MODES).nullable(),
  visitingAgencyId: z.string().uuid().nullable(),
  visitingAgencyName: z.string().nullable(),
  visitorName: z.string().nullable(),
  findings: z.string().nullable(),
  situation: z.enum(FOLLOW_UP_SITUATIONS).nullable(),
  nextSteps: z.string().nullable(),
  assessmentId: z.string().uuid().nullable(),
  version: z.number().int(),
});
export type FollowUpVisit = z.infer<typeof followUpVisitSchema>;

/** How the schedule has been kept so far (also counted by statistics). */
export const followUpComplianceSchema = z.object({
  dueSoFar: z.number().int(),
  done: z.number().int(),
  missed: z.number().int(),
  unscheduled: z.number().int(),
});
export type FollowUpCompliance = z.infer<typeof followUpComplianceSchema>;

export const followUpSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['active', 'closed', 'reopened']),
  startOn: z.string(),
  policyId: z.string().uuid(),
  policyName: z.string(),
  /** The policy's rhythm as it was when this follow-up started. */
  steps: z.array(followUpStepSchema),
  defaultMode: z.enum(FOLLOW_UP_VISIT_MODES),
  graceDays: z.number().int(),
  closedOn: z.string().nullable(),
  closureReason: z.enum(FOLLOW_UP_CLOSURE_REASONS).nullable(),
  closureNote: z.string().nullable(),
  reopenReason: z.string().nullable(),
  visits: z.array(followUpVisitSchema),
  compliance: followUpComplianceSchema,
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const caseFollowUpSchema = z.object({
  /** Today in the case's country, the day statuses are computed for. */
  today: z.string(),
  /** Newest first; at most one is active. */
  followUps: z.array(followUpSchema),
  abilities: z.object({ record: z.boolean(), closeCase: z.boolean() }),
  /** Policies a new follow-up may run under (for those who may start one). */
  policies: z.array(followUpPolicySchema),
});
export type CaseFollowUp = z.infer<typeof caseFollowUpSchema>;
