import type { TraffickingStatus, TraffickingStatusDecisionOrg } from '@seamless/contracts';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases } from './cases.js';
import { timestamps, version } from './common.js';

export type IndicatorSet = { act: string[]; means: string[]; purpose: string[] };

/** The short checklist run before a full interview; answers keyed by question. */
export const prescreenings = pgTable(
  'prescreenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    answers: jsonb('answers').$type<Record<string, 'yes' | 'no' | 'unknown'>>().notNull(),
    outcome: text('outcome').$type<'refer_to_identification' | 'no_indication'>().notNull(),
    conductedBy: uuid('conducted_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    conductedAt: timestamp('conducted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('prescreenings_case_idx').on(t.caseId)],
);

/**
 * The identification interview, recorded once and re-used by every agency with access, so
 * the person is not interviewed again for each agency.
 */
export const identificationInterviews = pgTable(
  'identification_interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    procedure: text('procedure').notNull(),
    stepsCompleted: text('steps_completed').array().notNull().default([]),
    conductedOn: date('conducted_on').notNull(),
    place: text('place'),
    language: text('language'),
    conductedBy: uuid('conducted_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Agencies present (e.g. the Thai MDT), so the record shows who heard the person. */
    participantAgencyIds: uuid('participant_agency_ids').array().notNull().default([]),
    indicators: jsonb('indicators').$type<IndicatorSet>().notNull(),
    childAtTime: boolean('child_at_time').notNull().default(false),
    /** The person's account in her own words: identity-level sensitivity, encrypted. */
    accountEnc: text('account_enc'),
    status: text('status').$type<'draft' | 'completed'>().notNull().default('draft'),
    ...version,
    ...timestamps,
  },
  (t) => [index('identification_interviews_case_idx').on(t.caseId)],
);

export const interpreterRequests = pgTable(
  'interpreter_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => identificationInterviews.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    language: text('language').notNull(),
    status: text('status').$type<'requested' | 'provided' | 'unavailable' | 'cancelled'>().notNull().default('requested'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    interpreterNameEnc: text('interpreter_name_enc'),
    interpreterOrganisation: text('interpreter_organisation'),
    providedAt: timestamp('provided_at', { withTimezone: true }),
    version: version.version,
  },
  (t) => [index('interpreter_requests_interview_idx').on(t.interviewId)],
);

/** Each move of `vic_TraffickingStatus`, with who decided (`vic_TraffickingStatusDecisionMakingOrg`), when and why. */
export const traffickingStatusDecisions = pgTable(
  'trafficking_status_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromStatus: text('from_status').$type<TraffickingStatus>().notNull(),
    toStatus: text('to_status').$type<TraffickingStatus>().notNull(),
    decidingAgencyId: uuid('deciding_agency_id')
      .notNull()
      .references(() => agencies.id),
    decidedOn: date('decided_on').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    reasons: text('reasons').notNull(),
    interviewId: uuid('interview_id').references(() => identificationInterviews.id),
    indicators: jsonb('indicators').$type<IndicatorSet>(),
    certificateNumber: text('certificate_number'),
    /** HTCDS kind of the deciding organisation, when its agency's own type does not say it (imports). */
    decisionMakingOrg: text('decision_making_org').$type<TraffickingStatusDecisionOrg>(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trafficking_status_decisions_case_idx').on(t.caseId)],
);
