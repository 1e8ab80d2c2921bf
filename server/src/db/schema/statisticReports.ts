import type { FigureTable, Locale, ReportStatus, ReportTemplate } from '@seamless/contracts';
import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/** A statistical report with its figures frozen at generation (migration 0034). */
export const statisticReports = pgTable('statistic_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  countryCode: text('country_code').notNull(),
  template: text('template').$type<ReportTemplate>().notNull(),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  locale: text('locale').$type<Locale>().notNull(),
  status: text('status').$type<ReportStatus>().notNull().default('draft'),
  version: integer('version').notNull().default(1),
  tables: jsonb('tables').$type<FigureTable[]>().notNull(),
  generatedBy: uuid('generated_by')
    .notNull()
    .references(() => users.id),
  generatedByName: text('generated_by_name').notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedByName: text('approved_by_name'),
  signatoryName: text('signatory_name'),
  signatoryPosition: text('signatory_position'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  releasedBy: uuid('released_by').references(() => users.id),
  releasedByName: text('released_by_name'),
  releasedAt: timestamp('released_at', { withTimezone: true }),
});
