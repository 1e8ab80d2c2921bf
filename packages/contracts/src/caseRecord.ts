import { z } from 'zod';
import { GENDERS } from './htcds.js';
import { CASE_SECTIONS } from './permissions.js';
import { countryCode, isoDate } from './person.js';
import { PERPETRATOR_ROLES, RELATIONSHIPS_TO_TRAFFICKER, TRAFFICKING_EVENT_TYPES } from './vocabulary.js';

/** Where a comment or file belongs: a need-to-know section, or the general record every involved agency sees. */
export const RECORD_SECTIONS = ['general', ...CASE_SECTIONS] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/** HTCDS `hte_`: recruitment, transit, exploitation — each with place and date. */
export const traffickingEventInputSchema = z
  .object({
    eventType: z.enum(TRAFFICKING_EVENT_TYPES),
    country: countryCode.nullable().optional(),
    place: z.string().trim().max(200).nullable().optional(),
    startedOn: isoDate.nullable().optional(),
    endedOn: isoDate.nullable().optional(),
  })
  .strict();
export const traffickingEventSchema = traffickingEventInputSchema.required().extend({ id: z.string().uuid() });
export type TraffickingEvent = z.infer<typeof traffickingEventSchema>;

/** HTCDS `per_`: a perpetrator by role; the name only with the legal section. */
export const perpetratorInputSchema = z
  .object({
    roles: z.array(z.enum(PERPETRATOR_ROLES)).min(1).max(10),
    name: z.string().trim().max(200).nullable().optional(),
    gender: z.enum(GENDERS).nullable().optional(),
    nationality: countryCode.nullable().optional(),
    relationship: z.enum(RELATIONSHIPS_TO_TRAFFICKER).nullable().optional(),
  })
  .strict();
export const perpetratorSchema = z.object({
  id: z.string().uuid(),
  roles: z.array(z.enum(PERPETRATOR_ROLES)),
  name: z.string().nullable().optional(),
  gender: z.enum(GENDERS).nullable(),
  nationality: z.string().nullable(),
  relationship: z.enum(RELATIONSHIPS_TO_TRAFFICKER).nullable(),
});
export type Perpetrator = z.infer<typeof perpetratorSchema>;

export const caseCommentInputSchema = z
  .object({ section: z.enum(RECORD_SECTIONS).default('general'), body: z.string().trim().min(1).max(10_000) })
  .strict();
export const caseCommentSchema = z.object({
  id: z.string().uuid(),
  section: z.enum(RECORD_SECTIONS),
  body: z.string(),
  authorName: z.string(),
  authorAgencyName: z.string(),
  createdAt: z.string(),
});
export type CaseComment = z.infer<typeof caseCommentSchema>;

/** Types accepted as attachments, sniffed from the bytes (never trusted from the name or header). */
export const ATTACHMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const attachmentSchema = z.object({
  id: z.string().uuid(),
  section: z.enum(RECORD_SECTIONS),
  fileName: z.string(),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  sizeBytes: z.number().int(),
  uploadedByName: z.string(),
  uploadedByAgencyName: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const CASE_TASK_KINDS = [
  'identification_deadline',
  'reflection_period_end',
  'consent_expiry',
  'referral_response',
  'stay_limit',
  'follow_up_visit',
  'care_action',
  'meeting_action',
  'assessment_due',
  'custom',
] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];
export const caseTaskSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  caseReference: z.string(),
  kind: z.enum(CASE_TASK_KINDS),
  title: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  assigneeUserId: z.string().uuid().nullable(),
  doneAt: z.string().nullable(),
});
export type CaseTask = z.infer<typeof caseTaskSchema>;
export const caseTaskCreateSchema = z
  .object({ title: z.string().trim().min(1).max(200), dueOn: isoDate, assigneeUserId: z.string().uuid().nullable().optional() })
  .strict();
export const caseTaskUpdateSchema = z.object({ done: z.boolean() }).strict();
export const taskListQuerySchema = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  includeDone: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(false),
});

/** What the case timeline can show; details never hold personal data (every involved agency sees them). */
export const CASE_EVENT_KINDS = [
  'case.opened',
  'case.imported',
  'case.referred',
  'case.updated',
  'case.status_changed',
  'case.owner_changed',
  'person.updated',
  'person.merged',
  'person.unmerged',
  'person.separated',
  'person.possible_duplicate',
  'person.merge_requested',
  'victim_context.updated',
  'event.added',
  'event.removed',
  'perpetrator.added',
  'perpetrator.removed',
  'comment.added',
  'attachment.added',
  'prescreening.recorded',
  'interview.recorded',
  'interview.updated',
  'interpreter.requested',
  'interpreter.updated',
  'trafficking_status.decided',
  'certificate.issued',
  'consent.recorded',
  'consent.withdrawn',
  'case.shared',
  'case.unshared',
  'case.break_glass',
  'task.added',
  'task.done',
  'care_plan.revised',
  'care_action.updated',
  'care_service.recorded',
  'assessment.recorded',
  'referral.sent',
  'referral.recorded',
  'referral.accepted',
  'referral.declined',
  'referral.withdrawn',
  'referral.completed',
  'referral.closed',
  'transfer.offered',
  'transfer.accepted',
  'transfer.declined',
  'transfer.withdrawn',
  'follow_up.started',
  'follow_up.visit_recorded',
  'follow_up.visit_rescheduled',
  'follow_up.closed',
  'follow_up.reopened',
  'shelter.admitted',
  'shelter.transferred',
  'shelter.discharged',
  'repatriation.requested',
  'repatriation.updated',
  'repatriation.opened_from',
  'cross_border_referral.sent',
  'cross_border_referral.updated',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
