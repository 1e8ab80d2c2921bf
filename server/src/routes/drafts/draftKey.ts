import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { currentDraftKey } from '../../auth/draftKey.js';
import { asSystem } from '../../db/actorContext.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { AppError } from '../../http/problem.js';
import { draftKeyRouteSchema } from './schema.js';

/**
 * The signed-in user's own draft key, for a fully signed-in session only (the default stage).
 * The route takes no user id: there is no way to ask for anyone else's key, administrators
 * included, because a draft can hold a victim's account that was never saved or shared.
 * The key changes when her password does or her account is disabled (auth/draftKey.ts).
 */
export function draftKeyRoutes(app: FastifyInstance, { database, keyRing }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/auth/draft-key', { schema: draftKeyRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const key = await asSystem(database.db, async (tx) => {
      await recordAudit(tx, auditContextOf(request), { action: 'auth.draft_key_issued', resourceType: 'user', resourceId: actor.userId });
      return currentDraftKey(tx, keyRing, actor.userId);
    });
    if (!key) throw new AppError(401, 'unauthenticated', 'Sign in first.');
    reply.header('cache-control', 'no-store');
    return { key };
  });
}
