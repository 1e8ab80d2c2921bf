import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/client.js';
import { agencies, followUpPolicies } from '../../db/schema/index.js';
import { lockVersion, saveVersion } from '../../db/versioned.js';
import { loadPolicies } from '../../followUp/policies.js';
import { asPermittedActor } from '../../http/asPermittedActor.js';
import { auditContextOf } from '../../http/context.js';
import { fieldError, notFound } from '../../http/problem.js';
import { canManageFollowUpPolicies } from '../../policies/followUp.js';
import { policyCreateRouteSchema, policyListRouteSchema, policyUpdateRouteSchema } from './schema.js';

/** Follow-up policies are configuration: how often each country (or one agency) visits after reintegration. */
export function followUpPolicyRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const asAdmin = <T>(request: FastifyRequest, work: (tx: Tx) => Promise<T>) =>
    asPermittedActor(db, request, canManageFollowUpPolicies, (tx) => work(tx));
  const presented = async (tx: Tx, id: string) => {
    const [policy] = await loadPolicies(tx, eq(followUpPolicies.id, id));
    if (!policy) throw notFound();
    return policy;
  };

  api.get('/api/admin/follow-up-policies', { schema: policyListRouteSchema }, async (request) =>
    asAdmin(request, async (tx) => ({ items: await loadPolicies(tx) })),
  );

  api.post('/api/admin/follow-up-policies', { schema: policyCreateRouteSchema }, async (request, reply) => {
    const policy = await asAdmin(request, async (tx) => {
      const { agencyId, ...input } = request.body;
      if (agencyId) {
        const [agency] = await tx.select({ countryCode: agencies.countryCode }).from(agencies).where(eq(agencies.id, agencyId));
        if (!agency || agency.countryCode !== input.countryCode) {
          throw fieldError(422, 'invalid_reference', 'agencyId', 'Choose an agency of the policy’s country.');
        }
      }
      const [row] = await tx
        .insert(followUpPolicies)
        .values({ ...input, agencyId: agencyId ?? null, source: input.source ?? null })
        .returning();
      await recordAudit(tx, auditContextOf(request), {
        action: 'form.update',
        resourceType: 'follow_up_policy',
        resourceId: row!.id,
        details: { change: 'created', countryCode: row!.countryCode, agencyId: row!.agencyId },
      });
      return presented(tx, row!.id);
    });
    return reply.status(201).send(policy);
  });

  api.patch('/api/admin/follow-up-policies/:id', { schema: policyUpdateRouteSchema }, async (request) =>
    asAdmin(request, async (tx) => {
      const { version, ...changes } = request.body;
      const current = await lockVersion(tx, followUpPolicies, request.params.id, version);
      await saveVersion(tx, followUpPolicies, current, changes);
      await recordAudit(tx, auditContextOf(request), {
        action: 'form.update',
        resourceType: 'follow_up_policy',
        resourceId: current.id,
        details: { change: 'updated', fields: Object.keys(changedFields(current, changes)) },
      });
      return presented(tx, current.id);
    }),
  );
}
