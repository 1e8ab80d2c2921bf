import { z } from 'zod';
import { CASE_TASK_KINDS, caseTaskSchema } from './caseRecord.js';

/**
 * What happened, never to whom: a notice carries a kind, ids and a date. The UI renders the
 * label and the case reference, so nothing personal is stored in or leaves by a notice.
 */
export const NOTIFICATION_KINDS = [
  'referral_received',
  'referral_accepted',
  'referral_declined',
  'referral_withdrawn',
  'transfer_offered',
  'transfer_accepted',
  'follow_up_visit_due',
  'follow_up_visit_missed',
  'admission_ending',
  'stay_limit_reached',
  'assessment_risk',
  'meeting_invited',
  'meeting_action_assigned',
  'directory_contact_unverified',
  'task_due',
  'packet_rejected',
  'repatriation_received',
  'repatriation_updated',
  'cross_border_referral_received',
  'cross_border_referral_updated',
  'password_reset_requested',
  'case_assigned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  caseId: z.string().uuid().nullable(),
  /** The case's reference number when the reader may see the case; null otherwise. */
  caseReference: z.string().nullable(),
  subjectId: z.string().uuid().nullable(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const notificationPreferencesSchema = z.object({ dailyDigest: z.boolean() }).strict();
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** Messages the demo mail transport kept instead of sending (system admin, demo only). */
export const mailMessageSchema = z.object({
  id: z.string().uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const TASK_SCOPES = ['mine', 'team'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

export const taskBoardQuerySchema = z
  .object({
    scope: z.enum(TASK_SCOPES).default('mine'),
    overdue: z.enum(['true', 'false']).optional(),
    kind: z.enum(CASE_TASK_KINDS).optional(),
    /** How many case cards, most urgent first: a team's whole caseload is not one screen. */
    cases: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TaskBoardQuery = z.infer<typeof taskBoardQuerySchema>;

/** One card per case on the task board: who (as the reader may see her) and what is due. */
export const taskCaseGroupSchema = z.object({
  caseId: z.string().uuid(),
  caseReference: z.string(),
  /** Romanised name with identity access, otherwise the pseudonym. */
  displayName: z.string(),
  overdue: z.number().int(),
  tasks: z.array(caseTaskSchema),
});
export type TaskCaseGroup = z.infer<typeof taskCaseGroupSchema>;
export const taskBoardSchema = z.object({
  groups: z.array(taskCaseGroupSchema),
  /** Cases with open tasks, shown or not. */
  caseCount: z.number().int(),
  total: z.number().int(),
  overdue: z.number().int(),
});
export type TaskBoard = z.infer<typeof taskBoardSchema>;
