import type { MatchReason } from '@seamless/contracts';
import { index, integer, jsonb, pgTable, real, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { agencies } from './agencies.js';
import { personMergeRequests, personMerges, persons } from './persons.js';

export type RelinkageStatus = 'pending' | 'same_person' | 'not_same_person';

/**
 * A pair of records the re-linkage job (matching/relinkRegister.ts) found likely to be one
 * person, for the agencies owning either to decide; a decided pair is kept so no later run
 * proposes it again. `personLow` < `personHigh`, so a pair is one row.
 */
export const relinkageCandidates = pgTable(
  'relinkage_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personLow: uuid('person_low')
      .notNull()
      .references(() => persons.id),
    personHigh: uuid('person_high')
      .notNull()
      .references(() => persons.id),
    likelihood: real('likelihood').notNull(),
    reasons: jsonb('reasons').$type<MatchReason[]>().notNull().default([]),
    status: text('status').$type<RelinkageStatus>().notNull().default('pending'),
    keysVersion: smallint('keys_version').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByAgencyId: uuid('decided_by_agency_id').references(() => agencies.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    mergeId: uuid('merge_id').references(() => personMerges.id),
    mergeRequestId: uuid('merge_request_id').references(() => personMergeRequests.id),
  },
  (t) => [unique().on(t.personLow, t.personHigh), index('relinkage_candidates_high_idx').on(t.personHigh)],
);

/** One run of the re-linkage job over the register, with the keys version it checked. */
export const relinkageRuns = pgTable('relinkage_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  keysVersion: smallint('keys_version').notNull(),
  requestedBy: uuid('requested_by').references(() => users.id),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  persons: integer('persons'),
  pairsScored: integer('pairs_scored'),
  pairsQueued: integer('pairs_queued'),
});
