import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../../audit/record.js';
import { nextDraftKeyGeneration } from '../../auth/draftKey.js';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_DAYS } from '../../auth/knownDevices.js';
import { assertNotThrottled, recordLoginFailure, secondFactorKeys } from '../../auth/loginThrottle.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../../auth/passwords.js';
import { activeSessionsOf, advanceSession, authenticateToken, revokeOtherSessions, revokeSession } from '../../auth/sessionStore.js';
import { checkSecondFactor, signIn } from '../../auth/signIn.js';
import { enrolmentFor, hashRecoveryCode, newRecoveryCodes, newTotpSecret } from '../../auth/totp.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import { users } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { AppError, notFound } from '../../http/problem.js';
import { clearSessionCookies, SESSION_COOKIE, setCsrfCookie, setSessionCookies } from '../../http/security.js';
import { dbActorOf, secondFactorRequiredFor } from '../../policies/actor.js';
import { presentMe } from '../../presenters/me.js';
import {
  confirmSchema,
  disableSchema,
  enrolSchema,
  loginSchema,
  meRouteSchema,
  passwordRouteSchema,
  preferencesRouteSchema,
  secondFactorSchema,
  sessionRevokeSchema,
  sessionsRouteSchema,
} from './schema.js';

const invalidSecondFactor = () =>
  new AppError(401, 'invalid_second_factor', 'That code is not valid; use a current code or an unused recovery code.');

export function authRoutes(app: FastifyInstance, { database, config, keyRing }: AppDeps) {
  const { db } = database;
  const sessions = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours, demo: config.seedDemo };
  const cookies = { secure: config.cookieSecure, csrfKey: keyRing.macKey('csrf') };
  const api = app.withTypeProvider<ZodTypeProvider>();

  const meFor = async (token: string) => {
    const auth = await asSystem(db, (tx) => authenticateToken(tx, token, sessions, secondFactorRequiredFor));
    if (!auth) throw new AppError(401, 'unauthenticated', 'Sign in first.');
    return presentMe(auth);
  };

  api.post('/api/auth/login', { schema: loginSchema, config: { stages: 'public' } }, async (request, reply) => {
    const outcome = await asSystem(db, (tx) =>
      signIn(
        tx,
        {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          requestId: request.id,
          demo: sessions.demo,
          deviceToken: request.cookies[KNOWN_DEVICE_COOKIE],
        },
        sessions,
      ),
    );
    if (!outcome.ok) throw outcome.error;
    setSessionCookies(reply, outcome.token, cookies);
    reply.setCookie(KNOWN_DEVICE_COOKIE, outcome.deviceToken, {
      path: '/api/auth/login',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookies.secure,
      maxAge: KNOWN_DEVICE_DAYS * 86_400,
    });
    return { stage: outcome.stage, ...(outcome.stage === 'active' ? { me: await meFor(outcome.token) } : {}) };
  });

  api.post(
    '/api/auth/login/second-factor',
    { schema: secondFactorSchema, config: { stages: ['second_factor'] } },
    async (request, reply) => {
      const auth = request.auth!;
      const keys = secondFactorKeys(request.ip, auth.actor.userId);
      const token = await asSystem(db, async (tx) => {
        await assertNotThrottled(tx, keys);
        if (!(await checkSecondFactor(tx, keyRing, auth.actor.userId, request.body.code))) {
          await recordLoginFailure(tx, keys);
          await recordAudit(tx, auditContextOf(request), {
            action: 'auth.login_failed',
            outcome: 'failure',
            details: { reason: 'second_factor' },
          });
          return null;
        }
        await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, auth.actor.userId));
        await recordAudit(tx, auditContextOf(request), { action: 'auth.login', details: { stage: 'active', secondFactor: true } });
        return advanceSession(tx, auth.sessionId, 'active');
      });
      if (!token) throw invalidSecondFactor();
      setSessionCookies(reply, token, cookies);
      return { stage: 'active' as const, me: await meFor(token) };
    },
  );

  api.post('/api/auth/logout', { config: { stages: ['active', 'second_factor', 'enrolment'] } }, async (request, reply) => {
    await asSystem(db, async (tx) => {
      await revokeSession(tx, request.auth!.sessionId);
      await recordAudit(tx, auditContextOf(request), { action: 'auth.logout' });
    });
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  api.get('/api/auth/me', { schema: meRouteSchema }, async (request, reply) => {
    setCsrfCookie(reply, request.cookies[SESSION_COOKIE]!, cookies);
    return presentMe(request.auth!);
  });

  api.patch('/api/auth/preferences', { schema: preferencesRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const { tourSeen, ...preferences } = request.body;
    await asActor(db, dbActorOf(actor), (tx) =>
      tx
        .update(users)
        .set({ ...preferences, ...(tourSeen ? { tourSeenAt: new Date() } : {}), updatedAt: new Date() })
        .where(eq(users.id, actor.userId)),
    );
    return meFor(request.cookies[SESSION_COOKIE]!);
  });

  api.post('/api/auth/password', { schema: passwordRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const { currentPassword, newPassword } = request.body;
    assertPasswordAcceptable(newPassword, actor.username);
    const [user] = await asSystem(db, (tx) => tx.select().from(users).where(eq(users.id, actor.userId)));
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError(403, 'invalid_credentials', 'The current password is wrong.', [
        { path: 'currentPassword', code: 'invalid_credentials', message: 'wrong password' },
      ]);
    }
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw new AppError(422, 'password_reused', 'Choose a password different from the current one.', [
        { path: 'newPassword', code: 'password_reused', message: 'same as current' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    const now = new Date();
    await asSystem(db, async (tx) => {
      // She remembered it after all: a request she made for a new one is answered.
      await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: now, passwordResetRequestedAt: null, ...nextDraftKeyGeneration(), updatedAt: now })
        .where(eq(users.id, actor.userId));
      // Whoever else holds a session — perhaps the one who learnt the old password — is out now.
      const ended = await revokeOtherSessions(tx, actor.userId, actor.sessionId, now);
      await recordAudit(tx, auditContextOf(request), {
        action: 'auth.password_changed',
        resourceType: 'user',
        resourceId: actor.userId,
        details: { otherSessionsEnded: ended },
      });
    });
    return reply.status(204).send();
  });

  api.get('/api/auth/sessions', { schema: sessionsRouteSchema }, async (request) => {
    const actor = actorOf(request);
    const rows = await asSystem(db, (tx) => activeSessionsOf(tx, actor.userId));
    return {
      items: rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        userAgent: row.userAgent,
        current: row.id === actor.sessionId,
      })),
    };
  });

  api.delete('/api/auth/sessions/:id', { schema: sessionRevokeSchema }, async (request, reply) => {
    const actor = actorOf(request);
    await asSystem(db, async (tx) => {
      const own = (await activeSessionsOf(tx, actor.userId)).some((row) => row.id === request.params.id);
      if (!own) throw notFound();
      await revokeSession(tx, request.params.id);
      await recordAudit(tx, auditContextOf(request), {
        action: 'auth.session_revoked',
        resourceType: 'session',
        resourceId: request.params.id,
      });
    });
    if (request.params.id === actor.sessionId) clearSessionCookies(reply);
    return reply.status(204).send();
  });

  api.post('/api/auth/second-factor/enrol', { schema: enrolSchema, config: { stages: ['active', 'enrolment'] } }, async (request) => {
    const auth = request.auth!;
    if (auth.totpEnabled) throw new AppError(409, 'second_factor_already_enabled', 'A second factor is already set up.');
    const secret = newTotpSecret();
    await asSystem(db, (tx) =>
      tx
        .update(users)
        .set({ totpSecretEnc: keyRing.encrypt(secret, placeOf(users.totpSecretEnc, auth.actor.userId)) })
        .where(eq(users.id, auth.actor.userId)),
    );
    return enrolmentFor(secret, auth.actor.username);
  });

  api.post(
    '/api/auth/second-factor/confirm',
    { schema: confirmSchema, config: { stages: ['active', 'enrolment'] } },
    async (request, reply) => {
      const auth = request.auth!;
      if (auth.totpEnabled) throw new AppError(409, 'second_factor_already_enabled', 'A second factor is already set up.');
      const recoveryCodes = newRecoveryCodes();
      const token = await asSystem(db, async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, auth.actor.userId));
        if (!user?.totpSecretEnc) throw new AppError(409, 'second_factor_not_enrolled', 'Start the enrolment first.');
        await tx.update(users).set({ totpEnabled: true, totpLastStep: null }).where(eq(users.id, user.id));
        if (!(await checkSecondFactor(tx, keyRing, user.id, request.body.code))) throw invalidSecondFactor();
        await tx
          .update(users)
          .set({ recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode), updatedAt: new Date() })
          .where(eq(users.id, user.id));
        await recordAudit(tx, auditContextOf(request), {
          action: 'auth.second_factor_enrolled',
          resourceType: 'user',
          resourceId: user.id,
        });
        return auth.stage === 'enrolment' ? advanceSession(tx, auth.sessionId, 'active') : null;
      });
      if (token) setSessionCookies(reply, token, cookies);
      return { recoveryCodes };
    },
  );

  api.post('/api/auth/second-factor/disable', { schema: disableSchema }, async (request, reply) => {
    const auth = request.auth!;
    if (auth.secondFactorRequired) throw new AppError(403, 'second_factor_mandatory', 'Your role requires a second factor.');
    if (!auth.totpEnabled) throw new AppError(409, 'second_factor_not_enrolled', 'No second factor is set up.');
    await asSystem(db, async (tx) => {
      if (!(await checkSecondFactor(tx, keyRing, auth.actor.userId, request.body.code))) throw invalidSecondFactor();
      await tx
        .update(users)
        .set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null, recoveryCodeHashes: [] })
        .where(eq(users.id, auth.actor.userId));
      await recordAudit(tx, auditContextOf(request), {
        action: 'auth.second_factor_reset',
        resourceType: 'user',
        resourceId: auth.actor.userId,
      });
    });
    return reply.status(204).send();
  });
}
