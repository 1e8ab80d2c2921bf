import { and, asc, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { userGroupMembers, userGroups } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { conflict, forbidden, notFound } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canUser } from '../../policies/user.js';
import { groupCreateRouteSchema, groupListSchema, groupUpdateRouteSchema } from './schema.js';

/** User groups (teams inside an agency) are administered with the agency's accounts. */
export function groupRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const memberCount = count(userGroupMembers.userId);

  api.get('/api/admin/groups', { schema: groupListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canUser(actor, 'list')) throw forbidden();
    const rows = await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .select({ group: userGroups, memberCount })
        .from(userGroups)
        .leftJoin(userGroupMembers, eq(userGroupMembers.groupId, userGroups.id))
        .where(request.query.agencyId ? eq(userGroups.agencyId, request.query.agencyId) : undefined)
        .groupBy(userGroups.id)
        .orderBy(asc(userGroups.name)),
    );
    return {
      items: rows.map(({ group, memberCount }) => ({
        id: group.id,
        agencyId: group.agencyId,
        name: group.name,
        memberCount,
        version: group.version,
      })),
    };
  });

  api.post('/api/admin/groups', { schema: groupCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canUser(actor, 'create', request.body)) throw forbidden('You can create groups only in agencies you administer.');
    const group = await asActor(db, dbActorOf(actor), async (tx) => {
      const [created] = await tx.insert(userGroups).values(request.body).returning();
      await recordAudit(tx, auditContextOf(request), { action: 'group.create', resourceType: 'user_group', resourceId: created!.id });
      return created!;
    });
    return reply.status(201).send({ id: group.id, agencyId: group.agencyId, name: group.name, memberCount: 0, version: group.version });
  });

  api.patch('/api/admin/groups/:id', { schema: groupUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canUser(actor, 'list')) throw forbidden();
    const { version, name } = request.body;
    return asActor(db, dbActorOf(actor), async (tx) => {
      const [current] = await tx.select().from(userGroups).where(eq(userGroups.id, request.params.id)).for('update');
      if (!current || !canUser(actor, 'update', current)) throw notFound();
      if (current.version !== version) throw conflict();
      const [updated] = await tx
        .update(userGroups)
        .set({ name, version: version + 1, updatedAt: new Date() })
        .where(and(eq(userGroups.id, current.id), eq(userGroups.version, version)))
        .returning();
      const [members] = await tx.select({ value: count() }).from(userGroupMembers).where(eq(userGroupMembers.groupId, current.id));
      await recordAudit(tx, auditContextOf(request), {
        action: 'group.update',
        resourceType: 'user_group',
        resourceId: current.id,
        details: { changes: changedFields(current, { name }) },
      });
      return {
        id: updated!.id,
        agencyId: updated!.agencyId,
        name: updated!.name,
        memberCount: members?.value ?? 0,
        version: updated!.version,
      };
    });
  });
}
