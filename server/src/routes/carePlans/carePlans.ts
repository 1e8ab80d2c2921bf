import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { recordCareService } from '../../commands/recordCareService.js';
import { reviseCarePlan } from '../../commands/reviseCarePlan.js';
import { updateCareAction } from '../../commands/updateCareAction.js';
import { careReach } from '../../policies/care.js';
import { loadCarePlan, loadCareServices } from './loadCarePlan.js';
import { careActionUpdateRouteSchema, carePlanReadRouteSchema, carePlanReviseRouteSchema, careServiceCreateRouteSchema } from './schema.js';
import { withCare } from './withCare.js';

/** The individual care plan made with the victim (versions, goals, actions) and the services delivered. */
export function carePlanRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/care-plan', { schema: carePlanReadRouteSchema }, async (request) =>
    withCare(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const reach = careReach(actor, view.involvement);
      const plan = await loadCarePlan(tx, view.kase, reach, request.query.version);
      await recordAudit(tx, audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: {
          part: 'care_plan',
          version: plan.current?.version ?? null,
          serviceIds: plan.services.map((service) => service.id),
          sections: reach.read,
        },
      });
      return plan;
    }),
  );

  api.post('/api/cases/:id/care-plan', { schema: carePlanReviseRouteSchema }, async (request, reply) => {
    const plan = await withCare(db, request, request.params.id, 'write', async (context) => {
      await reviseCarePlan(context, request.body);
      return loadCarePlan(context.tx, context.view.kase, careReach(context.actor, context.view.involvement));
    });
    return reply.status(201).send(plan);
  });

  api.patch('/api/cases/:id/care-plan/actions/:actionId', { schema: careActionUpdateRouteSchema }, async (request) =>
    withCare(db, request, request.params.id, 'write', async (context) => {
      await updateCareAction(context, request.params.actionId, request.body);
      return loadCarePlan(context.tx, context.view.kase, careReach(context.actor, context.view.involvement));
    }),
  );

  api.post('/api/cases/:id/care-services', { schema: careServiceCreateRouteSchema }, async (request, reply) => {
    const service = await withCare(db, request, request.params.id, 'write', async (context) => {
      const row = await recordCareService(context, request.body);
      const [presented] = await loadCareServices(
        context.tx,
        context.view.kase.id,
        careReach(context.actor, context.view.involvement),
        row.id,
      );
      return presented!;
    });
    return reply.status(201).send(service);
  });
}
