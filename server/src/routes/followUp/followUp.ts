import type { CaseFollowUp } from '@seamless/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { closeFollowUp } from '../../commands/closeFollowUp.js';
import { recordFollowUpVisit } from '../../commands/recordFollowUpVisit.js';
import { reopenFollowUp } from '../../commands/reopenFollowUp.js';
import { rescheduleFollowUpVisit } from '../../commands/rescheduleFollowUpVisit.js';
import { startFollowUp } from '../../commands/startFollowUp.js';
import { loadCaseFollowUps } from '../../followUp/caseFollowUps.js';
import { policyForFollowUp, usablePolicies } from '../../followUp/policies.js';
import { followUpDates, localToday } from '../../followUp/schedule.js';
import { type CaseContext, withCase } from '../../http/caseContext.js';
import { forbidden } from '../../http/problem.js';
import { canFollowUp, type FollowUpAction } from '../../policies/followUp.js';
import { reportVisitBack } from '../../repatriation/reportVisitBack.js';
import {
  followUpCloseRouteSchema,
  followUpGetRouteSchema,
  followUpPreviewRouteSchema,
  followUpReopenRouteSchema,
  followUpRescheduleRouteSchema,
  followUpStartRouteSchema,
  followUpVisitRouteSchema,
} from './schema.js';

/** The follow-up tab as the actor may see it after a read or a change. */
async function caseFollowUp({ tx, actor, view }: CaseContext): Promise<CaseFollowUp> {
  const today = localToday(view.kase.countryCode, new Date());
  const record = canFollowUp(actor, 'record', view.involvement);
  return {
    today,
    followUps: await loadCaseFollowUps(tx, view.kase.id, today),
    abilities: { record, closeCase: canFollowUp(actor, 'closeCase', view.involvement) },
    policies: record ? await usablePolicies(tx, view.kase.countryCode, actor.agencyId) : [],
  };
}

/** Follow-up after reintegration: the schedule, the visits, closure and reopening (section `care`). */
export function followUpRoutes(app: FastifyInstance, { database, keyRing, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const onFollowUp = <T>(
    request: Parameters<typeof withCase>[1],
    caseId: string,
    action: FollowUpAction,
    work: (context: CaseContext) => Promise<T>,
  ) =>
    withCase(db, request, caseId, 'read', async (context) => {
      if (!canFollowUp(context.actor, action, context.view.involvement)) throw forbidden();
      return work(context);
    });

  api.get('/api/cases/:id/follow-up', { schema: followUpGetRouteSchema }, async (request) =>
    onFollowUp(request, request.params.id, 'read', async (context) => {
      const result = await caseFollowUp(context);
      await recordAudit(context.tx, context.audit, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: context.view.kase.id,
        details: {
          part: 'follow_up',
          followUpIds: result.followUps.map((followUp) => followUp.id),
          visitIds: result.followUps.flatMap((followUp) => followUp.visits.filter((visit) => visit.actualOn).map((visit) => visit.id)),
        },
      });
      return result;
    }),
  );

  api.get('/api/cases/:id/follow-up/preview', { schema: followUpPreviewRouteSchema }, async (request) =>
    onFollowUp(request, request.params.id, 'record', async ({ tx, actor, view }) => {
      const policy = await policyForFollowUp(tx, view.kase.countryCode, actor.agencyId, request.query.policyId);
      return { policy, dates: followUpDates(request.query.startOn, policy.steps) };
    }),
  );

  api.post('/api/cases/:id/follow-up', { schema: followUpStartRouteSchema }, async (request, reply) => {
    const result = await onFollowUp(request, request.params.id, 'record', async (context) => {
      await startFollowUp({ ...context, input: request.body });
      return caseFollowUp(context);
    });
    return reply.status(201).send(result);
  });

  api.post('/api/cases/:id/follow-up/visits', { schema: followUpVisitRouteSchema }, async (request, reply) => {
    const result = await onFollowUp(request, request.params.id, 'record', async (context) => {
      await recordFollowUpVisit({ ...context, input: request.body });
      const { actualOn, situation, findings = '', nextSteps = '' } = request.body;
      await reportVisitBack(context, keyRing, federation.outbox, { actualOn, situation, findings, nextSteps });
      return caseFollowUp(context);
    });
    federation.delivery.kick();
    return reply.status(201).send(result);
  });

  api.patch('/api/cases/:id/follow-up/visits/:visitId', { schema: followUpRescheduleRouteSchema }, async (request) =>
    onFollowUp(request, request.params.id, 'record', async (context) => {
      await rescheduleFollowUpVisit({ ...context, visitId: request.params.visitId, input: request.body });
      return caseFollowUp(context);
    }),
  );

  api.post('/api/cases/:id/follow-up/close', { schema: followUpCloseRouteSchema }, async (request) =>
    onFollowUp(request, request.params.id, 'record', async (context) => {
      await closeFollowUp({ ...context, input: request.body });
      return caseFollowUp(context);
    }),
  );

  api.post('/api/cases/:id/follow-up/reopen', { schema: followUpReopenRouteSchema }, async (request) =>
    onFollowUp(request, request.params.id, 'record', async (context) => {
      await reopenFollowUp({ ...context, input: request.body });
      return caseFollowUp(context);
    }),
  );
}
