import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordAssessment } from '../../commands/recordAssessment.js';
import { asActor } from '../../db/actorContext.js';
import { assessmentInstruments } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { forbidden, notFound } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canManageInstruments, careReach } from '../../policies/care.js';
import { withCare } from '../carePlans/withCare.js';
import { loadAssessments, loadInstruments, loadTrend, presentInstrument } from './loadAssessments.js';
import {
  assessmentCreateRouteSchema,
  assessmentListRouteSchema,
  assessmentTrendRouteSchema,
  instrumentCreateRouteSchema,
  instrumentListRouteSchema,
  instrumentUpdateRouteSchema,
} from './schema.js';

/** Reintegration assessments of a case, their trend, and the instruments they are scored on. */
export function assessmentRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  // Instruments are configuration, no one's record: every signed-in user reads them.
  api.get('/api/assessment-instruments', { schema: instrumentListRouteSchema }, async (request) => {
    const actor = actorOf(request);
    return asActor(db, dbActorOf(actor), async (tx) => ({ items: await loadInstruments(tx) }));
  });

  /** Saving an instrument under a key already in use makes its next version; assessments keep theirs. */
  api.post('/api/admin/assessment-instruments', { schema: instrumentCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canManageInstruments(actor)) throw forbidden();
    const input = request.body;
    const saved = await asActor(db, dbActorOf(actor), async (tx) => {
      const [latest] = await tx
        .select({ version: assessmentInstruments.version })
        .from(assessmentInstruments)
        .where(eq(assessmentInstruments.key, input.key))
        .orderBy(desc(assessmentInstruments.version))
        .limit(1)
        .for('update');
      // One version in use per key: the new one replaces the ones before for new assessments.
      if (latest) await tx.update(assessmentInstruments).set({ active: false }).where(eq(assessmentInstruments.key, input.key));
      const [row] = await tx
        .insert(assessmentInstruments)
        .values({ ...input, version: (latest?.version ?? 0) + 1, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, auditContextOf(request), {
        action: 'form.update',
        resourceType: 'assessment_instrument',
        resourceId: row!.id,
        details: { key: row!.key, version: row!.version },
      });
      return row!;
    });
    return reply.status(201).send(presentInstrument(saved));
  });

  api.patch('/api/admin/assessment-instruments/:id', { schema: instrumentUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canManageInstruments(actor)) throw forbidden();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const [row] = await tx
        .update(assessmentInstruments)
        .set({ active: request.body.active })
        .where(eq(assessmentInstruments.id, request.params.id))
        .returning();
      if (!row) throw notFound();
      await recordAudit(tx, auditContextOf(request), {
        action: 'form.update',
        resourceType: 'assessment_instrument',
        resourceId: row.id,
        details: { key: row.key, version: row.version, active: row.active },
      });
      return presentInstrument(row);
    });
  });

  api.get('/api/cases/:id/assessments', { schema: assessmentListRouteSchema }, async (request) =>
    withCare(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const reach = careReach(actor, view.involvement);
      const items = await loadAssessments(tx, view.kase.id, reach);
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'assessments', assessmentIds: items.map((item) => item.id), sections: reach.read },
      });
      return { items, abilities: { record: [...reach.write] } };
    }),
  );

  api.post('/api/cases/:id/assessments', { schema: assessmentCreateRouteSchema }, async (request, reply) => {
    const assessment = await withCare(db, request, request.params.id, 'write', async (context) => {
      const row = await recordAssessment(context, request.body);
      const reach = careReach(context.actor, context.view.involvement);
      const [presented] = await loadAssessments(context.tx, context.view.kase.id, reach, row.id);
      return presented!;
    });
    return reply.status(201).send(assessment);
  });

  api.get('/api/cases/:id/assessments/trend', { schema: assessmentTrendRouteSchema }, async (request) =>
    withCare(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const reach = careReach(actor, view.involvement);
      const trend = await loadTrend(tx, view.kase.id, reach);
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { part: 'assessment_trend', assessmentIds: trend.points.map((point) => point.assessmentId), sections: reach.read },
      });
      return trend;
    }),
  );
}
