import type { AssessmentDomain, InstrumentLabels, RiskReason } from '@seamless/contracts';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases } from './cases.js';

/** A versioned assessment instrument: configuration, readable by every signed-in user (migration 0012). */
export const assessmentInstruments = pgTable(
  'assessment_instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: jsonb('name').$type<InstrumentLabels>().notNull(),
    scaleMin: integer('scale_min').notNull(),
    scaleMax: integer('scale_max').notNull(),
    scaleLabels: jsonb('scale_labels').$type<Record<string, InstrumentLabels>>().notNull(),
    domains: jsonb('domains').$type<AssessmentDomain[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assessment_instruments_key_version_key').on(t.key, t.version)],
);

/** One scoring of the person on one instrument version; scores are validated against that version. */
export const caseAssessments = pgTable(
  'case_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => assessmentInstruments.id),
    assessedOn: date('assessed_on').notNull(),
    assessorName: text('assessor_name').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    domainNotes: jsonb('domain_notes').$type<Record<string, string>>().notNull().default({}),
    domainScores: jsonb('domain_scores').$type<Record<string, number>>().notNull(),
    overallScore: numeric('overall_score', { precision: 6, scale: 3, mode: 'number' }).notNull(),
    risks: jsonb('risks').$type<{ domain: string; reason: RiskReason }[]>().notNull().default([]),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_assessments_case_idx').on(t.caseId, t.assessedOn, t.recordedAt)],
);
