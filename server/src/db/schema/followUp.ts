import type { FollowUpClosureReason, FollowUpSituation, FollowUpStep, FollowUpVisitMode } from '@seamless/contracts';
import { boolean, char, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases, caseTasks } from './cases.js';
import { timestamps, version } from './common.js';

/** How often a country (or one agency) follows up after reintegration: configuration (migration 0013). */
export const followUpPolicies = pgTable(
  'follow_up_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countryCode: char('country_code', { length: 2 }).notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<FollowUpStep[]>().notNull(),
    defaultMode: text('default_mode').$type<FollowUpVisitMode>().notNull(),
    graceDays: integer('grace_days').notNull().default(7),
    source: text('source'),
    active: boolean('active').notNull().default(true),
    ...version,
    ...timestamps,
  },
  (t) => [index('follow_up_policies_scope_idx').on(t.countryCode, t.agencyId)],
);

export type FollowUpStatus = 'active' | 'closed' | 'reopened';

/** One period of follow-up on a case, with the policy's terms copied at its start. */
export const followUps = pgTable('follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  policyId: uuid('policy_id')
    .notNull()
    .references(() => followUpPolicies.id),
  policyName: text('policy_name').notNull(),
  steps: jsonb('steps').$type<FollowUpStep[]>().notNull(),
  defaultMode: text('default_mode').$type<FollowUpVisitMode>().notNull(),
  graceDays: integer('grace_days').notNull(),
  startOn: date('start_on').notNull(),
  status: text('status').$type<FollowUpStatus>().notNull().default('active'),
  closedOn: date('closed_on'),
  closureReason: text('closure_reason').$type<FollowUpClosureReason>(),
  closureNote: text('closure_note'),
  closedBy: uuid('closed_by').references(() => users.id),
  reopenReason: text('reopen_reason'),
  reopenedBy: uuid('reopened_by').references(() => users.id),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedByAgencyId: uuid('recorded_by_agency_id')
    .notNull()
    .references(() => agencies.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  ...version,
  updatedAt: timestamps.updatedAt,
});

/** A planned visit (with its place in the schedule) or one made outside it, and what it found. */
export const followUpVisits = pgTable(
  'follow_up_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    sequence: integer('sequence'),
    scheduledOn: date('scheduled_on'),
    originallyScheduledOn: date('originally_scheduled_on'),
    rescheduleReason: text('reschedule_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    actualOn: date('actual_on'),
    mode: text('mode').$type<FollowUpVisitMode>(),
    visitingAgencyId: uuid('visiting_agency_id').references(() => agencies.id),
    visitorName: text('visitor_name'),
    findings: text('findings'),
    situation: text('situation').$type<FollowUpSituation>(),
    nextSteps: text('next_steps'),
    assessmentId: uuid('assessment_id'),
    taskId: uuid('task_id').references(() => caseTasks.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    ...version,
    updatedAt: timestamps.updatedAt,
  },
  (t) => [index('follow_up_visits_follow_up_idx').on(t.followUpId, t.scheduledOn)],
);
