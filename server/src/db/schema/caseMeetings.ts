import type { MeetingActionStatus, MeetingAttendance, MeetingMode, MeetingStatus, RecordSection } from '@seamless/contracts';
import {
  type AnyPgColumn,
  boolean,
  char,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases, caseTasks } from './cases.js';
import { timestamps, version } from './common.js';

/** A case management meeting (CMM) convened by one agency; invited agencies see it too. */
export const caseMeetings = pgTable(
  'case_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conveningAgencyId: uuid('convening_agency_id')
      .notNull()
      .references(() => agencies.id),
    countryCode: char('country_code', { length: 2 }).notNull(),
    /** The first meeting's id; follow-up meetings share it. */
    seriesId: uuid('series_id').notNull(),
    previousMeetingId: uuid('previous_meeting_id').references((): AnyPgColumn => caseMeetings.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    mode: text('mode').$type<MeetingMode>().notNull(),
    place: text('place'),
    onlineLink: text('online_link'),
    chairUserId: uuid('chair_user_id').references(() => users.id),
    /** A partner instance (another country) once federation carries meetings. */
    partner: text('partner'),
    status: text('status').$type<MeetingStatus>().notNull().default('scheduled'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    ...version,
    ...timestamps,
  },
  (t) => [index('case_meetings_agency_idx').on(t.conveningAgencyId, t.startsAt), index('case_meetings_series_idx').on(t.seriesId)],
);

export const caseMeetingAgencies = pgTable(
  'case_meeting_agencies',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => caseMeetings.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.agencyId] }), index('case_meeting_agencies_agency_idx').on(t.agencyId)],
);

export const caseMeetingAttendees = pgTable(
  'case_meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => caseMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    externalName: text('external_name'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    organisation: text('organisation'),
    role: text('role'),
    attendance: text('attendance').$type<MeetingAttendance>().notNull().default('invited'),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('case_meeting_attendees_meeting_idx').on(t.meetingId)],
);

/** A case on the agenda: its reference and owner travel with the item, nothing else of the case. */
export const caseMeetingItems = pgTable(
  'case_meeting_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => caseMeetings.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    caseReference: text('case_reference').notNull(),
    caseAgencyId: uuid('case_agency_id')
      .notNull()
      .references(() => agencies.id),
    section: text('section').$type<RecordSection>().notNull().default('general'),
    position: integer('position').notNull(),
    resolved: boolean('resolved').notNull().default(false),
    carriedFromItemId: uuid('carried_from_item_id').references((): AnyPgColumn => caseMeetingItems.id),
    addedByAgencyId: uuid('added_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [unique('case_meeting_items_meeting_id_case_id_key').on(t.meetingId, t.caseId), index('case_meeting_items_case_idx').on(t.caseId)],
);

/** Purpose and notes of an agenda item: case content, read under the case's own access. */
export const caseMeetingItemNotes = pgTable('case_meeting_item_notes', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => caseMeetingItems.id, { onDelete: 'cascade' }),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => caseMeetings.id, { onDelete: 'cascade' }),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  purpose: text('purpose').notNull(),
  notes: text('notes'),
  recordedByAgencyId: uuid('recorded_by_agency_id')
    .notNull()
    .references(() => agencies.id),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamps.updatedAt,
});

export const caseMeetingDecisions = pgTable(
  'case_meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => caseMeetingItems.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => caseMeetings.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    text: text('text').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_meeting_decisions_item_idx').on(t.itemId)],
);

export const caseMeetingActions = pgTable(
  'case_meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => caseMeetingItems.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => caseMeetings.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    text: text('text').notNull(),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<MeetingActionStatus>().notNull().default('open'),
    /** The owner's `meeting_action` task, when the owner's agency can see the case. */
    taskId: uuid('task_id').references(() => caseTasks.id),
    carriedFromActionId: uuid('carried_from_action_id').references((): AnyPgColumn => caseMeetingActions.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdByAgencyId: uuid('created_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    ...timestamps,
  },
  (t) => [index('case_meeting_actions_item_idx').on(t.itemId), index('case_meeting_actions_owner_idx').on(t.ownerAgencyId, t.status)],
);
