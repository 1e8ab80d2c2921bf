import { and, count, eq, ilike, inArray, isNotNull, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { changedFields, recordAudit } from '../../audit/record.js';
import { nextDraftKeyGeneration } from '../../auth/draftKey.js';
import { accountKey, accountWaits, forgetFailures } from '../../auth/loginThrottle.js';
import { assertPasswordAcceptable, hashPassword } from '../../auth/passwords.js';
import { assignUserAccess } from '../../commands/assignUserAccess.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { inTurn, type Tx } from '../../db/client.js';
import { agencies, roles, sessions, userGroupMembers, userRoles, users } from '../../db/schema/index.js';
import { actorOf, auditContextOf } from '../../http/context.js';
import { likePattern, offsetOf, orderFrom } from '../../http/listing.js';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/problem.js';
import { dbActorOf } from '../../policies/actor.js';
import { canResetCredentials, canUser, holdsAdminPowerOf } from '../../policies/user.js';
import { presentUser } from '../../presenters/admin.js';
import { userCreateRouteSchema, userGetSchema, userListSchema, userUpdateRouteSchema } from './schema.js';

const SORTABLE = { username: users.username, displayName: users.displayName, lastLoginAt: users.lastLoginAt };

type UserRow = typeof users.$inferSelect;

/** Adds agency names, role keys, group ids and sign-in waits to user rows in four queries, whatever the page size. */
async function presentUsers(tx: Tx, rows: UserRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const [agencyRows, roleRows, groupRows, waits] = await inTurn([
    () =>
      tx
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(inArray(agencies.id, [...new Set(rows.map((r) => r.agencyId))])),
    () =>
      tx
        .select({ userId: userRoles.userId, key: roles.key })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(inArray(userRoles.userId, ids)),
    () => tx.select().from(userGroupMembers).where(inArray(userGroupMembers.userId, ids)),
    () =>
      accountWaits(
        tx,
        rows.map((row) => row.username),
      ),
  ]);
  return rows.map((row) =>
    presentUser(row, {
      agencyName: agencyRows.find((agency) => agency.id === row.agencyId)?.name ?? '',
      roleKeys: roleRows
        .filter((r) => r.userId === row.id)
        .map((r) => r.key)
        .sort(),
      groupIds: groupRows.filter((g) => g.userId === row.id).map((g) => g.groupId),
      signInWaitsUntil: waits.get(row.username) ?? null,
    }),
  );
}

/** The roles an account holds, as far as handing them out is concerned. */
const rolesOf = (tx: Tx, userId: string) =>
  tx
    .select({ permissions: roles.permissions, assignableByAgencyAdmins: roles.assignableByAgencyAdmins })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId));

export function userRoutes(app: FastifyInstance, { database }: AppDeps) {
  const { db } = database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const loadVisible = async (tx: Tx, id: string) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw notFound();
    return row;
  };

  api.get('/api/admin/users', { schema: userListSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canUser(actor, 'list')) throw forbidden();
    const { page, pageSize, sort, q, agencyId, resetRequested } = request.query;
    const where = and(
      q ? or(ilike(users.username, likePattern(q)), ilike(users.displayName, likePattern(q))) : undefined,
      agencyId ? eq(users.agencyId, agencyId) : undefined,
      resetRequested ? isNotNull(users.passwordResetRequestedAt) : undefined,
    );
    // Row-level security limits agency admins to their own agency's accounts.
    return asActor(db, dbActorOf(actor), async (tx) => {
      const rows = await tx
        .select()
        .from(users)
        .where(where)
        .orderBy(orderFrom(sort, SORTABLE, 'username'))
        .limit(pageSize)
        .offset(offsetOf(page, pageSize));
      const [total] = await tx.select({ value: count() }).from(users).where(where);
      return { items: await presentUsers(tx, rows), total: total?.value ?? 0, page, pageSize };
    });
  });

  api.get('/api/admin/users/:id', { schema: userGetSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canUser(actor, 'list')) throw forbidden();
    return asActor(db, dbActorOf(actor), async (tx) => {
      const row = await loadVisible(tx, request.params.id);
      if (!canUser(actor, 'read', row)) throw notFound();
      const [presented] = await presentUsers(tx, [row]);
      return presented!;
    });
  });

  api.post('/api/admin/users', { schema: userCreateRouteSchema }, async (request, reply) => {
    const actor = actorOf(request);
    const { password, roleKeys, groupIds, ...fields } = request.body;
    if (!canUser(actor, 'create', fields)) throw forbidden('You can create accounts only in agencies you administer.');
    assertPasswordAcceptable(password, fields.username, 'password');
    // Usernames are unique across agencies, which row-level security hides from an agency admin;
    // the unique index stays the final word if two admins race.
    const [taken] = await asSystem(db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.username, fields.username)));
    if (taken)
      throw new AppError(409, 'username_taken', 'That username is taken.', [
        { path: 'username', code: 'username_taken', message: 'taken' },
      ]);
    const passwordHash = await hashPassword(password);
    const presented = await asActor(db, dbActorOf(actor), async (tx) => {
      const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, fields.agencyId));
      if (!agency) throw fieldError(422, 'invalid_reference', 'agencyId', 'No such agency.');
      const [created] = await tx
        .insert(users)
        .values({ ...fields, passwordHash })
        .returning();
      await assignUserAccess(tx, actor, created!, { roleKeys, groupIds });
      const context = auditContextOf(request);
      await recordAudit(tx, context, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: created!.id,
        details: { agencyId: fields.agencyId },
      });
      await recordAudit(tx, context, {
        action: 'user.permissions_changed',
        resourceType: 'user',
        resourceId: created!.id,
        details: { roleKeys, groupIds: groupIds ?? [] },
      });
      return (await presentUsers(tx, [created!]))[0]!;
    });
    return reply.status(201).send(presented);
  });

  api.patch('/api/admin/users/:id', { schema: userUpdateRouteSchema }, async (request) => {
    const actor = actorOf(request);
    if (!canUser(actor, 'list')) throw forbidden();
    const { version, roleKeys, groupIds, unlock, resetSecondFactor, newPassword, ...fields } = request.body;
    const presented = await asActor(db, dbActorOf(actor), async (tx) => {
      const current = await loadVisible(tx, request.params.id);
      if (!canUser(actor, 'update', current)) throw notFound();
      const currentRoles = await rolesOf(tx, current.id);
      if (
        !holdsAdminPowerOf(
          actor,
          currentRoles.flatMap((role) => role.permissions),
        )
      ) {
        throw forbidden('This account holds administrative permissions beyond yours; ask a system administrator.');
      }
      if ((newPassword || resetSecondFactor) && !canResetCredentials(actor, currentRoles)) {
        throw forbidden('This account holds a role you may not hand out, so only a system administrator may reset its sign-in.');
      }
      if (current.version !== version) throw conflict();
      if (current.id === actor.userId && (fields.active === false || roleKeys)) {
        throw forbidden('You cannot disable yourself or change your own roles; ask another administrator.');
      }
      if (newPassword) assertPasswordAcceptable(newPassword, current.username);
      if (unlock) await forgetFailures(tx, [accountKey(current.username)]);
      const credentialChanges = {
        ...(resetSecondFactor ? { totpEnabled: false, totpSecretEnc: null, totpLastStep: null, recoveryCodeHashes: [] } : {}),
        ...(newPassword
          ? { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), passwordResetRequestedAt: null }
          : {}),
        ...(newPassword || (current.active && fields.active === false) ? nextDraftKeyGeneration() : {}),
      };
      const [updated] = await tx
        .update(users)
        .set({ ...fields, ...credentialChanges, version: version + 1, updatedAt: new Date() })
        .where(and(eq(users.id, current.id), eq(users.version, version)))
        .returning();
      const context = auditContextOf(request);
      await recordAudit(tx, context, {
        action: 'user.update',
        resourceType: 'user',
        resourceId: current.id,
        details: {
          changes: changedFields(current, fields, ['displayName', 'email']),
          ...(unlock ? { unlocked: true } : {}),
          ...(resetSecondFactor ? { secondFactorReset: true } : {}),
          ...(newPassword ? { passwordReset: true } : {}),
        },
      });
      if (roleKeys || groupIds) {
        await assignUserAccess(tx, actor, current, { roleKeys, groupIds });
        await recordAudit(tx, context, {
          action: 'user.permissions_changed',
          resourceType: 'user',
          resourceId: current.id,
          details: { roleKeys, groupIds },
        });
      }
      return (await presentUsers(tx, [updated!]))[0]!;
    });
    // Sessions opened before a disabled account, a new password or a reset second factor end
    // now. (Roles need no revocation: permissions are read afresh on every request.)
    if (request.body.active === false || newPassword || resetSecondFactor) {
      await asSystem(db, (tx) => tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, presented.id)));
    }
    return presented;
  });
}
