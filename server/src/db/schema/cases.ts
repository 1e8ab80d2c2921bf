import type { CaseSection, CaseStatus, TraffickingStatus } from '@seamless/contracts';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { timestamps, version } from './common.js';
import { persons } from './persons.js';

/** HTCDS Case (`cas_`). The owner agency is the tenant; others reach it through `case_access`. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    countryCode: text('country_code').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    status: text('status').$type<CaseStatus>().notNull().default('Active'),
    stage: text('stage').notNull().default('intake'),
    traffickingStatus: text('trafficking_status').$type<TraffickingStatus>().notNull().default('Potential'),
    ageAtIntake: smallint('age_at_intake'),
    intakeChannel: text('intake_channel'),
    urgency: text('urgency').notNull().default('routine'),
    /** Province or place of the call or encounter; exact addresses belong in the identity section. */
    intakeLocation: text('intake_location'),
    /** What the caller or person said: may name people, so encrypted. */
    intakeNarrativeEnc: text('intake_narrative_enc'),
    intakeByAgencyId: uuid('intake_by_agency_id').references(() => agencies.id),
    /** The case's language: interviews, certificate and letters default to it. */
    locale: text('locale').notNull().default('en'),
    identificationDueOn: date('identification_due_on'),
    reflectionPeriodEndsOn: date('reflection_period_ends_on'),
    /** Set at intake when the person matches someone with an earlier, closed case. */
    returningPerson: boolean('returning_person').notNull().default(false),
    previousCaseId: uuid('previous_case_id'),
    closureReason: text('closure_reason'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Answers to the country's configured fields (validated against the form configuration). */
    formAnswers: jsonb('form_answers').$type<Record<string, unknown>>().notNull().default({}),
    /** Answers to form fields of the identity section, encrypted together (the rest stay in `form_answers`). */
    formIdentityEnc: text('form_identity_enc'),
    ...version,
    ...timestamps,
  },
  (t) => [
    index('cases_owner_agency_idx').on(t.ownerAgencyId, t.updatedAt),
    index('cases_person_idx').on(t.personId),
    index('cases_owner_user_idx').on(t.ownerUserId),
  ],
);

/** Another agency's involvement in a case (referral or consent-based sharing), by section. */
export const caseAccess = pgTable(
  'case_access',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: text('kind').$type<'referral' | 'shared'>().notNull(),
    sections: text('sections').array().$type<CaseSection[]>().notNull().default([]),
    /** The consent this sharing relies on; withdrawing it revokes the access. */
    consentId: uuid('consent_id'),
    purpose: text('purpose'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid('granted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.agencyId] }), index('case_access_agency_idx').on(t.agencyId)],
);

/** HTCDS victim context (`vic_`): how the person was recruited, controlled and exploited. */
export const victimContexts = pgTable('victim_contexts', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  recruitmentMethods: text('recruitment_methods').array().notNull().default([]),
  recruitmentPlace: text('recruitment_place'),
  recruitmentCountry: text('recruitment_country'),
  recruitmentApps: text('recruitment_apps').array().notNull().default([]),
  controlMethods: text('control_methods').array().notNull().default([]),
  exploitationTypes: text('exploitation_types').array().notNull().default([]),
  forcedLabourIndustries: text('forced_labour_industries').array().notNull().default([]),
  sexualExploitationTypes: text('sexual_exploitation_types').array().notNull().default([]),
  relationshipsToTrafficker: text('relationships_to_trafficker').array().notNull().default([]),
  ageWhenTrafficked: smallint('age_when_trafficked'),
  exploitationCountry: text('exploitation_country'),
  /** Who recorded it: an agency that only took the intake keeps reading what it recorded itself. */
  recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
  ...version,
  ...timestamps,
});

/** HTCDS historic trafficking events (`hte_`): recruitment, transit, exploitation with place and date. */
export const traffickingEvents = pgTable(
  'trafficking_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    eventType: text('event_type').notNull(),
    country: text('country'),
    place: text('place'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    createdBy: uuid('created_by').references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    ...timestamps,
  },
  (t) => [index('trafficking_events_case_idx').on(t.caseId)],
);

/** HTCDS perpetrator context (`per_`): the people who trafficked the person, by role. */
export const perpetrators = pgTable(
  'perpetrators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    roles: text('roles').array().notNull().default([]),
    nameEnc: text('name_enc'),
    gender: text('gender'),
    nationality: text('nationality'),
    relationship: text('relationship'),
    createdBy: uuid('created_by').references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id').references(() => agencies.id),
    ...timestamps,
  },
  (t) => [index('perpetrators_case_idx').on(t.caseId)],
);

/** HTCDS case comments (`cco_`), each under a need-to-know section or the general record. */
export const caseComments = pgTable(
  'case_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    section: text('section').$type<CaseSection | 'general'>().notNull().default('general'),
    bodyEnc: text('body_enc').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorAgencyId: uuid('author_agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('case_comments_case_idx').on(t.caseId, t.createdAt)],
);

/** Files in the encrypted content-addressed store, attached to a case section. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    section: text('section').$type<CaseSection | 'general'>().notNull().default('general'),
    fileNameEnc: text('file_name_enc').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedByAgencyId: uuid('uploaded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamps.createdAt,
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('attachments_case_idx').on(t.caseId)],
);

/**
 * The case timeline: what happened, by whom, when — never personal data in `details`. An event
 * about a specialist section carries that section so only those who may read it see it.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    section: text('section').$type<CaseSection>(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorAgencyId: uuid('actor_agency_id').references(() => agencies.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.occurredAt)],
);

/** Tasks and alerts: identification deadline, reflection period end, and tasks people set. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    title: text('title'),
    dueOn: date('due_on').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('case_tasks_case_idx').on(t.caseId), index('case_tasks_agency_due_idx').on(t.agencyId, t.dueOn)],
);

/** A caseworker's named case-list filters. */
export const savedCaseFilters = pgTable('saved_case_filters', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  query: jsonb('query').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamps.createdAt,
});
