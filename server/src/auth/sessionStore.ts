import { isLocale, isPermission, type Permission, type SessionStage } from '@seamless/contracts';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { preparedAs } from '../db/preparedStatements.js';
import { agencies, roles, sessions, userRoles, users } from '../db/schema/index.js';
import type { Actor } from '../policies/actor.js';
import { hashToken, newToken } from './tokens.js';

export type SessionPolicy = {
  idleMinutes: number;
  maxHours: number;
  /** The demo is on (`SEED_DEMO`): only then do the seeded demo accounts go without a second factor. */
  demo: boolean;
};

/**
 * DESIGN.md §8: demo accounts need no second factor in the demo — and only there. The flag is
 * set by the demo seed alone (a trigger refuses anyone else), and counts only while the demo is
 * on, so a demo database later run for real asks every account holding victim data for a code.
 */
export const secondFactorWaived = (user: { secondFactorWaived: boolean }, demo: boolean) => demo && user.secondFactorWaived;

export type AuthState = {
  sessionId: string;
  stage: SessionStage;
  actor: Actor;
  /** Set when the user's roles require a second factor and it is not waived. */
  secondFactorRequired: boolean;
  totpEnabled: boolean;
  tourSeen: boolean;
};

export async function createSession(
  db: Queryable,
  userId: string,
  stage: SessionStage,
  userAgent: string | undefined,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      stage,
      userAgent: userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.idleMinutes * 60_000),
      absoluteExpiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
    })
    .returning({ id: sessions.id });
  return { token, sessionId: row!.id };
}

/** Moves a session to a new stage under a fresh token, so a token seen before sign-in completes is worthless after. */
export async function advanceSession(db: Queryable, sessionId: string, stage: SessionStage): Promise<string> {
  const token = newToken();
  await db
    .update(sessions)
    .set({ stage, tokenHash: hashToken(token) })
    .where(eq(sessions.id, sessionId));
  return token;
}

export async function revokeSession(db: Queryable, sessionId: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends every open session of the user but one; answers how many ended. */
export async function revokeOtherSessions(db: Queryable, userId: string, keepSessionId: string, now = new Date()): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

type RoleGrant = { key: string; permissions: readonly string[] };

function permissionsOf(rows: readonly RoleGrant[]): { roleKeys: string[]; permissions: Set<Permission> } {
  const permissions = new Set<Permission>();
  for (const row of rows) for (const permission of row.permissions) if (isPermission(permission)) permissions.add(permission);
  return { roleKeys: rows.map((row) => row.key).sort(), permissions };
}

export async function loadPermissions(db: Queryable, userId: string): Promise<{ roleKeys: string[]; permissions: Set<Permission> }> {
  const rows = await db
    .select({ key: roles.key, permissions: roles.permissions })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId));
  return permissionsOf(rows);
}

/** The user's roles with their permissions, as a column of the session's own select. */
const roleGrantsOfUser = sql<
  RoleGrant[]
>`(select coalesce(json_agg(json_build_object('key', ${roles.key}, 'permissions', ${roles.permissions})), '[]')
  from ${userRoles} join ${roles} on ${roles.id} = ${userRoles.roleId} where ${userRoles.userId} = ${users.id})`;

/**
 * Resolves a session cookie to the acting user, sliding the idle expiry at most once a minute.
 * Every API request starts here, so the session, the user, the agency and the roles come in one
 * statement, outside any transaction, with only the columns a request uses (no password hash or
 * second-factor secret travels with every request).
 */
export async function authenticateToken(
  db: Queryable,
  token: string,
  policy: SessionPolicy,
  requiresSecondFactor: (permissions: Set<Permission>) => boolean,
  now = new Date(),
): Promise<AuthState | null> {
  // Every API request asks this same statement: the database parses and plans it once per connection.
  const [row] = await preparedAs(
    'authenticate_session',
    db
      .select({
        session: { id: sessions.id, stage: sessions.stage, lastSeenAt: sessions.lastSeenAt, absoluteExpiresAt: sessions.absoluteExpiresAt },
        user: {
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          locale: users.locale,
          totpEnabled: users.totpEnabled,
          tourSeenAt: users.tourSeenAt,
          secondFactorWaived: users.secondFactorWaived,
          pseudonymMode: users.pseudonymMode,
        },
        agency: { id: agencies.id, name: agencies.name, countryCode: agencies.countryCode },
        roleGrants: roleGrantsOfUser,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gt(sessions.absoluteExpiresAt, now),
          eq(users.active, true),
        ),
      ),
  );
  if (!row) return null;
  const { session, user, agency, roleGrants } = row;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const idleExpiry = new Date(Math.min(now.getTime() + policy.idleMinutes * 60_000, session.absoluteExpiresAt.getTime()));
    await db.update(sessions).set({ lastSeenAt: now, expiresAt: idleExpiry }).where(eq(sessions.id, session.id));
  }
  const { roleKeys, permissions } = permissionsOf(roleGrants);
  return {
    sessionId: session.id,
    stage: session.stage,
    secondFactorRequired: requiresSecondFactor(permissions) && !secondFactorWaived(user, policy.demo),
    totpEnabled: user.totpEnabled,
    tourSeen: user.tourSeenAt !== null,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      agencyId: agency.id,
      agencyName: agency.name,
      countryCode: agency.countryCode,
      roleKeys,
      permissions,
      locale: isLocale(user.locale) ? user.locale : 'en',
      pseudonymMode: user.pseudonymMode,
      sessionId: session.id,
    },
  };
}

export async function activeSessionsOf(db: Queryable, userId: string, now = new Date()) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}
