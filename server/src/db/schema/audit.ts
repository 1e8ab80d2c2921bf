import type { AuditAction } from '@seamless/contracts';
import { bigint, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only and hash-chained: rows are written only through the `audit_append` function
 * (see the security and audit-chains migrations), which links each row to the previous row of
 * its chain. Transactions writing at once append to different chains, so they do not wait on
 * each other; one transaction's events are all in one chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    chain: smallint('chain').notNull().default(0),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').$type<AuditAction>().notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorAgencyId: uuid('actor_agency_id'),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: text('outcome').$type<'success' | 'denied' | 'failure'>().notNull(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
    index('audit_events_resource_idx').on(t.resourceType, t.resourceId),
    index('audit_events_agency_idx').on(t.actorAgencyId, t.seq),
    index('audit_events_chain_idx').on(t.chain, t.seq),
  ],
);
