import type { SessionStage } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Queryable } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';
import { secondFactorRequiredFor } from '../policies/actor.js';
import { assertNotThrottled, LOCKOUT_AFTER_FAILURES, LOCKOUT_MINUTES, recordLoginFailure, throttleKeys } from './loginThrottle.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { createSession, loadPermissions, type SessionPolicy } from './sessionStore.js';
import { hashRecoveryCode, verifyTotp } from './totp.js';

export type SignInInput = { username: string; password: string; ip: string; userAgent?: string; requestId: string };

/** A refusal whose bookkeeping (failure count, audit) must commit before the error is raised. */
export type SignInOutcome = { ok: true; token: string; stage: SessionStage; userId: string } | { ok: false; error: AppError };

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Wrong username or password.');

/** Counts towards the account lockout: wrong passwords and wrong second-factor codes alike. */
export async function countFailedAttempt(db: Queryable, userId: string, now: Date) {
  await db
    .update(users)
    .set({
      failedLoginCount: sql`${users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${LOCKOUT_AFTER_FAILURES}
        then ${new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function signIn(db: Queryable, input: SignInInput, sessions: SessionPolicy, now = new Date()): Promise<SignInOutcome> {
  const username = input.username.trim().toLowerCase();
  const keys = throttleKeys(input.ip, username);
  await assertNotThrottled(db, keys, now);
  const context = { requestId: input.requestId };
  const [user] = await db.select().from(users).where(eq(users.username, username));

  if (!user) {
    await burnPasswordCheck(input.password);
    await recordLoginFailure(db, keys, now);
    await recordAudit(db, context, { action: 'auth.login_failed', outcome: 'failure', details: { reason: 'unknown_user' } });
    return { ok: false, error: invalidCredentials() };
  }
  const actor = { userId: user.id, username: user.username, agencyId: user.agencyId };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, { ...context, actor }, { action: 'auth.login_failed', outcome: 'denied', details: { reason: 'locked' } });
    return {
      ok: false,
      error: new AppError(
        423,
        'account_locked',
        `Too many failed sign-ins; the account is locked for ${LOCKOUT_MINUTES} minutes or until an administrator unlocks it.`,
      ),
    };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailedAttempt(db, user.id, now);
    await recordLoginFailure(db, keys, now);
    await recordAudit(db, { ...context, actor }, { action: 'auth.login_failed', outcome: 'failure', details: { reason: 'password' } });
    return { ok: false, error: invalidCredentials() };
  }
  if (!user.active) {
    await recordAudit(db, { ...context, actor }, { action: 'auth.login_failed', outcome: 'denied', details: { reason: 'disabled' } });
    return { ok: false, error: new AppError(403, 'account_disabled', 'This account is disabled; ask your agency administrator.') };
  }

  const { permissions } = await loadPermissions(db, user.id);
  const required = !user.secondFactorWaived && secondFactorRequiredFor(permissions);
  const stage: SessionStage = user.totpEnabled ? 'second_factor' : required ? 'enrolment' : 'active';
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, ...(stage === 'active' ? { lastLoginAt: now } : {}) })
    .where(eq(users.id, user.id));
  const { token } = await createSession(db, user.id, stage, input.userAgent, sessions, now);
  await recordAudit(db, { ...context, actor }, { action: 'auth.login', details: { stage } });
  return { ok: true, token, stage, userId: user.id };
}

/** Checks an authenticator code (or burns a recovery code); returns false without side effects on failure. */
export async function checkSecondFactor(db: Queryable, keyRing: KeyRing, userId: string, code: string, now = new Date()): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user?.totpEnabled || !user.totpSecretEnc) return false;
  const step = verifyTotp(keyRing.decrypt(user.totpSecretEnc), code, user.totpLastStep, now.getTime());
  if (step !== null) {
    await db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
    return true;
  }
  const recoveryHash = hashRecoveryCode(code);
  if (!user.recoveryCodeHashes.includes(recoveryHash)) return false;
  await db
    .update(users)
    .set({ recoveryCodeHashes: user.recoveryCodeHashes.filter((stored) => stored !== recoveryHash) })
    .where(eq(users.id, userId));
  return true;
}
