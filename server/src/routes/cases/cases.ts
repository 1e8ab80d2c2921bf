import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type SQL, and, count, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { openCase } from '../../commands/openCase.js';
import { asActor } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';
import { agencies, caseAccess, cases, persons } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf, orderFrom } from '../../http/listing.js';
import { forbidden, notFound } from '../../http/problem.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canCase } from '../../policies/case.js';
import { type CaseView, presentCaseDetail, presentCaseSummary } from '../../presenters/case.js';
import { caseCreateRouteSchema, caseGetSchema, caseListSchema } from './schema.js';

const SORTABLE = { openedAt: cases.openedAt, updatedAt: cases.updatedAt, reference: cases.reference };

/** Cases as row-level security lets the actor's agency see them, with how the agency is involved. */
async function loadCaseViews(tx: Tx, actor: Actor, where: SQL | undefined, order: SQL, limit: number, offset: number): Promise<CaseView[]> {
  const rows = await tx
    .select({ kase: cases, person: persons, ownerAgencyName: agencies.name })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
    .where(where)
    .orderBy(order)
    .limit(limit)
    .offset(offset);
  const shared = rows.filter((row) => row.kase.ownerAgencyId !== actor.agencyId).map((row) => row.kase.id);
  const grants = shared.length
    ? await tx.select().from(caseAccess).where(and(inArray(caseAccess.caseId, shared), eq(caseAccess.agencyId, actor.agencyId)))
    : [];
  return rows.map((row) => {
    const owner = row.kase.ownerAgencyId === actor.agencyId;
    const grant = grants.find((g) => g.caseId === row.kase.id && !g.revokedAt);
    return { ...row, involvement: owner ? { owner, sections: [] } : grant ? { owner, sections: grant.sections } : null };
  });
}

export function caseRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases', { schema: caseListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'list')) throw forbidden();
    const { page, pageSize, status, sort } = request.query;
    const where = status ? eq(cases.status, status) : undefined;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const views = await loadCaseViews(tx, actor, where, orderFrom(sort, SORTABLE, '-updatedAt'), pageSize, offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(cases).where(where);
      await recordAudit(tx, auditContextOf(request), {
        action: 'case.list',
        resourceType: 'case',
        details: { caseIds: views.map((view) => view.kase.id) },
      });
      return { items: views.map((view) => presentCaseSummary(view, actor, keyRing)), total: total?.value ?? 0, page, pageSize };
    });
  });

  api.get('/api/cases/:id', { schema: caseGetSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'list')) throw forbidden();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const [view] = await loadCaseViews(tx, actor, eq(cases.id, request.params.id), orderFrom(undefined, SORTABLE, 'reference'), 1, 0);
      if (!view || !canCase(actor, 'read', view.involvement)) throw notFound();
      const detail = presentCaseDetail(view, actor, keyRing);
      await recordAudit(tx, auditContextOf(request), {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { sections: Object.keys(detail.sections) },
      });
      return detail;
    });
  });

  api.post('/api/cases', { schema: caseCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canCase(actor, 'create')) throw forbidden();
    const detail = await asActor(db, dbActorOf(actor), async (tx) => {
      const { kase, person } = await openCase({
        tx,
        keyRing,
        audit: auditContextOf(request),
        agencyId: actor.agencyId,
        userId: actor.userId,
        countryCode: actor.countryCode,
        input: request.body,
      });
      const view: CaseView = { kase, person, ownerAgencyName: actor.agencyName, involvement: { owner: true, sections: [] } };
      return presentCaseDetail(view, actor, keyRing);
    });
    return reply.status(201).send(detail);
  });
}
