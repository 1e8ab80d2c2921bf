import { PERMISSIONS } from '@seamless/contracts';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { asActor } from '../../db/actorContext.js';
import { roles } from '../../db/schema/index.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { AppError, forbidden } from '../../http/problem.js';
import { type Actor, dbActorOf, secondFactorRequiredFor } from '../../policies/actor.js';
import { canDefineRole, canRole } from '../../policies/role.js';
import { canGrantRole } from '../../policies/user.js';
import { presentRole } from '../../presenters/admin.js';
import { permissionListSchema, roleCreateRouteSchema, roleListSchema, roleUpdateRouteSchema } from './schema.js';

const presentFor = (actor: Actor) => (row: typeof roles.$inferSelect) =>
  presentRole(row, secondFactorRequiredFor, (role) => canGrantRole(actor, role));
const tooPowerful = () => forbidden('A role cannot carry permissions beyond your own administrative power, nor give you what you lack.');

export function roleRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/admin/roles', { schema: roleListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canRole(actor, 'read')) throw forbidden();
    const rows = await asActor(db, dbActorOf(actor), (tx) => tx.select().from(roles).orderBy(asc(roles.key)));
    return { items: rows.map(presentFor(actor)) };
  });

  api.get('/api/admin/permissions', { schema: permissionListSchema }, async () => ({ items: [...PERMISSIONS] }));

  api.post('/api/admin/roles', { schema: roleCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canRole(actor, 'create')) throw forbidden();
    if (!canDefineRole(actor, request.body.permissions)) throw tooPowerful();
    const row = await asActor(db, dbActorOf(actor), async (tx) => {
      const [taken] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, request.body.key));
      if (taken) throw new AppError(409, 'conflict', 'A role with this key exists.', [{ path: 'key', code: 'conflict', message: 'taken' }]);
      const [created] = await tx
        .insert(roles)
        .values({ ...request.body, permissions: [...new Set(request.body.permissions)] })
        .returning();
      await recordAudit(tx, auditContextOf(request), {
        action: 'role.create',
        resourceType: 'role',
        resourceId: created!.id,
        details: { key: created!.key, permissions: created!.permissions, assignableByAgencyAdmins: created!.assignableByAgencyAdmins },
      });
      return created!;
    });
    return reply.status(201).send(presentFor(actor)(row));
  });

  api.patch('/api/admin/roles/:id', { schema: roleUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canRole(actor, 'update')) throw forbidden();
    const { version, ...changes } = request.body;
    const row = await asActor(db, dbActorOf(actor), async (tx) => {
      const current = await lockVersion(tx, roles, request.params.id, version);
      if (changes.permissions && !canDefineRole(actor, changes.permissions, current)) throw tooPowerful();
      const next = { ...changes, ...(changes.permissions ? { permissions: [...new Set(changes.permissions)] } : {}) };
      const updated = await saveVersion(tx, roles, current, next);
      await recordAudit(tx, auditContextOf(request), {
        action: 'role.update',
        resourceType: 'role',
        resourceId: current.id,
        details: { changes: changedFields(current, next) },
      });
      return updated;
    });
    return presentFor(actor)(row);
  });
}
