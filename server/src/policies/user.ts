import type { Permission } from '@seamless/contracts';
import { type Actor, has } from './actor.js';

export type UserAction = 'list' | 'read' | 'create' | 'update';

/** What the account rules need of an administrator: her agency and permissions, not her session. */
type Administrator = Pick<Actor, 'agencyId' | 'permissions'>;

const managesAll = (actor: Pick<Actor, 'permissions'>) => has(actor, 'admin:users:all_agencies');
const managesOwn = (actor: Pick<Actor, 'permissions'>) => has(actor, 'admin:users') || managesAll(actor);

/** Agency admins manage their own agency's accounts; system admins every agency's. */
export function canUser(actor: Administrator, action: UserAction, target?: { agencyId: string }): boolean {
  if (!managesOwn(actor)) return false;
  if (action === 'list' || !target) return true;
  return managesAll(actor) || target.agencyId === actor.agencyId;
}

/** What a role hands out, as far as granting it is concerned. */
export type GrantableRole = { permissions: readonly Permission[]; assignableByAgencyAdmins: boolean };

/** No administrator hands out administrative power beyond their own: an agency admin cannot mint system admins. */
export const holdsAdminPowerOf = (actor: Pick<Actor, 'permissions'>, permissions: readonly Permission[]) =>
  permissions.every((permission) => !permission.startsWith('admin:') || actor.permissions.has(permission));

/**
 * DESIGN.md §4: no administrator grants a permission it lacks. Working permissions (cases,
 * sections, imports, exports) are held for granting by the system administrators, who decide
 * role by role which of them agency administrators may hand out; an agency administrator who
 * could give any account case data could give it to an account of their own making.
 */
export function canGrantRole(actor: Pick<Actor, 'permissions'>, role: GrantableRole): boolean {
  if (!managesOwn(actor) || !holdsAdminPowerOf(actor, role.permissions)) return false;
  return managesAll(actor) || role.assignableByAgencyAdmins;
}

/**
 * Setting a password or resetting the second factor of an account is taking it over, so it is
 * open only on accounts whose every role the administrator could have granted.
 */
export const canResetCredentials = (actor: Pick<Actor, 'permissions'>, targetRoles: readonly GrantableRole[]) =>
  targetRoles.every((role) => canGrantRole(actor, role));

/** The permissions that make an account an administrator of accounts, of its agency or of all. */
export const ACCOUNT_ADMIN_PERMISSIONS: readonly Permission[] = ['admin:users', 'admin:users:all_agencies'];

/**
 * A forgotten password goes to the administrators of her account: those of her own agency, who
 * know her, and the system administrators, who can reset any account (an agency administrator may
 * reset only accounts whose roles she could grant). Never to another agency's, and never to
 * herself: an administrator who forgot hers asks a colleague.
 */
export const receivesResetRequestOf = (admin: Administrator & { id: string }, user: { id: string; agencyId: string }) =>
  admin.id !== user.id && canUser(admin, 'update', user);
