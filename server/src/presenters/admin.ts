import type { Agency, AuditEvent, Permission, Role, User } from '@seamless/contracts';
import { isPermission } from '@seamless/contracts';
import type { agencies, auditEvents, roles, users } from '../db/schema/index.js';

type AgencyRow = typeof agencies.$inferSelect;
type RoleRow = typeof roles.$inferSelect;
type UserRow = typeof users.$inferSelect;
type AuditRow = typeof auditEvents.$inferSelect;

export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    countryCode: row.countryCode,
    parentId: row.parentId,
    name: row.name,
    localName: row.localName,
    acronym: row.acronym,
    organisationType: row.organisationType,
    agencyFunction: row.agencyFunction,
    city: row.city,
    province: row.province,
    phone: row.phone,
    email: row.email,
    active: row.active,
    version: row.version,
  };
}

export function presentRole(
  row: RoleRow,
  requiresSecondFactor: (permissions: Permission[]) => boolean,
  assignable: (row: RoleRow) => boolean,
): Role {
  const permissions = row.permissions.filter(isPermission);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    builtIn: row.builtIn,
    permissions,
    requiresSecondFactor: requiresSecondFactor(permissions),
    assignableByAgencyAdmins: row.assignableByAgencyAdmins,
    assignable: assignable(row),
    version: row.version,
  };
}

/** Password hashes, TOTP secrets and recovery codes never leave the server. */
export function presentUser(
  row: UserRow,
  extra: { agencyName: string; roleKeys: string[]; groupIds: string[]; signInWaitsUntil: Date | null },
): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    agencyId: row.agencyId,
    agencyName: extra.agencyName,
    roleKeys: extra.roleKeys,
    groupIds: extra.groupIds,
    locale: row.locale,
    active: row.active,
    lockedUntil: extra.signInWaitsUntil?.toISOString() ?? null,
    secondFactorEnabled: row.totpEnabled,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    passwordResetRequestedAt: row.passwordResetRequestedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentAuditEvent(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    actorAgencyId: row.actorAgencyId,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    outcome: row.outcome,
    requestId: row.requestId,
    details: row.details,
    hash: row.hash,
  };
}
