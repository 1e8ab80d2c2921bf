import { z } from 'zod';
import { RECORD_SECTIONS } from './caseRecord.js';
import { CASE_STATUSES } from './htcds.js';
import { SUPPORTED_LOCALES } from './locales.js';
import { isoDate, latestToday, plainText } from './plausibility.js';

/** Case management meetings (CMM, DESIGN.md §2 step 8): agenda of cases, attendance, decisions, action items. */
export const MEETING_MODES = ['in_person', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_ATTENDANCE = ['invited', 'present', 'absent', 'excused'] as const;
export type MeetingAttendance = (typeof MEETING_ATTENDANCE)[number];
/** `carried`: taken over, still open, by the next meeting of the series. */
export const MEETING_ACTION_STATUSES = ['open', 'done', 'cancelled', 'carried'] as const;
export type MeetingActionStatus = (typeof MEETING_ACTION_STATUSES)[number];

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/**
 * A meeting is held around now: a date of the case record (a calendar day, 1900 to 30 years
 * ahead) narrowed to a year back, for minutes written up late, and two years ahead, for a series.
 */
export const MEETING_DATE_RANGE = { yearsBack: 1, yearsAhead: 2 } as const;
const shiftYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
export const meetingDate = isoDate.refine(
  (value) => {
    const today = latestToday();
    return value >= shiftYears(today, -MEETING_DATE_RANGE.yearsBack) && value <= shiftYears(today, MEETING_DATE_RANGE.yearsAhead);
  },
  { message: `Not more than ${MEETING_DATE_RANGE.yearsBack} year back nor ${MEETING_DATE_RANGE.yearsAhead} years ahead.` },
);

/** Only web links: a `javascript:`, `data:` or `file:` link would run or open wherever it is rendered (minutes, page). */
export const meetingLink = z
  .string()
  .trim()
  .url({ protocol: /^https?$/, message: 'An https:// (or http://) link.' })
  .max(500);
const meetingFields = {
  title: plainText(200, { min: 1 }),
  /** Day and time in the convening agency's country. */
  date: meetingDate,
  time: localTime,
  mode: z.enum(MEETING_MODES),
  place: plainText(300).nullable().optional(),
  onlineLink: meetingLink.nullable().optional(),
  chairUserId: z.string().uuid().nullable().optional(),
  invitedAgencyIds: z.array(z.string().uuid()).max(30).default([]),
  partner: plainText(100).nullable().optional(),
};

export const meetingInputSchema = z.object(meetingFields).strict();
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const meetingUpdateSchema = z
  .object({
    ...meetingFields,
    invitedAgencyIds: z.array(z.string().uuid()).max(30).optional(),
    status: z.enum(MEETING_STATUSES),
    version: z.number().int(),
  })
  .partial()
  .required({ version: true })
  .strict();
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

/** The next meeting of the series: same agencies and place unless changed, open matters carried over. */
export const meetingFollowUpSchema = z
  .object({ title: plainText(200, { min: 1 }).optional(), date: meetingDate, time: localTime })
  .strict();
export type MeetingFollowUpInput = z.infer<typeof meetingFollowUpSchema>;

export const meetingAttendeeInputSchema = z
  .object({
    userId: z.string().uuid().nullable().optional(),
    externalName: plainText(200, { min: 1 }).nullable().optional(),
    agencyId: z.string().uuid().nullable().optional(),
    organisation: plainText(200).nullable().optional(),
    role: plainText(100).nullable().optional(),
    attendance: z.enum(MEETING_ATTENDANCE).default('invited'),
  })
  .strict()
  .superRefine((value, context) => {
    if (!value.userId && !value.externalName) {
      context.addIssue({ code: 'custom', path: ['externalName'], message: 'Name an account or a person from outside.' });
    }
  });
export type MeetingAttendeeInput = z.infer<typeof meetingAttendeeInputSchema>;

export const meetingAttendeeUpdateSchema = z
  .object({ attendance: z.enum(MEETING_ATTENDANCE), role: plainText(100).nullable().optional() })
  .strict();

/** `section`: the case section the item concerns; its text is read only by attendees holding it. */
export const agendaItemInputSchema = z
  .object({ caseId: z.string().uuid(), section: z.enum(RECORD_SECTIONS).default('general'), purpose: plainText(1000, { min: 1 }) })
  .strict();
export type AgendaItemInput = z.infer<typeof agendaItemInputSchema>;

export const agendaItemUpdateSchema = z
  .object({
    purpose: plainText(1000, { min: 1 }).optional(),
    notes: plainText(5000).nullable().optional(),
    resolved: z.boolean().optional(),
  })
  .strict();
export type AgendaItemUpdate = z.infer<typeof agendaItemUpdateSchema>;

export const meetingDecisionInputSchema = z.object({ text: plainText(2000, { min: 1 }) }).strict();

export const meetingActionInputSchema = z
  .object({
    text: plainText(1000, { min: 1 }),
    ownerAgencyId: z.string().uuid(),
    ownerUserId: z.string().uuid().nullable().optional(),
    dueOn: isoDate,
  })
  .strict();
export type MeetingActionInput = z.infer<typeof meetingActionInputSchema>;

export const meetingActionUpdateSchema = z.object({ status: z.enum(['open', 'done', 'cancelled']) }).strict();

export const minutesQuerySchema = z.object({ locale: z.enum(SUPPORTED_LOCALES).optional() }).strict();

export const meetingListQuerySchema = z
  .object({
    when: z.enum(['upcoming', 'past']).default('upcoming'),
    caseId: z.string().uuid().optional(),
  })
  .strict();
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

const agencyRef = z.object({ id: z.string().uuid(), name: z.string() });

export const meetingSummarySchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  startsAt: z.string(),
  date: z.string(),
  time: z.string(),
  timeZone: z.string(),
  mode: z.enum(MEETING_MODES),
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  conveningAgency: agencyRef,
  seriesId: z.string().uuid(),
  previousMeetingId: z.string().uuid().nullable(),
  itemCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingAttendeeSchema = z.object({
  id: z.string().uuid(),
  userId: z.string().uuid().nullable(),
  name: z.string(),
  agency: agencyRef.nullable(),
  organisation: z.string().nullable(),
  role: z.string().nullable(),
  attendance: z.enum(MEETING_ATTENDANCE),
});
export type MeetingAttendee = z.infer<typeof meetingAttendeeSchema>;

export const meetingDecisionSchema = z.object({
  id: z.string().uuid(),
  text: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type MeetingDecision = z.infer<typeof meetingDecisionSchema>;

export const meetingActionSchema = z.object({
  id: z.string().uuid(),
  /**
   * What is to be done: case content under the item's rule (access to the case and its section).
   * Null for the owner agency that cannot read the item: it sees only that the work is its own.
   */
  text: z.string().nullable(),
  ownerAgency: agencyRef,
  ownerUserId: z.string().uuid().nullable(),
  ownerUserName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(MEETING_ACTION_STATUSES),
  /** The owner's task on the case; null when the owner's agency cannot see the case. */
  taskId: z.string().uuid().nullable(),
  carriedFromActionId: z.string().uuid().nullable(),
  /** The reader may mark it done or cancel it: an agency working on the case that reads the item. */
  canUpdate: z.boolean(),
});
export type MeetingAction = z.infer<typeof meetingActionSchema>;

/**
 * One case on the agenda, as this reader may see it. `access: 'none'` is an agency invited to the
 * meeting without access to the case: that an item exists, never its reference, owner agency,
 * person nor what was said about her.
 */
export const agendaItemSchema = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  access: z.enum(['case', 'none']),
  caseId: z.string().uuid().nullable(),
  caseReference: z.string().nullable(),
  caseAgency: agencyRef.nullable(),
  section: z.enum(RECORD_SECTIONS),
  /** The reader may see the case but not the section the item concerns: purpose, notes and decisions are withheld. */
  textRestricted: z.boolean(),
  /** The name with identity access, the pseudonym without; null without access to the case. */
  displayName: z.string().nullable(),
  caseStatus: z.enum(CASE_STATUSES).nullable(),
  purpose: z.string().nullable(),
  notes: z.string().nullable(),
  resolved: z.boolean(),
  carriedFromItemId: z.string().uuid().nullable(),
  decisions: z.array(meetingDecisionSchema),
  actions: z.array(meetingActionSchema),
  /** The reader's agency works on the case: it may write purpose, notes, decisions and actions. */
  canWrite: z.boolean(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  onlineLink: z.string().nullable(),
  chair: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  partner: z.string().nullable(),
  invitedAgencies: z.array(agencyRef),
  attendees: z.array(meetingAttendeeSchema),
  agenda: z.array(agendaItemSchema),
  nextMeetingId: z.string().uuid().nullable(),
  version: z.number().int(),
  abilities: z.object({
    /** Edit details, invitations and attendance; hold the follow-up meeting. */
    manage: z.boolean(),
    /** Put one of the agency's cases on the agenda. */
    addItems: z.boolean(),
  }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingListSchema = z.object({ items: z.array(meetingSummarySchema) });

/**
 * The people who may attend a meeting or own its actions: the active accounts of the convening and
 * each invited agency, by name and role only (need to know: no username, e-mail nor phone).
 */
export const meetingPeopleSchema = z.object({
  agencies: z.array(
    agencyRef.extend({
      accounts: z.array(
        z.object({
          id: z.string().uuid(),
          displayName: z.string(),
          roles: z.array(z.object({ key: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
});
export type MeetingPeople = z.infer<typeof meetingPeopleSchema>;
