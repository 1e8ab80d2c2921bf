import type { StatisticBreakdown, StatisticKey, SubmittedCell } from '@seamless/contracts';
import { bigint, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';

/** Figures an agency reported elsewhere, entered for reconciliation (migration 0036); never changed. */
export const statisticSubmissions = pgTable('statistic_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  countryCode: text('country_code').notNull(),
  sourceAgencyId: uuid('source_agency_id')
    .notNull()
    .references(() => agencies.id),
  statistic: text('statistic').$type<StatisticKey>().notNull(),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  by: jsonb('by').$type<StatisticBreakdown[]>().notNull(),
  source: text('source').notNull(),
  cells: jsonb('cells').$type<SubmittedCell[]>().notNull(),
  total: bigint('total', { mode: 'number' }),
  version: integer('version').notNull(),
  submittedBy: uuid('submitted_by')
    .notNull()
    .references(() => users.id),
  submittedByName: text('submitted_by_name').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});
