import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordCaseEvent } from '../../commands/recordCaseEvent.js';
import { placeOf } from '../../db/cipherPlace.js';
import { perpetrators } from '../../db/schema/index.js';
import { withCase } from '../../http/caseContext.js';
import { notFound } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { type CaseInvolvement, canReadSection } from '../../policies/case.js';
import { presentPerpetrator } from '../../presenters/caseRecord.js';
import { assertOpen, touchCase } from './guards.js';
import { perpetratorCreateSchema, perpetratorDeleteSchema, perpetratorListSchema } from './schema.js';

/** Who the traffickers are matters to the prosecution (legal section) and to the agency running the case. */
const seesPerpetratorNames = (actor: Actor, involvement: CaseInvolvement) =>
  involvement?.kind === 'owner' || canReadSection(actor, 'legal', involvement);

/** HTCDS perpetrator context (`per_`): the people who trafficked the person, by their role in it. */
export function perpetratorRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/perpetrators', { schema: perpetratorListSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const withNames = seesPerpetratorNames(actor, view.involvement);
      const rows = await tx
        .select()
        .from(perpetrators)
        .where(eq(perpetrators.caseId, view.kase.id))
        .orderBy(asc(perpetrators.createdAt), asc(perpetrators.id));
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'perpetrators', names: withNames },
      });
      return { items: rows.map((row) => presentPerpetrator(row, keyRing, withNames)) };
    }),
  );

  api.post('/api/cases/:id/perpetrators', { schema: perpetratorCreateSchema }, async (request, reply) => {
    const created = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      assertOpen(view);
      const input = request.body;
      const id = randomUUID();
      const [row] = await tx
        .insert(perpetrators)
        .values({
          id,
          caseId: view.kase.id,
          roles: [...new Set(input.roles)],
          nameEnc: keyRing.encrypt(input.name || null, placeOf(perpetrators.nameEnc, id)),
          gender: input.gender ?? null,
          nationality: input.nationality ?? null,
          relationship: input.relationship ?? null,
          createdBy: actor.userId,
        })
        .returning();
      await touchCase(tx, view.kase.id);
      await recordCaseEvent(tx, actor, view.kase.id, 'perpetrator.added', { perpetratorId: row!.id, roles: row!.roles });
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { perpetrator: { added: row!.id, roles: row!.roles, named: row!.nameEnc !== null } },
      });
      return { row: row!, withNames: seesPerpetratorNames(actor, view.involvement) };
    });
    return reply.status(201).send(presentPerpetrator(created.row, keyRing, created.withNames));
  });

  api.delete('/api/cases/:id/perpetrators/:perpetratorId', { schema: perpetratorDeleteSchema }, async (request, reply) => {
    await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      assertOpen(view);
      const [removed] = await tx
        .delete(perpetrators)
        .where(and(eq(perpetrators.id, request.params.perpetratorId), eq(perpetrators.caseId, view.kase.id)))
        .returning({ id: perpetrators.id, roles: perpetrators.roles });
      if (!removed) throw notFound();
      await touchCase(tx, view.kase.id);
      await recordCaseEvent(tx, actor, view.kase.id, 'perpetrator.removed', { perpetratorId: removed.id, roles: removed.roles });
      await recordAudit(tx, audit, {
        action: 'case.update',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { perpetrator: { removed: removed.id } },
      });
    });
    return reply.status(204).send();
  });
}
