import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { referAcrossBorder } from '../../commands/referAcrossBorder.js';
import { takeCrossBorderReferralStep } from '../../commands/takeCrossBorderReferralStep.js';
import { presentCrossBorderReferral, referralSummariesOf } from '../../crossBorderReferral/present.js';
import type { ReferralStepBody, ReferralStepKind } from '../../crossBorderReferral/steps.js';
import { loadCrossBorderReferral } from '../../crossBorderReferral/thread.js';
import type { Tx } from '../../db/client.js';
import { crossBorderReferrals } from '../../db/schema/index.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { withCase } from '../../http/caseContext.js';
import { auditContextOf } from '../../http/context.js';
import { forbidden } from '../../http/problem.js';
import type { Actor } from '../../policies/actor.js';
import { canReferAcrossBorder } from '../../policies/crossBorderReferral.js';
import {
  caseCrossBorderReferralListRouteSchema,
  crossBorderReferralAnswerRouteSchema,
  crossBorderReferralGetRouteSchema,
  crossBorderReferralListRouteSchema,
  crossBorderReferralOutcomeRouteSchema,
  crossBorderReferralSendRouteSchema,
  crossBorderReferralWithdrawRouteSchema,
} from './schema.js';

/**
 * Referrals across a border (issue 12): the agency that owns a case asks a partner country for
 * one service; the partner's receiving agency answers from its queue and reports the outcome.
 * Row-level security shows a referral only to the agency holding it on this side.
 */
export function crossBorderReferralRoutes(app: FastifyInstance, { database, keyRing, federation }: RouteDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const asFocalPoint = <T>(request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) =>
    asPermittedActor(db, request, canReferAcrossBorder, work);

  api.get('/api/cross-border-referrals', { schema: crossBorderReferralListRouteSchema }, async (request) =>
    asFocalPoint(request, async (tx) => {
      const { side, status } = request.query;
      const where: SQL | undefined = and(
        side ? eq(crossBorderReferrals.side, side) : undefined,
        status ? eq(crossBorderReferrals.status, status) : undefined,
      );
      const rows = await tx.select().from(crossBorderReferrals).where(where).orderBy(desc(crossBorderReferrals.updatedAt)).limit(200);
      await recordAudit(tx, auditContextOf(request), {
        action: 'cross_border_referral.read',
        resourceType: 'cross_border_referral',
        details: { side: side ?? null, referralIds: rows.map((row) => row.id) },
      });
      return { items: await referralSummariesOf(tx, rows) };
    }),
  );

  api.get('/api/cross-border-referrals/:id', { schema: crossBorderReferralGetRouteSchema }, async (request) =>
    asFocalPoint(request, async (tx, actor) => {
      const row = await loadCrossBorderReferral(tx, request.params.id);
      await recordAudit(tx, auditContextOf(request), {
        action: 'cross_border_referral.read',
        resourceType: 'cross_border_referral',
        resourceId: row.id,
      });
      return presentCrossBorderReferral(tx, keyRing, actor, row);
    }),
  );

  api.get('/api/cases/:id/cross-border-referrals', { schema: caseCrossBorderReferralListRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      if (!canReferAcrossBorder(actor)) throw forbidden();
      const rows = await tx
        .select()
        .from(crossBorderReferrals)
        .where(eq(crossBorderReferrals.caseId, view.kase.id))
        .orderBy(desc(crossBorderReferrals.sentAt));
      await recordAudit(tx, audit, {
        action: 'cross_border_referral.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { referralIds: rows.map((row) => row.id) },
      });
      return { items: await referralSummariesOf(tx, rows) };
    }),
  );

  api.post('/api/cases/:id/cross-border-referrals', { schema: crossBorderReferralSendRouteSchema }, async (request, reply) => {
    const presented = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      const id = await referAcrossBorder({ tx, keyRing, outbox: federation.outbox, actor, audit, view }, request.body);
      return presentCrossBorderReferral(tx, keyRing, actor, await loadCrossBorderReferral(tx, id));
    });
    federation.delivery.kick();
    return reply.status(201).send(presented);
  });

  /** One step on this side, sent to the other side in the same transaction. */
  const stepRoute = <K extends ReferralStepKind>(path: string, schema: object, kind: K) =>
    api.post(`/api/cross-border-referrals/:id/${path}`, { schema }, async (request) => {
      const { id } = request.params as { id: string };
      const presented = await asFocalPoint(request, async (tx, actor) => {
        const audit = auditContextOf(request);
        await takeCrossBorderReferralStep(
          { tx, keyRing, outbox: federation.outbox, actor, audit },
          id,
          kind,
          request.body as ReferralStepBody<K>,
        );
        return presentCrossBorderReferral(tx, keyRing, actor, await loadCrossBorderReferral(tx, id));
      });
      federation.delivery.kick();
      return presented;
    });
  stepRoute('answer', crossBorderReferralAnswerRouteSchema, 'referral_answer');
  stepRoute('outcome', crossBorderReferralOutcomeRouteSchema, 'referral_outcome');
  stepRoute('withdraw', crossBorderReferralWithdrawRouteSchema, 'referral_withdrawal');
}
