import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { inTurn, rowsOf, type Tx } from '../../db/client.js';
import { agencies } from '../../db/schema/index.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { likePattern, offsetOf, orderFrom } from '../../http/listing.js';
import { fieldError, forbidden, notFound } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canAgency } from '../../policies/agency.js';
import { presentAgency } from '../../presenters/admin.js';
import { agencyCreateRouteSchema, agencyGetSchema, agencyListSchema, agencyUpdateRouteSchema } from './schema.js';

const SORTABLE = { name: agencies.name, countryCode: agencies.countryCode, agencyFunction: agencies.agencyFunction };

export function agencyRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/admin/agencies', { schema: agencyListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAgency(actor, 'read')) throw forbidden();
    const { page, pageSize, sort, q, countryCode } = request.query;
    const where = and(
      q
        ? or(ilike(agencies.name, likePattern(q)), ilike(agencies.localName, likePattern(q)), ilike(agencies.acronym, likePattern(q)))
        : undefined,
      countryCode ? eq(agencies.countryCode, countryCode) : undefined,
    );
    return asActor(db, dbActorOf(actor), async (tx) => {
      const [rows, [total]] = await inTurn([
        () =>
          tx
            .select()
            .from(agencies)
            .where(where)
            .orderBy(orderFrom(sort, SORTABLE, 'name'))
            .limit(pageSize)
            .offset(offsetOf(page, pageSize)),
        () => tx.select({ value: count() }).from(agencies).where(where),
      ]);
      return { items: rows.map(presentAgency), total: total?.value ?? 0, page, pageSize };
    });
  });

  api.get('/api/admin/agencies/:id', { schema: agencyGetSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAgency(actor, 'read')) throw forbidden();
    const [row] = await asActor(db, dbActorOf(actor), (tx) => tx.select().from(agencies).where(eq(agencies.id, request.params.id)));
    if (!row) throw notFound();
    return presentAgency(row);
  });

  api.post('/api/admin/agencies', { schema: agencyCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canAgency(actor, 'create')) throw forbidden();
    const row = await asActor(db, dbActorOf(actor), async (tx) => {
      if (request.body.parentId) await assertAgencyExists(tx, request.body.parentId, 'parentId');
      const [created] = await tx.insert(agencies).values(request.body).returning();
      await recordAudit(tx, auditContextOf(request), { action: 'agency.create', resourceType: 'agency', resourceId: created!.id });
      return created!;
    });
    return reply.status(201).send(presentAgency(row));
  });

  api.patch('/api/admin/agencies/:id', { schema: agencyUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canAgency(actor, 'update')) throw forbidden();
    const { version, ...changes } = request.body;
    const row = await asActor(db, dbActorOf(actor), async (tx) => {
      const current = await lockVersion(tx, agencies, request.params.id, version);
      if (changes.parentId) {
        await assertAgencyExists(tx, changes.parentId, 'parentId');
        if (await isAncestorOrSelf(tx, current.id, changes.parentId)) {
          throw fieldError(422, 'invalid_reference', 'parentId', 'An agency cannot sit under itself or one of its own sub-agencies.');
        }
      }
      const updated = await saveVersion(tx, agencies, current, changes);
      await recordAudit(tx, auditContextOf(request), {
        action: 'agency.update',
        resourceType: 'agency',
        resourceId: current.id,
        details: { changes: changedFields(current, changes) },
      });
      return updated;
    });
    return presentAgency(row);
  });
}

/** Walks up from `startId`; true when `agencyId` is met, i.e. making it the parent would close a loop. */
async function isAncestorOrSelf(tx: Tx, agencyId: string, startId: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`with recursive chain(id, parent_id) as (
        select id, parent_id from agencies where id = ${startId}
        union select a.id, a.parent_id from agencies a join chain c on a.id = c.parent_id)
      select id from chain where id = ${agencyId}`),
  );
  return rows.length > 0;
}

async function assertAgencyExists(tx: Tx, id: string, path: string) {
  const [row] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  if (!row) throw fieldError(422, 'invalid_reference', path, 'No such agency.');
}
