import { and, count, eq, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { acceptReferral, declineReferral } from '../../commands/answerReferral.js';
import { finishReferral } from '../../commands/closeReferral.js';
import { recordExternalReferral } from '../../commands/recordExternalReferral.js';
import { sendReferral } from '../../commands/sendReferral.js';
import { offerTransfer } from '../../commands/transferCase.js';
import type { KeyRing } from '../../crypto/keyRing.js';
import { asActor } from '../../db/actorContext.js';
import type { Db, Tx } from '../../db/client.js';
import { referrals } from '../../db/schema/index.js';
import { withCase } from '../../http/caseContext.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { offsetOf } from '../../http/listing.js';
import { forbidden } from '../../http/problem.js';
import { type Actor, dbActorOf } from '../../policies/actor.js';
import { canListReferrals, canTransfer } from '../../policies/referral.js';
import { loadReferrals } from './present.js';
import {
  caseReferralListRouteSchema,
  externalReferralRouteSchema,
  referralAcceptRouteSchema,
  referralCloseRouteSchema,
  referralCompleteRouteSchema,
  referralCreateRouteSchema,
  referralDeclineRouteSchema,
  referralInboxRouteSchema,
  referralWithdrawRouteSchema,
  transferCreateRouteSchema,
} from './schema.js';

async function presentOne(tx: Tx, keyRing: KeyRing, actor: Actor, referralId: string) {
  const [presented] = await loadReferrals(tx, keyRing, actor, eq(referrals.id, referralId), { limit: 1, offset: 0 });
  return presented!;
}

/**
 * Works on one referral as the actor's agency, outside any case view: the receiver answers before
 * it may see the case. Row-level security shows the referral to its two parties and the owner.
 */
async function onReferral<T>(db: Db, request: FastifyRequest, work: (tx: Tx, actor: Actor) => Promise<T>) {
  const actor = actorOf(request);
  if (!canListReferrals(actor)) throw forbidden();
  return asActor(db, dbActorOf(actor), (tx) => work(tx, actor));
}

/** Referrals between agencies, referrals with organisations off the platform, and handovers of a case. */
export function referralRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/cases/:id/referrals', { schema: caseReferralListRouteSchema }, async (request) =>
    withCase(db, request, request.params.id, 'read', async ({ tx, actor, view, audit }) => {
      const items = await loadReferrals(tx, keyRing, actor, eq(referrals.caseId, view.kase.id));
      await recordAudit(tx, audit, {
        action: 'referral.read',
        resourceType: 'case',
        resourceId: view.kase.id,
        details: { referralIds: items.map((item) => item.id) },
      });
      return { items };
    }),
  );

  api.post('/api/cases/:id/referrals', { schema: referralCreateRouteSchema }, async (request, reply) => {
    const referral = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      const row = await sendReferral({ tx, keyRing, actor, audit, view }, request.body);
      return presentOne(tx, keyRing, actor, row.id);
    });
    return reply.status(201).send(referral);
  });

  api.post('/api/cases/:id/transfers', { schema: transferCreateRouteSchema }, async (request, reply) => {
    const referral = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      if (!canTransfer(actor, view.involvement)) throw forbidden();
      const row = await offerTransfer({ tx, keyRing, actor, audit, view }, request.body);
      return presentOne(tx, keyRing, actor, row.id);
    });
    return reply.status(201).send(referral);
  });

  api.post('/api/cases/:id/external-referrals', { schema: externalReferralRouteSchema }, async (request, reply) => {
    const referral = await withCase(db, request, request.params.id, 'update', async ({ tx, actor, view, audit }) => {
      const row = await recordExternalReferral({ tx, keyRing, actor, audit, view }, request.body);
      return presentOne(tx, keyRing, actor, row.id);
    });
    return reply.status(201).send(referral);
  });

  api.get('/api/referrals', { schema: referralInboxRouteSchema }, async (request) =>
    onReferral(db, request, async (tx, actor) => {
      const { box, status, page, pageSize } = request.query;
      const party = box === 'incoming' ? eq(referrals.toAgencyId, actor.agencyId) : eq(referrals.fromAgencyId, actor.agencyId);
      // Only referrals between agencies on the platform: records of outside ones live on the case.
      const where: SQL | undefined = and(party, eq(referrals.direction, 'outgoing'), status ? eq(referrals.status, status) : undefined);
      const items = await loadReferrals(tx, keyRing, actor, where, { limit: pageSize, offset: offsetOf(page, pageSize) });
      const [total] = await tx.select({ value: count() }).from(referrals).where(where);
      await recordAudit(tx, auditContextOf(request), {
        action: 'referral.read',
        resourceType: 'referral',
        details: { box, referralIds: items.map((item) => item.id) },
      });
      return { items, total: total?.value ?? 0, page, pageSize };
    }),
  );

  const audit = (request: FastifyRequest) => auditContextOf(request);

  api.post('/api/referrals/:id/accept', { schema: referralAcceptRouteSchema }, async (request) =>
    onReferral(db, request, async (tx, actor) => {
      await acceptReferral({ tx, actor, audit: audit(request), referralId: request.params.id });
      return presentOne(tx, keyRing, actor, request.params.id);
    }),
  );

  api.post('/api/referrals/:id/decline', { schema: referralDeclineRouteSchema }, async (request) =>
    onReferral(db, request, async (tx, actor) => {
      await declineReferral({ tx, actor, audit: audit(request), referralId: request.params.id, reason: request.body.reason });
      return presentOne(tx, keyRing, actor, request.params.id);
    }),
  );

  api.post('/api/referrals/:id/withdraw', { schema: referralWithdrawRouteSchema }, async (request) =>
    onReferral(db, request, async (tx, actor) => {
      await finishReferral({ tx, actor, audit: audit(request), referralId: request.params.id }, { action: 'withdraw' });
      return presentOne(tx, keyRing, actor, request.params.id);
    }),
  );

  api.post('/api/referrals/:id/complete', { schema: referralCompleteRouteSchema }, async (request) =>
    onReferral(db, request, async (tx, actor) => {
      const finish = { action: 'complete' as const, outcome: request.body.outcome ?? null };
      await finishReferral({ tx, actor, audit: audit(request), referralId: request.params.id }, finish);
      return presentOne(tx, keyRing, actor, request.params.id);
    }),
  );

  api.post('/api/referrals/:id/close', { schema: referralCloseRouteSchema }, async (request) =>
    onReferral(db, request, async (tx, actor) => {
      const finish = { action: 'close' as const, outcome: request.body.outcome };
      await finishReferral({ tx, actor, audit: audit(request), referralId: request.params.id }, finish);
      return presentOne(tx, keyRing, actor, request.params.id);
    }),
  );
}
