import { setTimeout } from 'node:timers/promises';
import type { PasswordResetRequest, Permission } from '@seamless/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { requestPasswordReset } from '../../commands/requestPasswordReset.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { roles, userRoles, users } from '../../db/schema/index.js';
import { auditContextOf } from '../../http/context.js';
import { AppError } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { addressAndNameKey, addressKey, RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_NAME, RESET_WINDOW } from './resetRequestLimits.js';
import { helpContactRouteSchema, passwordResetRequestRouteSchema } from './schema.js';

/**
 * Every answer takes at least this long: finding an account and telling its administrators takes
 * longer than finding none, and the time must not say which it was.
 */
const RESET_ANSWER_MS = 400;

/** Her agency's administrators of accounts: the people to ask, listed once she is signed in. */
const AGENCY_ACCOUNT_ADMIN: Permission = 'admin:users';

/** Help for people who are stuck: whom to ask, and asking an administrator for a new password. */
export function helpRoutes(app: FastifyInstance, { database, config, keyRing }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Counted in the handler, once the body is read: the name asked about is part of the key.
  const perName = app.createRateLimit({
    max: RESET_REQUESTS_PER_NAME,
    timeWindow: RESET_WINDOW,
    keyGenerator: (request) => addressAndNameKey(keyRing, request, (request.body as PasswordResetRequest).username),
  });

  // Public, for the sign-in page; once signed in, also the administrators of her own agency.
  api.get('/api/help/contact', { schema: helpContactRouteSchema, config: { stages: 'public' } }, async (request) => {
    const actor = request.auth?.stage === 'active' ? request.auth.actor : null;
    const administrators = actor
      ? await asActor(db, dbActorOf(actor), (tx) =>
          tx
            .selectDistinct({ displayName: users.displayName, email: users.email })
            .from(users)
            .innerJoin(userRoles, eq(userRoles.userId, users.id))
            .innerJoin(roles, eq(roles.id, userRoles.roleId))
            .where(
              and(eq(users.agencyId, actor.agencyId), eq(users.active, true), sql`${AGENCY_ACCOUNT_ADMIN} = any(${roles.permissions})`),
            )
            .orderBy(users.displayName),
        )
      : [];
    return { contact: config.helpContact, administrators };
  });

  api.post(
    '/api/help/password-reset-requests',
    {
      schema: passwordResetRequestRouteSchema,
      config: {
        stages: 'public',
        rateLimit: { max: RESET_REQUESTS_PER_ADDRESS, timeWindow: RESET_WINDOW, keyGenerator: addressKey },
      },
    },
    async (request, reply) => {
      // Refused before any account is looked up: the same refusal for a name that exists or not.
      const limit = await perName(request);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new AppError(
          429,
          'too_many_requests',
          'Too many requests; try again after the time the Retry-After header gives.',
          undefined,
          {
            'retry-after': String(limit.ttlInSeconds),
          },
        );
      }
      const answerAt = Date.now() + RESET_ANSWER_MS;
      await asSystem(db, async (tx) => {
        const asked = await requestPasswordReset(tx, request.body.username, new Date());
        // The name typed is never written down: a typo may be someone else's name or a password.
        await recordAudit(tx, auditContextOf(request), {
          action: 'auth.password_reset_requested',
          ...(asked ? { resourceType: 'user', resourceId: asked.userId } : { outcome: 'failure' }),
        });
      });
      // The same answer, and after the same time, whether or not the account exists.
      await setTimeout(Math.max(0, answerAt - Date.now()));
      return reply.status(202).send();
    },
  );
}
