import type { CareActionStatus, CareGoalStatus, CarePlanAgreementMethod, LivelihoodOutcome } from '@seamless/contracts';
import { date, index, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases, caseTasks } from './cases.js';

/** One version of a case's individual care plan; a revision adds the next version (migration 0012). */
export const carePlanVersions = pgTable(
  'care_plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    /** Her own goals, in her words. */
    victimGoals: text('victim_goals').notNull(),
    agreedOn: date('agreed_on'),
    agreementMethod: text('agreement_method').$type<CarePlanAgreementMethod>(),
    witnessedBy: text('witnessed_by'),
    reviewOn: date('review_on'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('care_plan_versions_case_id_version_key').on(t.caseId, t.version)],
);

export const carePlanGoals = pgTable(
  'care_plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planVersionId: uuid('plan_version_id')
      .notNull()
      .references(() => carePlanVersions.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    position: integer('position').notNull(),
    serviceArea: text('service_area').notNull(),
    goal: text('goal').notNull(),
    status: text('status').$type<CareGoalStatus>().notNull(),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [index('care_plan_goals_version_idx').on(t.planVersionId, t.position)],
);

export const carePlanActions = pgTable(
  'care_plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => carePlanGoals.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    actionKey: uuid('action_key').notNull().defaultRandom(),
    position: integer('position').notNull(),
    what: text('what').notNull(),
    responsibleAgencyId: uuid('responsible_agency_id').references(() => agencies.id),
    responsibleOrganisation: text('responsible_organisation'),
    responsiblePerson: text('responsible_person'),
    dueOn: date('due_on'),
    status: text('status').$type<CareActionStatus>().notNull(),
    referralId: uuid('referral_id'),
    taskId: uuid('task_id').references(() => caseTasks.id),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [index('care_plan_actions_goal_idx').on(t.goalId, t.position), index('care_plan_actions_key_idx').on(t.caseId, t.actionKey)],
);

/** A service delivered to the person, with its cost and, for livelihood support, where it led. */
export const careServices = pgTable(
  'care_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    deliveredOn: date('delivered_on').notNull(),
    providerAgencyId: uuid('provider_agency_id').references(() => agencies.id),
    providerName: text('provider_name'),
    serviceArea: text('service_area').notNull(),
    description: text('description').notNull(),
    costAmount: numeric('cost_amount', { precision: 14, scale: 2, mode: 'number' }),
    costCurrency: text('cost_currency'),
    actionKey: uuid('action_key'),
    outcome: text('outcome').$type<LivelihoodOutcome>(),
    incomeBand: text('income_band'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByAgencyId: uuid('recorded_by_agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('care_services_case_idx').on(t.caseId, t.deliveredOn)],
);
