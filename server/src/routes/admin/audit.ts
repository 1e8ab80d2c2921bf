import { and, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { auditEvents } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { forbidden } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canAudit } from '../../policies/audit.js';
import { presentAuditEvent } from '../../presenters/admin.js';
import { auditListSchema, auditVerifyRouteSchema } from './schema.js';

export function auditRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/admin/audit', { schema: auditListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAudit(actor, 'read')) throw forbidden();
    const { page, pageSize, action, actorUserId, resourceType, resourceId, outcome, from, to } = request.query;
    const where = and(
      action ? eq(auditEvents.action, action) : undefined,
      actorUserId ? eq(auditEvents.actorUserId, actorUserId) : undefined,
      resourceType ? eq(auditEvents.resourceType, resourceType) : undefined,
      resourceId ? eq(auditEvents.resourceId, resourceId) : undefined,
      outcome ? eq(auditEvents.outcome, outcome) : undefined,
      from ? gte(auditEvents.occurredAt, new Date(from)) : undefined,
      to ? lte(auditEvents.occurredAt, new Date(to)) : undefined,
    );
    // Row-level security narrows agency admins to events by their own agency's people and events
    // about the cases their agency owns (audit_read in 0008_section_values.sql).
    return asActor(db, dbActorOf(actor), async (tx) => {
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.seq))
        .limit(pageSize)
        .offset(offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(auditEvents).where(where);
      return { items: rows.map(presentAuditEvent), total: total?.value ?? 0, page, pageSize };
    });
  });

  api.get('/api/admin/audit/verify', { schema: auditVerifyRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAudit(actor, 'verify')) throw forbidden();
    const result = await asSystem(db, (tx) => verifyAuditChain(tx));
    await asActor(db, dbActorOf(actor), (tx) =>
      recordAudit(tx, auditContextOf(request), {
        action: 'audit.verified',
        outcome: result.ok ? 'success' : 'failure',
        details: { ...result },
      }),
    );
    return result;
  });
}
