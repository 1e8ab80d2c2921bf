import type { FigureTable, Locale, ReportTemplate } from '@seamless/contracts';
import { boolean, date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { partnerInstances } from './federation.js';

/** A partner's released statistical report as received in a statistic_release packet (migration 0040). */
export const partnerStatisticReleases = pgTable('partner_statistic_releases', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => partnerInstances.id),
  packetId: uuid('packet_id').notNull(),
  reportId: uuid('report_id').notNull(),
  countryCode: text('country_code').notNull(),
  receivingCountryCode: text('receiving_country_code').notNull(),
  template: text('template').$type<ReportTemplate>().notNull(),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  locale: text('locale').$type<Locale>().notNull(),
  releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
  approverPosition: text('approver_position').notNull(),
  tables: jsonb('tables').$type<FigureTable[]>().notNull(),
  current: boolean('current').notNull().default(false),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
