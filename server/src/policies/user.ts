import type { Permission } from '@seamless/contracts';
import { type Actor, has } from './actor.js';

export type UserAction = 'list' | 'read' | 'create' | 'update';

const managesAll = (actor: Actor) => has(actor, 'admin:users:all_agencies');
const managesOwn = (actor: Actor) => has(actor, 'admin:users') || managesAll(actor);

/** Agency admins manage their own agency's accounts; system admins every agency's. */
export function canUser(actor: Actor, action: UserAction, target?: { agencyId: string }): boolean {
  if (!managesOwn(actor)) return false;
  if (action === 'list' || !target) return true;
  return managesAll(actor) || target.agencyId === actor.agencyId;
}

/** What a role hands out, as far as granting it is concerned. */
export type GrantableRole = { permissions: readonly Permission[]; assignableByAgencyAdmins: boolean };

/** No administrator hands out administrative power beyond their own: an agency admin cannot mint system admins. */
export const holdsAdminPowerOf = (actor: Actor, permissions: readonly Permission[]) =>
  permissions.every((permission) => !permission.startsWith('admin:') || actor.permissions.has(permission));

/**
 * DESIGN.md §4: no administrator grants a permission it lacks. Working permissions (cases,
 * sections, imports, exports) are held for granting by the system administrators, who decide
 * role by role which of them agency administrators may hand out; an agency administrator who
 * could give any account case data could give it to an account of their own making.
 */
export function canGrantRole(actor: Actor, role: GrantableRole): boolean {
  if (!managesOwn(actor) || !holdsAdminPowerOf(actor, role.permissions)) return false;
  return managesAll(actor) || role.assignableByAgencyAdmins;
}

/**
 * Setting a password or resetting the second factor of an account is taking it over, so it is
 * open only on accounts whose every role the administrator could have granted.
 */
export const canResetCredentials = (actor: Actor, targetRoles: readonly GrantableRole[]) =>
  targetRoles.every((role) => canGrantRole(actor, role));
