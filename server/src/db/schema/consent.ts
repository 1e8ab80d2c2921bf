import type { CaseSection } from '@seamless/contracts';
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { cases } from './cases.js';

/** HTCDS consent (`con_`): what the person (or a guardian) agreed to share, with whom, why, until when. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    purpose: text('purpose').notNull(),
    sections: text('sections').array().$type<CaseSection[]>().notNull().default([]),
    agencyIds: uuid('agency_ids').array().notNull().default([]),
    countries: text('countries').array().notNull().default([]),
    givenBy: text('given_by').$type<'victim' | 'guardian'>().notNull(),
    guardianNameEnc: text('guardian_name_enc'),
    guardianRelationship: text('guardian_relationship'),
    givenOn: date('given_on').notNull(),
    expiresOn: date('expires_on'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [index('consents_case_idx').on(t.caseId)],
);

/** Emergency access outside need-to-know: a reason, a time limit, audited and listed for admins. */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('break_glass_user_idx').on(t.userId, t.expiresAt), index('break_glass_case_idx').on(t.caseId)],
);
