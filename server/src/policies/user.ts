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

/**
 * Administrators assign working roles (case manager, shelter staff…) they do not hold
 * themselves, but never administrative power beyond their own: an agency admin cannot mint
 * system admins.
 */
export function canGrantRole(actor: Actor, rolePermissions: readonly Permission[]): boolean {
  return rolePermissions.every((permission) => !permission.startsWith('admin:') || actor.permissions.has(permission));
}
