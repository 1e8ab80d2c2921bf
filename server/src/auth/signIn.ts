import type { SessionStage } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Queryable } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';
import { secondFactorRequiredFor } from '../policies/actor.js';
import { isKnownDevice, rememberDevice } from './knownDevices.js';
import { assertNotThrottled, knownDeviceKeys, recordLoginFailure, signInKeys } from './loginThrottle.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { createSession, loadPermissions, type SessionPolicy, secondFactorWaived } from './sessionStore.js';
import { hashRecoveryCode, verifyTotp } from './totp.js';

export type SignInInput = {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  requestId: string;
  /** The demo is on: its seeded accounts need no second factor (DESIGN.md §8). */
  demo: boolean;
  /** The known-device cookie, if the browser sent one. */
  deviceToken?: string;
};

/** A refusal whose bookkeeping (failure count, audit) must commit before the error is raised. */
export type SignInOutcome =
  | { ok: true; token: string; stage: SessionStage; userId: string; deviceToken: string }
  | { ok: false; error: AppError };

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Wrong username or password.');

/**
 * The same answer, after the same work, for a name without an account and a wrong password:
 * neither the status, the body, the waits nor the time taken tell whether an account exists.
 */
export async function signIn(db: Queryable, input: SignInInput, sessions: SessionPolicy, now = new Date()): Promise<SignInOutcome> {
  const username = input.username.trim().toLowerCase();
  const knownDevice = await isKnownDevice(db, input.deviceToken, username, now);
  const keys = knownDevice && input.deviceToken ? knownDeviceKeys(input.ip, input.deviceToken) : signInKeys(input.ip, username);
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
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordLoginFailure(db, keys, now);
    await recordAudit(db, { ...context, actor }, { action: 'auth.login_failed', outcome: 'failure', details: { reason: 'password' } });
    return { ok: false, error: invalidCredentials() };
  }
  if (!user.active) {
    await recordAudit(db, { ...context, actor }, { action: 'auth.login_failed', outcome: 'denied', details: { reason: 'disabled' } });
    return { ok: false, error: new AppError(403, 'account_disabled', 'This account is disabled; ask your agency administrator.') };
  }

  const { permissions } = await loadPermissions(db, user.id);
  const required = secondFactorRequiredFor(permissions) && !secondFactorWaived(user, input.demo);
  const stage: SessionStage = user.totpEnabled ? 'second_factor' : required ? 'enrolment' : 'active';
  if (stage === 'active') await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  const { token } = await createSession(db, user.id, stage, input.userAgent, sessions, now);
  await recordAudit(db, { ...context, actor }, { action: 'auth.login', details: { stage } });
  const deviceToken = knownDevice && input.deviceToken ? input.deviceToken : await rememberDevice(db, user.id, now);
  return { ok: true, token, stage, userId: user.id, deviceToken };
}

/** Checks an authenticator code (or burns a recovery code); returns false without side effects on failure. */
export async function checkSecondFactor(db: Queryable, keyRing: KeyRing, userId: string, code: string, now = new Date()): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user?.totpEnabled || !user.totpSecretEnc) return false;
  const step = verifyTotp(
    keyRing.decrypt(user.totpSecretEnc, placeOf(users.totpSecretEnc, user.id)),
    code,
    user.totpLastStep,
    now.getTime(),
  );
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
