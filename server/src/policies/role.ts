import type { Permission } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { holdsAdminPowerOf } from './user.js';

export type RoleAction = 'read' | 'create' | 'update';

export function canRole(actor: Actor, action: RoleAction): boolean {
  return action === 'read' ? true : has(actor, 'admin:roles');
}

/**
 * Whether the actor may make a role carry `permissions`: never administrative power beyond
 * their own, and never a permission they lack added to a role they hold themselves — editing
 * one's own role is granting to oneself.
 */
export function canDefineRole(
  actor: Actor,
  permissions: readonly Permission[],
  role?: { key: string; permissions: readonly Permission[] },
): boolean {
  if (!holdsAdminPowerOf(actor, permissions)) return false;
  if (!role || !actor.roleKeys.includes(role.key)) return true;
  return permissions.every((permission) => role.permissions.includes(permission) || actor.permissions.has(permission));
}
